// The eyelids of the actor's left eye. The eye opening is a slit in the skin grid along the eye
// line; an "eye state" opens it by sliding the rows above it up and the rows below it down (a warp
// of the grid parameter t, fading over ~16 mm), and the lid skin is then laid on a shell just
// outside the eyeball. Blinking is the same function with the upper margin brought down to the
// lower one, so the lid slides over the eye instead of squashing it.
import { EYE } from './landmarks';
import { bump, smoothstep } from './math';

export interface EyeState {
  /** Upper margin height × the neutral upper opening profile (1 = rest, 0 = on the eye line). */
  readonly up: number;
  /** The upper margin is further lowered by close × the lower profile (closing onto the lower lid). */
  readonly close: number;
  /** Lower margin depth × the neutral lower opening profile (1 = rest, 0 = raised to the eye line). */
  readonly low: number;
}

export const EYE_REST: EyeState = { up: 1, close: 0, low: 1 };

const UPPER_FADE = 0.016;
const LOWER_FADE = 0.016;

/** Opening profile along the slit (s in 0..1 from the inner to the outer canthus), peak at `peak`. */
function profile(s: number, peak: number): number {
  if (s <= 0 || s >= 1) return 0;
  const q = Math.pow(s, Math.log(0.5) / Math.log(peak));
  return Math.pow(Math.sin(Math.PI * q), 1.55);
}
export const upperProfile = (s: number): number => EYE.upperOpen * profile(s, 0.44);
export const lowerProfile = (s: number): number => EYE.lowerOpen * profile(s, 0.56);

/**
 * Shift of the grid parameter t of a skin vertex around the left eye.
 * s: position along the slit (from the column angle); d: t − eye line; side: +1 upper lid, −1 lower.
 */
export function lidWarp(s: number, d: number, side: number, st: EyeState): number {
  if (s <= 0 || s >= 1 || side === 0) return 0;
  if (side > 0) {
    const f = bump((d / UPPER_FADE) ** 2);
    return f === 0 ? 0 : (st.up * upperProfile(s) - st.close * lowerProfile(s)) * f;
  }
  const f = bump((d / LOWER_FADE) ** 2);
  return f === 0 ? 0 : -st.low * lowerProfile(s) * f;
}

/** Smooth maximum over a band k (the lid crease where the lid shell meets the socket). */
function smax(a: number, b: number, k: number): number {
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.max(a, b) + (h * h * k) / 4;
}

/**
 * Depth of the skin around the left eye. The lids are a shell about the eyeball centre (thinner
 * at the margin: d = row distance from the eye line in the unwarped grid); where the socket surface `zOuter` lies in front of the shell it wins, and the smooth
 * maximum of the two makes the lid creases. Near the margins the shell always wins, so the lids
 * hug the eye. Returns the new z.
 */
export function lidDepth(x: number, y: number, zOuter: number, d: number): number {
  const [ex, ey, ez] = EYE.centre;
  const dx = x - ex,
    dy = y - ey;
  const radius = EYE.radius + EYE.marginGap + (EYE.lidGap - EYE.marginGap) * smoothstep(0, 0.0026, Math.abs(d));
  const r = Math.hypot(dx, dy);
  // Outside the shell's silhouette it falls away steeply, so the smooth max leaves the socket be.
  const zLid = r < radius ? ez + Math.sqrt(radius * radius - r * r) : ez - 4 * (r - radius);
  const z = smax(zOuter, zLid, 0.003);
  // Around the opening (an ellipse through the canthi and a little past the margins) the shell wins.
  const margin = 1 - smoothstep(0.85, 1.2, Math.hypot(dx / 0.0135, dy / 0.0078));
  return z + (zLid - z) * margin;
}
