// A 1-D Catmull-Rom curve through (x, y) knots (x ascending), clamped flat beyond the ends:
// profiles of the nose, lips, brow line and hairline are written as a handful of knots.
export type Curve = (x: number) => number;

export function curve(knots: readonly (readonly [number, number])[]): Curve {
  const xs = knots.map((k) => k[0]);
  const ys = knots.map((k) => k[1]);
  const n = xs.length;
  return (x: number): number => {
    if (x <= xs[0]!) return ys[0]!;
    if (x >= xs[n - 1]!) return ys[n - 1]!;
    let i = 0;
    while (x > xs[i + 1]!) i++;
    const x0 = xs[i]!,
      x1 = xs[i + 1]!;
    const y0 = ys[i]!,
      y1 = ys[i + 1]!;
    // Finite-difference tangents (non-uniform knots), zero at the ends.
    const m0 = i > 0 ? (y1 - ys[i - 1]!) / (x1 - xs[i - 1]!) : 0;
    const m1 = i + 2 < n ? (ys[i + 2]! - y0) / (xs[i + 2]! - x0) : 0;
    const h = x1 - x0,
      s = (x - x0) / h,
      s2 = s * s,
      s3 = s2 * s;
    return (2 * s3 - 3 * s2 + 1) * y0 + (s3 - 2 * s2 + s) * h * m0 + (-2 * s3 + 3 * s2) * y1 + (s3 - s2) * h * m1;
  };
}
