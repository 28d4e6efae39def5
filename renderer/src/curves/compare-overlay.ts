// The take comparison (state/compare-store) as the graph shows it: each drawn control's compared
// curve, dashed and faint under its final curve, with a legend naming the compared take.
import type { CompareState } from '../state/compare-store';
import type { Dash } from './raster';

export interface CompareOverlay {
  /** What the compared curves are, for the legend: "Take 3". */
  label: string;
  /** The compared curves' first frame: curves.get(c)[0] is this frame. */
  firstFrame: number;
  curves: ReadonlyMap<string, Float32Array>;
  /** The compare store's version: the curve image's cache key. */
  version: number;
}

/** Dashes of the compared curves, in CSS px: drawn, then skipped. */
export const COMPARE_DASH: Dash = { on: 6, off: 4 };
/** How strongly the compared curves show over the plot. */
export const COMPARE_ALPHA = 0.6;

/** The comparison to overlay on the shot's graph; null when none is active or it is another shot's. */
export function compareOverlayFor(s: Pick<CompareState, 'shotId' | 'label' | 'firstFrame' | 'curves' | 'version'>, shotId: number): CompareOverlay | null {
  if (!s.curves || s.curves.size === 0 || s.shotId !== shotId) return null;
  return { label: s.label || 'compare', firstFrame: s.firstFrame, curves: s.curves, version: s.version };
}

/** The legend's text: the line styles and what they stand for. */
export function compareLegend(label: string): string {
  return `— final  - - ${label}`;
}

/** The dash pattern in device px (raster columns) at a device pixel ratio. */
export function compareDash(dpr: number): Dash {
  return { on: Math.max(1, Math.round(COMPARE_DASH.on * dpr)), off: Math.max(1, Math.round(COMPARE_DASH.off * dpr)) };
}
