// The head's base volume (skull, face mask, jaw, neck) as a smooth implicit function, and the
// rays that sample it. Features (nose, lips, brows…) are added on top in surface.ts; this file
// only gives the smooth egg-with-a-neck that they sit on.
import type { Vec3 } from './math';
import { normalize } from './math';

interface Blob {
  c: Vec3;
  r: Vec3;
  /** Superellipsoid exponent: 2 = ellipsoid, 2.5 = flatter faces (the only two used: both cheap). */
  n: 2 | 2.5;
}

const CRANIUM: Blob = { c: [0, 0.02, -0.006], r: [0.076, 0.096, 0.092], n: 2 };
const FACE: Blob = { c: [0, -0.03, 0.012], r: [0.066, 0.072, 0.071], n: 2.5 };
const JAW: Blob = { c: [0, -0.073, 0.014], r: [0.055, 0.041, 0.067], n: 2.5 };
const NECK = { cx: 0, cz: -0.016, rx: 0.05, rz: 0.05, bottom: -0.215, top: -0.03 };

function superD(b: Blob, x: number, y: number, z: number): number {
  const ax = Math.abs(x - b.c[0]) / b.r[0],
    ay = Math.abs(y - b.c[1]) / b.r[1],
    az = Math.abs(z - b.c[2]) / b.r[2];
  // x^2.5 as x²·√x: this runs ~10⁷ times per build.
  const s = b.n === 2 ? Math.sqrt(ax * ax + ay * ay + az * az) : Math.pow(ax * ax * Math.sqrt(ax) + ay * ay * Math.sqrt(ay) + az * az * Math.sqrt(az), 0.4);
  // Scale to roughly metres so smooth unions of different blobs blend evenly.
  return (s - 1) * Math.min(b.r[0], b.r[1], b.r[2]);
}

function neckD(x: number, y: number, z: number): number {
  const dx = (x - NECK.cx) / NECK.rx,
    dz = (z - NECK.cz) / NECK.rz;
  const side = (Math.sqrt(dx * dx + dz * dz) - 1) * Math.min(NECK.rx, NECK.rz);
  return Math.max(side, NECK.bottom - y, y - NECK.top);
}

/** Polynomial smooth minimum (Inigo Quilez): blends two fields over a band of width k. */
function smin(a: number, b: number, k: number): number {
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - (h * h * k) / 4;
}

/** Negative inside the base volume, positive outside, ~metres near the surface. */
export function baseField(x: number, y: number, z: number): number {
  const head = smin(smin(superD(CRANIUM, x, y, z), superD(FACE, x, y, z), 0.02), superD(JAW, x, y, z), 0.018);
  // The neck is capped flat at the bottom; the cap edge is rounded by the blend radius of the ray.
  return smin(head, neckD(x, y, z), 0.03);
}

export function baseNormal(x: number, y: number, z: number): Vec3 {
  const h = 1e-4;
  return normalize([
    baseField(x + h, y, z) - baseField(x - h, y, z),
    baseField(x, y + h, z) - baseField(x, y - h, z),
    baseField(x, y, z + h) - baseField(x, y, z - h),
  ]);
}

/**
 * Rows of the head grid are rays fanned out from the head's vertical axis:
 *  - face band (t in [FACE_LOW, FACE_HIGH]): horizontal rays at height t, so face rows are level
 *    lines (the eye and mouth slits lie exactly on rows);
 *  - below: rays from (0, FACE_LOW, 0) turning down to the neck cap (t is ~arclength);
 *  - above: rays from (0, FACE_HIGH, 0) turning up to the crown.
 */
export const FACE_LOW = -0.078;
export const FACE_HIGH = 0.045;
const SWEEP_R = 0.09;
export const T_MIN = FACE_LOW - SWEEP_R * (Math.PI / 2);
export const T_MAX = FACE_HIGH + SWEEP_R * (Math.PI / 2);

export function rowRay(t: number, theta: number): { o: Vec3; d: Vec3 } {
  const s = Math.sin(theta),
    c = Math.cos(theta);
  if (t < FACE_LOW) {
    const e = Math.max(-Math.PI / 2, (t - FACE_LOW) / SWEEP_R);
    return { o: [0, FACE_LOW, 0], d: [s * Math.cos(e), Math.sin(e), c * Math.cos(e)] };
  }
  if (t > FACE_HIGH) {
    const e = Math.min(Math.PI / 2, (t - FACE_HIGH) / SWEEP_R);
    return { o: [0, FACE_HIGH, 0], d: [s * Math.cos(e), Math.sin(e), c * Math.cos(e)] };
  }
  return { o: [0, t, 0], d: [s, 0, c] };
}

/** First exit of the ray from the base volume (march, then bisect). */
export function castBase(t: number, theta: number): Vec3 {
  const { o, d } = rowRay(t, theta);
  const at = (r: number): number => baseField(o[0] + d[0] * r, o[1] + d[1] * r, o[2] + d[2] * r);
  // Every ray starts well inside (the thinnest section, the neck, is 0.05 in radius).
  const step = 0.004;
  let lo = 0.035,
    hi = lo;
  while (hi < 0.4) {
    hi = lo + step;
    if (at(hi) > 0) break;
    lo = hi;
  }
  for (let i = 0; i < 22; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid) > 0) hi = mid;
    else lo = mid;
  }
  const r = (lo + hi) / 2;
  return [o[0] + d[0] * r, o[1] + d[1] * r, o[2] + d[2] * r];
}
