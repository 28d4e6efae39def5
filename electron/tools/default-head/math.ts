// Small numeric helpers for the procedural head. Everything is plain float64 arithmetic on
// numbers (no allocation-heavy vector classes) so the generator stays fast and deterministic.
import { smoothValueNoise } from '../../common/noise';

export type Vec3 = [number, number, number];

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** Hermite step from 0 at e0 to 1 at e1 (e0 > e1 allowed: a falling step). */
export function smoothstep(e0: number, e1: number, x: number): number {
  const t = clamp((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
}

/**
 * Compactly supported C² bump of a squared normalised distance: 1 at the centre, exactly 0
 * from d² = 1 on. Exact zeros keep every control local (and its morph target sparse).
 */
export function bump(d2: number): number {
  if (d2 >= 1) return 0;
  const u = 1 - d2;
  return u * u * u;
}

/** Squared normalised distance of (x,y,z) to an axis-aligned ellipsoid centre with radii r. */
export function ellD2(x: number, y: number, z: number, cx: number, cy: number, cz: number, rx: number, ry: number, rz: number): number {
  const dx = (x - cx) / rx,
    dy = (y - cy) / ry,
    dz = (z - cz) / rz;
  return dx * dx + dy * dy + dz * dz;
}

/** bump() of an ellipsoidal neighbourhood: the workhorse region weight. */
export function blob(p: Readonly<Vec3>, c: Readonly<Vec3>, r: Readonly<Vec3>): number {
  return bump(ellD2(p[0], p[1], p[2], c[0], c[1], c[2], r[0], r[1], r[2]));
}

export function normalize(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]);
  return l > 0 ? [v[0] / l, v[1] / l, v[2] / l] : [0, 0, 0];
}

export function dot(a: Readonly<Vec3>, b: Readonly<Vec3>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a: Readonly<Vec3>, b: Readonly<Vec3>): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** The component of d tangent to the surface with unit normal n (motion "along the skin"). */
export function tangential(d: Readonly<Vec3>, n: Readonly<Vec3>): Vec3 {
  const k = dot(d, n);
  return [d[0] - k * n[0], d[1] - k * n[1], d[2] - k * n[2]];
}

/** Rotation of p by `angle` (radians, right-handed) about the axis through `pivot` along unit `axis`. */
export function rotateAbout(p: Readonly<Vec3>, pivot: Readonly<Vec3>, axis: Readonly<Vec3>, angle: number): Vec3 {
  const vx = p[0] - pivot[0],
    vy = p[1] - pivot[1],
    vz = p[2] - pivot[2];
  const c = Math.cos(angle),
    s = Math.sin(angle);
  const [kx, ky, kz] = axis;
  const kv = kx * vx + ky * vy + kz * vz;
  const cx = ky * vz - kz * vy,
    cy = kz * vx - kx * vz,
    cz = kx * vy - ky * vx;
  return [pivot[0] + vx * c + cx * s + kx * kv * (1 - c), pivot[1] + vy * c + cy * s + ky * kv * (1 - c), pivot[2] + vz * c + cz * s + kz * kv * (1 - c)];
}

/** Displacement that rotating p about the axis would cause (a rigid-motion morph delta). */
export function rotationDelta(p: Readonly<Vec3>, pivot: Readonly<Vec3>, axis: Readonly<Vec3>, angle: number): Vec3 {
  const q = rotateAbout(p, pivot, axis, angle);
  return [q[0] - p[0], q[1] - p[1], q[2] - p[2]];
}

// Deterministic value noise (integer hash, no Math.random): gentle albedo variation.
function hash3(x: number, y: number, z: number, seed: number): number {
  let h = Math.imul(x, 374761393) ^ Math.imul(y, 668265263) ^ Math.imul(z, 1274126177) ^ seed;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967295;
}

/** Smooth value noise in [0, 1] at frequency `f` (cycles per metre). */
export function noise3(x: number, y: number, z: number, f: number, seed: number): number {
  return smoothValueNoise(x * f, y * f, z * f, (i, j, k) => hash3(i, j, k, seed));
}

/** sRGB-encoded 0..255 triple → linear RGB (vertex colours are linear in glTF). */
export function srgb(r: number, g: number, b: number): Vec3 {
  const f = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return [f(r), f(g), f(b)];
}

export function mixColor(a: Readonly<Vec3>, b: Readonly<Vec3>, t: number): Vec3 {
  return [lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t)];
}
