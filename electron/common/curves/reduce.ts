// Key reduction for export: dense per-frame curves become keys with a value tolerance, by
// Ramer–Douglas–Peucker on the final curve with linear segments, so the error between keys is the
// distance RDP measured: every frame stays within the tolerance, by construction.

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
