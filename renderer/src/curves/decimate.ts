// Min/max decimation per pixel column: what a curve covers in each column of the plot, so a
// 20,000-frame curve is drawn as ≤ width vertical spans instead of 20,000 segments, with no
// spike lost. Columns are in scaled device px (x = frame · pxPerFrame), so a result stays valid
// while the view pans and can be cached (see column-cache.ts).

export interface Columns {
  /** First column, scaled device px. */
  col0: number;
  count: number;
  /** Per column: the curve's extent there; +Infinity / −Infinity where it does not reach. */
  min: Float32Array;
  max: Float32Array;
}

export function allocColumns(capacity: number): Columns {
  return { col0: 0, count: 0, min: new Float32Array(capacity), max: new Float32Array(capacity) };
}

/**
 * The piecewise-linear curve through (firstFrame + i, values[i]), decimated into columns
 * col0 … col0+count−1 at `pxPerFrame` (device px). Each column's span holds the samples inside
 * it and the curve's values where it crosses the column's edges, so neighbouring spans join up
 * and zoomed-in segments that cross many columns are drawn without gaps.
 */
export function decimateMinMax(values: Float32Array, firstFrame: number, pxPerFrame: number, col0: number, count: number, out: Columns): Columns {
  if (out.min.length < count) throw new Error(`columns buffer too small: ${out.min.length} < ${count}`);
  out.col0 = col0;
  out.count = count;
  decimateInto(values, firstFrame, pxPerFrame, col0, count, out.min, out.max, 0);
  return out;
}

/** decimateMinMax writing columns col0… into min/max from index `at` (for partial cache fills). */
export function decimateInto(
  values: Float32Array,
  firstFrame: number,
  pxPerFrame: number,
  col0: number,
  count: number,
  mn: Float32Array,
  mx: Float32Array,
  at: number,
): void {
  mn.fill(Infinity, at, at + count);
  mx.fill(-Infinity, at, at + count);
  const n = values.length;
  if (n === 0 || !(pxPerFrame > 0)) return;
  const xFirst = firstFrame * pxPerFrame;
  const xLast = (firstFrame + n - 1) * pxPerFrame;
  const invPpf = 1 / pxPerFrame;
  // Only the columns the data reaches.
  const cStart = Math.max(col0, Math.floor(xFirst));
  const cEnd = Math.min(col0 + count - 1, Math.floor(xLast));
  if (cEnd < cStart) return;
  let left = valueAtX(values, firstFrame, invPpf, Math.max(cStart, xFirst));
  for (let c = cStart; c <= cEnd; c++) {
    const xr = Math.min(c + 1, xLast);
    const right = valueAtX(values, firstFrame, invPpf, xr);
    let lo = left < right ? left : right;
    let hi = left < right ? right : left;
    // Samples strictly inside (c, c+1): indices with c < (firstFrame + i)·ppf < c+1.
    let i = Math.floor(c * invPpf - firstFrame) + 1;
    if (i < 0) i = 0;
    const iEnd = Math.min(n - 1, Math.ceil((c + 1) * invPpf - firstFrame) - 1);
    for (; i <= iEnd; i++) {
      const v = values[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const k = c - col0 + at;
    mn[k] = lo;
    mx[k] = hi;
    left = right;
  }
}

/** The curve's value at scaled x (linear between samples, held at the ends). */
export function valueAtX(values: Float32Array, firstFrame: number, invPpf: number, x: number): number {
  const t = x * invPpf - firstFrame;
  const n = values.length;
  if (t <= 0) return values[0]!;
  if (t >= n - 1) return values[n - 1]!;
  const i = Math.floor(t);
  const a = values[i]!;
  return a + (values[i + 1]! - a) * (t - i);
}
