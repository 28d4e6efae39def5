// Frames without a value (the solver could not read them, a curves file skips them) get values
// interpolated from their neighbours (linear between the nearest known frames; held at the ends),
// so curves have no holes. Pure: the solver and the curves-take import both use it.

/** values[i] is NaN where unknown; fills in place and returns the indices filled. */
export function fillGaps(values: Float32Array): number[] {
  const filled: number[] = [];
  const n = values.length;
  let prev = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && Number.isNaN(values[i]!)) continue;
    // i is known (or the end); fill prev+1 .. i-1
    if (i - prev > 1) {
      for (let j = prev + 1; j < i; j++) {
        if (prev < 0 && i >= n) values[j] = 0;
        else if (prev < 0) values[j] = values[i]!;
        else if (i >= n) values[j] = values[prev]!;
        else values[j] = values[prev]! + ((values[i]! - values[prev]!) * (j - prev)) / (i - prev);
        filled.push(j);
      }
    }
    prev = i;
  }
  return filled;
}
