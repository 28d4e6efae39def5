// Click-to-select on the head: which control owns the vertex under the cursor, and which
// controls the click hands to the curve editor. Pure, so the rules are tested without WebGL.
import type { ControlDef } from '../../../electron/common/controls';

export interface PickCandidate {
  readonly name: string;
  /** The target's per-vertex deltas (x, y, z per vertex). */
  readonly delta: ArrayLike<number>;
}

/** Below this (metres) a vertex counts as unmoved: the back of the skull picks nothing. */
export const MIN_PICK_DELTA = 1e-5;

/** The candidate that moves `vertex` the most, or null when none moves it noticeably. */
export function dominantTarget(vertex: number, candidates: readonly PickCandidate[], min = MIN_PICK_DELTA): { name: string; magnitude: number } | null {
  let best: { name: string; magnitude: number } | null = null;
  const o = vertex * 3;
  for (const c of candidates) {
    const x = c.delta[o] ?? 0,
      y = c.delta[o + 1] ?? 0,
      z = c.delta[o + 2] ?? 0;
    const m = Math.sqrt(x * x + y * y + z * z);
    if (m >= min && (!best || m > best.magnitude)) best = { name: c.name, magnitude: m };
  }
  return best;
}

/** Which of a hit triangle's corners is nearest the hit point (squared distances). */
export function nearestCorner(d2a: number, d2b: number, d2c: number): 0 | 1 | 2 {
  if (d2a <= d2b && d2a <= d2c) return 0;
  return d2b <= d2c ? 1 : 2;
}

/**
 * The controls a click selects: the dominant control's region on its side (plus the region's
 * centre controls), or the whole region with `wholeRegion` (Shift+click). In control order, as
 * the curve list shows them. A control outside the known set selects just itself.
 */
export function selectionFor(control: string, defs: readonly ControlDef[], wholeRegion: boolean): string[] {
  const def = defs.find((d) => d.name === control);
  if (!def) return [control];
  return defs
    .filter((d) => d.region === def.region && (wholeRegion || def.side === 'C' || d.side === def.side || d.side === 'C'))
    .sort((a, b) => a.index - b.index)
    .map((d) => d.name);
}
