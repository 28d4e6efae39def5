// Key reduction for export: dense per-frame curves become keys with a value tolerance, by
// Ramer–Douglas–Peucker on the final curve with linear segments (reduceCurve) or Hermite segments
// with tangents (reduceHermite), so the error between keys is the distance RDP measured: every
// frame stays within the tolerance, by construction.
import { hermite } from './keys';

export interface ReducedCurve {
  /** Indices (into the dense curve) of the kept keys, ascending; always includes the ends. */
  indices: number[];
  /** The largest |dense − reduced| over every frame. */
  maxError: number;
}

export function reduceCurve(values: Float32Array, tolerance: number): ReducedCurve {
  const n = values.length;
  if (n === 0) return { indices: [], maxError: 0 };
  if (n === 1) return { indices: [0], maxError: 0 };
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  // Iterative RDP (a 20,000-frame curve would overflow a recursive one's stack on noise).
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    let worst = -1;
    let worstErr = tolerance;
    const va = values[a]!;
    const slope = (values[b]! - va) / (b - a);
    for (let i = a + 1; i < b; i++) {
      const err = Math.abs(values[i]! - (va + slope * (i - a)));
      if (err > worstErr) {
        worstErr = err;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const indices: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) indices.push(i);
  return { indices, maxError: reconstructionError(values, indices) };
}

/** Max |dense − linear interpolation of the kept keys|, measured (not assumed). */
export function reconstructionError(values: Float32Array, indices: readonly number[]): number {
  let max = 0;
  for (let k = 0; k + 1 < indices.length; k++) {
    const a = indices[k]!;
    const b = indices[k + 1]!;
    const va = values[a]!;
    const slope = (values[b]! - va) / (b - a);
    for (let i = a; i <= b; i++) max = Math.max(max, Math.abs(values[i]! - (va + slope * (i - a))));
  }
  return max;
}

/** Keys for a curve drawn as cubic Hermite segments (Maya's non-weighted tangents) between them. */
export interface HermiteReduction {
  /** Indices (into the dense curve) of the kept keys, ascending; always includes the ends. */
  indices: number[];
  /** Slope (value per frame) arriving at and leaving each kept key, in the order of indices. */
  inSlopes: number[];
  outSlopes: number[];
  /** The largest |dense − Hermite| over every frame, measured. */
  maxError: number;
}

/**
 * A tangent at every frame of a dense curve (value per frame): the central difference where the
 * curve moves on both sides, one-sided (broken) where it holds on one side (a hold, a step, a
 * clamp at the control's range), the one side at the ends. A kept key takes its frame's slopes,
 * whichever keys are kept around it, so each segment's error depends on its two ends only.
 */
export function frameSlopes(values: Float32Array): { in: Float64Array; out: Float64Array } {
  const n = values.length;
  const sin = new Float64Array(n);
  const sout = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const dl = i > 0 ? values[i]! - values[i - 1]! : null;
    const dr = i < n - 1 ? values[i + 1]! - values[i]! : null;
    if (dl === null || dr === null) {
      sin[i] = sout[i] = dl ?? dr ?? 0;
    } else if (dl === 0 || dr === 0) {
      sin[i] = dl;
      sout[i] = dr;
    } else sin[i] = sout[i] = (dl + dr) / 2;
  }
  return { in: sin, out: sout };
}

function segmentWorst(values: Float32Array, a: number, b: number, sout: number, sin: number): { at: number; err: number } {
  const h = b - a;
  const va = values[a]!;
  const vb = values[b]!;
  let at = -1;
  let err = 0;
  for (let i = a + 1; i < b; i++) {
    const e = Math.abs(values[i]! - hermite(va, sout, vb, sin, h, (i - a) / h));
    if (e > err) {
      err = e;
      at = i;
    }
  }
  return { at, err };
}

/**
 * Key reduction for curves written with tangents: Ramer–Douglas–Peucker where a segment's error
 * is measured on the Hermite cubic through its two keys with their frames' slopes (frameSlopes),
 * so every frame stays within the tolerance by construction (two neighbouring frames are always
 * exact) and smooth motion needs far fewer keys than with straight segments.
 */
export function reduceHermite(values: Float32Array, tolerance: number): HermiteReduction {
  const n = values.length;
  const slopes = frameSlopes(values);
  const keep = new Uint8Array(n);
  if (n > 0) keep[0] = keep[n - 1] = 1;
  const stack: [number, number][] = n > 1 ? [[0, n - 1]] : [];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const w = segmentWorst(values, a, b, slopes.out[a]!, slopes.in[b]!);
    if (w.err > tolerance) {
      keep[w.at] = 1;
      stack.push([a, w.at], [w.at, b]);
    }
  }
  const indices: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) indices.push(i);
  const inSlopes = indices.map((i) => slopes.in[i]!);
  const outSlopes = indices.map((i) => slopes.out[i]!);
  let maxError = 0;
  for (let k = 0; k + 1 < indices.length; k++)
    maxError = Math.max(maxError, segmentWorst(values, indices[k]!, indices[k + 1]!, outSlopes[k]!, inSlopes[k + 1]!).err);
  return { indices, inSlopes, outSlopes, maxError };
}
