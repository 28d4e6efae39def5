// Sparse blendshape accumulation: position = neutral + Σ wᵢ·Δᵢ, where each delta is walked only
// over its precomputed runs of moving vertices (a brow raise touches ~3 % of the head). One
// implementation for the rig evaluation (Node: synth renders, eval, export checks) and the head
// preview's CPU blend (renderer), so the preview shows exactly what the rig evaluates.

/** A delta with the stretches it is nonzero over. */
export interface SparseShape {
  readonly delta: Float32Array;
  /** [start, end) float offsets (vertex·3) of the stretches where the delta is nonzero. */
  readonly runs: Int32Array;
}

/** Zero gaps shorter than this (in vertices) are bridged: a few wasted adds beat a loop restart. */
const BRIDGE = 6;

/** Runs of vertices a delta moves; null when it moves none. */
export function deltaRuns(delta: ArrayLike<number>): Int32Array | null {
  const runs: number[] = [];
  const n = Math.floor(delta.length / 3);
  let start = -1,
    lastNonzero = -BRIDGE - 1;
  for (let v = 0; v < n; v++) {
    const o = v * 3;
    if (delta[o] === 0 && delta[o + 1] === 0 && delta[o + 2] === 0) continue;
    if (start < 0) start = v;
    else if (v - lastNonzero > BRIDGE) {
      runs.push(start * 3, (lastNonzero + 1) * 3);
      start = v;
    }
    lastNonzero = v;
  }
  if (start < 0) return null;
  runs.push(start * 3, (lastNonzero + 1) * 3);
  return Int32Array.from(runs);
}

/** The delta with its runs, or null when it moves nothing (callers skip it for free). */
export function sparseShape(delta: Float32Array): SparseShape | null {
  const runs = deltaRuns(delta);
  return runs ? { delta, runs } : null;
}

/** pos += w·shape, over the shape's runs only. */
export function accumulateShape(pos: Float32Array, shape: SparseShape, w: number): void {
  const d = shape.delta,
    runs = shape.runs;
  for (let r = 0; r < runs.length; r += 2) {
    const end = runs[r + 1]!;
    for (let i = runs[r]!; i < end; i++) pos[i] = pos[i]! + w * d[i]!;
  }
}

/**
 * out = neutral + Σ weights[i]·shapes[i]. Zero weights and null shapes cost nothing; weights
 * beyond the shapes (or shapes beyond the weights) are ignored. Returns `out`.
 */
export function blendShapes(neutral: Float32Array, shapes: readonly (SparseShape | null)[], weights: ArrayLike<number>, out: Float32Array): Float32Array {
  out.set(neutral);
  const n = Math.min(weights.length, shapes.length);
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    const s = shapes[i];
    if (s) accumulateShape(out, s, w);
  }
  return out;
}
