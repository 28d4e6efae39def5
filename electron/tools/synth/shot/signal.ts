// Small signal-shaping helpers of the motion generator.
import type { Rng } from '../rng';

export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);
export const smoothstep = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x));
/** Minimum-jerk profile (Flash & Hogan 1985): how saccades and reaching movements accelerate. */
export const minJerk = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * x * (10 - 15 * x + 6 * x * x));
export const logNormal = (rng: Rng, median: number, sigma: number): number => median * Math.exp(sigma * rng.normal());

/** (control, value) pairs as a dense vector of C values, scaled. */
export function dense(pairs: [number, number][], C: number, scale = 1): Float32Array {
  const v = new Float32Array(C);
  for (const [i, x] of pairs) v[i] = v[i]! + x * scale;
  return v;
}

/** Calls add(frame, w) for frames inside an attack–hold–release pulse of weight w ∈ (0, 1]. */
export function addPulse(times: Float64Array, start: number, attack: number, hold: number, release: number, add: (f: number, w: number) => void): void {
  const end = start + attack + hold + release;
  for (let f = 0; f < times.length; f++) {
    const t = times[f]!;
    if (t <= start || t >= end) continue;
    const u = t - start;
    const w = u < attack ? smoothstep(u / attack) : u < attack + hold ? 1 : 1 - smoothstep((u - attack - hold) / release);
    if (w > 0) add(f, w);
  }
}
