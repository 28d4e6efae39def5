// JSON: shot metadata, fps, controls and per-control value arrays (dense, one value per frame).
import { frameCount, type CurvesTable } from './curves-table';

export interface JsonExport {
  format: 'rigsolve-curves/1';
  shot: string;
  fps: number;
  firstFrame: number;
  frameCount: number;
  controls: string[];
  values: Record<string, number[]>;
  meta: Record<string, unknown>;
}

export function toJson(t: CurvesTable, meta: Record<string, unknown> = {}): string {
  const doc: JsonExport = {
    format: 'rigsolve-curves/1',
    shot: t.shotName,
    fps: t.fps,
    firstFrame: t.firstFrame,
    frameCount: frameCount(t),
    controls: [...t.controls],
    values: Object.fromEntries(t.controls.map((c, i) => [c, Array.from(t.values[i]!, (v) => Math.round(v * 1e6) / 1e6)])),
    meta,
  };
  return `${JSON.stringify(doc)}\n`;
}
