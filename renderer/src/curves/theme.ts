// The graph editor's colours, in one place (they match styles/base.css's dark DCC look).
import type { Rgb } from './raster';

export const GRAPH = {
  plotIn: [38, 41, 46] as Rgb, // inside the shot's frames and the control's 0…1 range
  plotOut: [29, 31, 35] as Rgb,
  gridMinor: [45, 48, 54] as Rgb,
  gridMajor: [54, 58, 65] as Rgb,
  gridUnit: [78, 84, 93] as Rgb, // value 0 and 1
  failed: [74, 38, 38] as Rgb,
  rulerBg: '#1f2125',
  rulerText: '#8e949c',
  rulerTick: '#5a5f67',
  gutterLine: '#0f1012',
  shotBar: '#3a4a5c',
  failedTick: '#e0564b',
  playhead: '#f0b429',
  playheadText: '#1a1400',
  keyFill: '#eceef1',
  keyStroke: '#0b0c0d',
  keySelFill: '#ffd84d',
  keySelStroke: '#000000',
  /** An offset key's centre (pose keys are filled). */
  keyHollow: '#26292e',
  handleLine: '#8fb8de',
  handleEnd: '#cfe3f5',
  boxFill: 'rgba(90, 165, 230, 0.12)',
  boxStroke: '#5aa5e6',
  readoutBg: 'rgba(16, 17, 19, 0.82)',
  readoutText: '#d4d7dc',
  readoutDim: '#8e949c',
  font: '10px ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  fontBold: '600 11px Inter, "Segoe UI", system-ui, sans-serif',
} as const;

/** How strongly the faint curves show over the plot. */
export const RAW_ALPHA = 0.38;
export const FILTERED_ALPHA = 0.7;
