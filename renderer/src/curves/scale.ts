// A tiny linear scale (the part of d3-scale a graph editor needs): map, invert and "nice" ticks.
// Pure, allocation-free on the hot path (map/invert), so a redraw can call it per sample.

export interface LinearScale {
  readonly d0: number;
  readonly d1: number;
  readonly r0: number;
  readonly r1: number;
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  return { d0: domain[0], d1: domain[1], r0: range[0], r1: range[1] };
}

/** Domain → range. A zero-width domain maps everything to r0 rather than NaN. */
export function scaleMap(s: LinearScale, v: number): number {
  const span = s.d1 - s.d0;
  return span === 0 ? s.r0 : s.r0 + ((v - s.d0) / span) * (s.r1 - s.r0);
}

/** Range → domain. */
export function scaleInvert(s: LinearScale, px: number): number {
  const span = s.r1 - s.r0;
  return span === 0 ? s.d0 : s.d0 + ((px - s.r0) / span) * (s.d1 - s.d0);
}

/**
 * The tick step (1, 2 or 5 × 10^k, times `minStep` multiples for integer axes) so that
 * ticks are at least `minPx` apart when one domain unit is `pxPerUnit` pixels.
 */
export function niceStep(pxPerUnit: number, minPx: number, minStep = 0): number {
  if (!(pxPerUnit > 0)) return 1;
  const raw = Math.max(minPx / pxPerUnit, minStep);
  const exp = Math.floor(Math.log10(raw));
  const base = Math.pow(10, exp);
  for (const m of [1, 2, 5, 10]) {
    const step = m * base;
    if (step >= raw - 1e-12) return step;
  }
  return 10 * base;
}

/** Multiples of `step` inside [lo, hi], computed from integers so 0.1 + 0.2 does not drift. */
export function ticksIn(lo: number, hi: number, step: number, max = 1000): number[] {
  if (!(step > 0) || !(hi >= lo)) return [];
  const a = Math.ceil(lo / step - 1e-9);
  const b = Math.floor(hi / step + 1e-9);
  const out: number[] = [];
  for (let i = a; i <= b && out.length < max; i++) out.push(roundTo(i * step, step));
  return out;
}

/** Rounds away binary noise relative to the step (0.30000000000000004 → 0.3). */
function roundTo(v: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(v.toFixed(Math.min(12, digits)));
}

/** Decimals that show a step exactly (0.05 → 2, 10 → 0). */
export function stepDecimals(step: number): number {
  if (step >= 1) return 0;
  return Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
}
