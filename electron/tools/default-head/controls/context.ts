// What the control fields see of the head: every part's neutral geometry, skin normals and grid
// parameters, and the region weights shared by several controls (the lips' sides, the jaw).
import type { HeadParts } from '../head-parts';
import { MOUTH } from '../landmarks';
import type { Vec3 } from '../math';
import { bump, ellD2, smoothstep } from '../math';
import type { SkinVertex } from '../skin-grid';

export type { HeadParts };

export interface SkinPoint {
  readonly i: number;
  readonly p: Vec3;
  /** Unit normal of the neutral skin. */
  readonly n: Vec3;
  /** Unit "up along the skin" (+Y projected on the tangent plane, not renormalised). */
  readonly up: Vec3;
  readonly v: SkinVertex;
}

export const X: Vec3 = [1, 0, 0];
export const UP: Vec3 = [0, 1, 0];
export const Z: Vec3 = [0, 0, 1];

/** Region weight on the face: an ellipse in (x, y), limited in depth to the front of the head. */
export function face(p: Readonly<Vec3>, cx: number, cy: number, rx: number, ry: number): number {
  return bump(ellD2(p[0], p[1], p[2], cx, cy, 0.075, rx, ry, 0.058));
}

/** a·u + b·v + c·w for three direction vectors. */
export function combo(a: number, u: Readonly<Vec3>, b = 0, v: Readonly<Vec3> = X, c = 0, w: Readonly<Vec3> = X): Vec3 {
  return [a * u[0] + b * v[0] + c * w[0], a * u[1] + b * v[1] + c * w[1], a * u[2] + b * v[2] + c * w[2]];
}

export function scale(k: number, d: Readonly<Vec3>): Vec3 {
  return [k * d[0], k * d[1], k * d[2]];
}

export function add(a: Readonly<Vec3>, b: Readonly<Vec3>): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

/** The geometry the lips' side-restricted fields need: where the slit ends, in column angle. */
export interface LipFrame {
  readonly thetaCorner: number;
  readonly mouthRow: number;
}

/** Which lip a skin vertex belongs to: +1 upper (incl. the slit's upper copy), −1 lower, 0 beside the mouth. */
export function lipSide(v: SkinVertex, f: LipFrame): number {
  if (v.t === f.mouthRow) return v.mouthSide;
  return v.t > f.mouthRow ? 1 : -1;
}

/** 1 at the midline of the mouth falling to exactly 0 at the corner columns and beyond. */
export function cornerFade(v: SkinVertex, f: LipFrame): number {
  const u = Math.abs(v.theta) / f.thetaCorner;
  return u >= 1 ? 0 : 1 - u * u;
}

/** Weight of the actor's left half with a soft midline (σ_L + σ_R = 1). */
export function leftHalf(v: SkinVertex): number {
  return smoothstep(-0.09, 0.09, v.theta);
}

/** Band above (side +1) or below (−1) the lip line, in grid rows (t), of half-height h. */
export function lipBand(v: SkinVertex, f: LipFrame, side: number, h: number): number {
  const d = (v.t - f.mouthRow) * side;
  if (d < 0 || lipSide(v, f) !== side) return 0;
  return bump((d / h) ** 2);
}

/** Vermilion of the given lip, following the lip's height toward the corners. */
export function vermilion(p: Readonly<Vec3>, v: SkinVertex, f: LipFrame, side: number): number {
  const h = side > 0 ? MOUTH.upperLip : MOUTH.lowerLip;
  return lipBand(v, f, side, h * 1.45) * cornerFade(v, f);
}
