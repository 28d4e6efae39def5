// Take comparison: per control, how far two sets of curves are apart over the shot. Frames where
// either side is not a number (a failed frame) are left out rather than poisoning the mean.

export interface ControlDiff {
  control: string;
  /** Mean absolute difference over the compared frames. */
  mean: number;
  max: number;
  /** Frame (shot numbering) of the largest difference; null when nothing was compared. */
  maxFrame: number | null;
  frames: number;
}

export type CurveLookup = (control: string) => ArrayLike<number> | undefined;

/**
 * Differences of every control that both sides have, largest first (by max, then mean). `a` and
 * `b` are indexed from `firstFrame`; only the frames both cover are compared.
 */
export function diffCurves(controls: readonly string[], a: CurveLookup, b: CurveLookup, firstFrame: number): ControlDiff[] {
  const out: ControlDiff[] = [];
  for (const control of controls) {
    const va = a(control);
    const vb = b(control);
    if (!va || !vb) continue;
    const n = Math.min(va.length, vb.length);
    let sum = 0;
    let max = 0;
    let maxAt = -1;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.abs(va[i]! - vb[i]!);
      if (!Number.isFinite(d)) continue;
      sum += d;
      count++;
      if (d > max || maxAt < 0) {
        max = d;
        maxAt = i;
      }
    }
    out.push({ control, mean: count > 0 ? sum / count : 0, max, maxFrame: maxAt >= 0 ? firstFrame + maxAt : null, frames: count });
  }
  return out.sort((x, y) => y.max - x.max || y.mean - x.mean || x.control.localeCompare(y.control));
}

/** Overall figures for the summary line above the table. */
export function diffSummary(diffs: readonly ControlDiff[], threshold: number): { controls: number; over: number; worst: ControlDiff | null } {
  return { controls: diffs.length, over: diffs.filter((d) => d.max > threshold).length, worst: diffs[0] ?? null };
}

/**
 * Curves per control, sampled from a per-frame sampler (the curve editor's final values), so a
 * take can be compared with what the animator made of it.
 */
export function curvesFromSampler(
  controls: readonly string[],
  first: number,
  last: number,
  sample: (frame: number, out: Float32Array) => boolean,
): Map<string, Float32Array> | null {
  const length = Math.max(0, last - first + 1);
  const curves = controls.map(() => new Float32Array(length));
  const row = new Float32Array(controls.length);
  for (let i = 0; i < length; i++) {
    if (!sample(first + i, row)) return null;
    for (let c = 0; c < controls.length; c++) curves[c]![i] = row[c]!;
  }
  return new Map(controls.map((c, i) => [c, curves[i]!]));
}
