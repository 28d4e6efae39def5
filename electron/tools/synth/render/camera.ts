// Pinhole camera and head pose as one rigid world→camera transform plus a focal length in pixels.
import type { CameraSpec, HeadPose, Vec3 } from './types';

/** Row-major 3×4 rigid transform [R | t]. */
export type Mat34 = Float64Array;

export interface Bounds {
  readonly min: Vec3;
  readonly max: Vec3;
}

export interface ResolvedCamera {
  /** world → camera (pose applied first, then the view). */
  readonly worldToCamera: Mat34;
  /** The view alone (lights live in the world, so only this rotation applies to them). */
  readonly view: Mat34;
  readonly focalPx: number;
  readonly cx: number;
  readonly cy: number;
}

const DEG = Math.PI / 180;
const SENSOR_WIDTH_MM = 36;
/** 85 mm portrait lens; the framing distance follows from it. */
export const DEFAULT_FOCAL_MM = 85;

function sub(a: Vec3, b: Vec3): [number, number, number] {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
function cross(a: Vec3, b: Vec3): [number, number, number] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
export function normalize(a: Vec3): [number, number, number] {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
}

export function lookAt(position: Vec3, target: Vec3, up: Vec3): Mat34 {
  const f = normalize(sub(target, position));
  let r = cross(f, up);
  if (Math.hypot(r[0], r[1], r[2]) < 1e-9) r = cross(f, [0, 0, 1]);
  r = normalize(r);
  const u = cross(r, f);
  const m = new Float64Array(12);
  const rows: Vec3[] = [r, u, [-f[0], -f[1], -f[2]]];
  rows.forEach((row, i) => {
    m[i * 4] = row[0];
    m[i * 4 + 1] = row[1];
    m[i * 4 + 2] = row[2];
    m[i * 4 + 3] = -(row[0] * position[0] + row[1] * position[1] + row[2] * position[2]);
  });
  return m;
}

/** Rotation yaw (Y) · pitch (X) · roll (Z) about a pivot, as a 3×4 transform. */
export function poseMatrix(pose: HeadPose, defaultPivot: Vec3): Mat34 {
  const [y, p, r] = [(pose.yaw ?? 0) * DEG, (pose.pitch ?? 0) * DEG, (pose.roll ?? 0) * DEG];
  const cy = Math.cos(y),
    sy = Math.sin(y),
    cp = Math.cos(p),
    sp = Math.sin(p),
    cr = Math.cos(r),
    sr = Math.sin(r);
  // Ry · Rx · Rz
  const R = [
    cy * cr + sy * sp * sr,
    -cy * sr + sy * sp * cr,
    sy * cp,
    cp * sr,
    cp * cr,
    -sp,
    -sy * cr + cy * sp * sr,
    sy * sr + cy * sp * cr,
    cy * cp,
  ] as const;
  const c = pose.pivot ?? defaultPivot;
  const m = new Float64Array(12);
  for (let i = 0; i < 3; i++) {
    const r0 = R[i * 3]!,
      r1 = R[i * 3 + 1]!,
      r2 = R[i * 3 + 2]!;
    m[i * 4] = r0;
    m[i * 4 + 1] = r1;
    m[i * 4 + 2] = r2;
    m[i * 4 + 3] = c[i]! - (r0 * c[0] + r1 * c[1] + r2 * c[2]);
  }
  return m;
}

/** a ∘ b (apply b first). */
export function compose(a: Mat34, b: Mat34): Mat34 {
  const m = new Float64Array(12);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 4; j++) {
      let s = j === 3 ? a[i * 4 + 3]! : 0;
      for (let k = 0; k < 3; k++) s += a[i * 4 + k]! * b[k * 4 + j]!;
      m[i * 4 + j] = s;
    }
  }
  return m;
}

export function rotateDirection(m: Mat34, d: Vec3): [number, number, number] {
  return normalize([m[0]! * d[0] + m[1]! * d[1] + m[2]! * d[2], m[4]! * d[0] + m[5]! * d[1] + m[6]! * d[2], m[8]! * d[0] + m[9]! * d[1] + m[10]! * d[2]]);
}

/** Where the default camera looks and pivots the head, from the rig's neutral bounds. */
export interface Framing {
  readonly target: Vec3;
  readonly pivot: Vec3;
  /** Height (metres) the frame shows at the target. */
  readonly height: number;
}

export function framingFromBounds(b: Bounds): Framing {
  const sx = b.max[0] - b.min[0];
  const sy = b.max[1] - b.min[1];
  const sz = b.max[2] - b.min[2];
  // The face plane sits about a third of the head's depth behind its frontmost point (nose tip).
  const target: Vec3 = [(b.min[0] + b.max[0]) / 2, (b.min[1] + b.max[1]) / 2, b.max[2] - sz * 0.3];
  const pivot: Vec3 = [target[0], b.min[1] + sy * 0.15, b.min[2] + sz * 0.45];
  return { target, pivot, height: Math.max(sy, sx) * 1.08 };
}

/**
 * Face framing from landmarks (eye centre and mouth centre), as a face-capture camera frames:
 * hairline to chin fill the image (4 eye–mouth distances ≈ 0.28 m on an adult), the head pivots
 * about the top of the neck (≈ 9 cm behind the eyes, level with the nose base).
 */
export function framingFromLandmarks(eyes: Vec3, mouth: Vec3): Framing {
  const d = Math.max(0.02, eyes[1] - mouth[1]);
  const cy = (eyes[1] + mouth[1]) / 2 + 0.2 * d;
  const target: Vec3 = [(eyes[0] + mouth[0]) / 2, cy, (eyes[2] + mouth[2]) / 2 - 0.2 * d];
  const pivot: Vec3 = [target[0], (eyes[1] + mouth[1]) / 2 - 0.2 * d, eyes[2] - 1.3 * d];
  return { target, pivot, height: 4 * d };
}

export function resolveCamera(spec: CameraSpec | undefined, pose: HeadPose | undefined, framing: Framing, width: number, height: number): ResolvedCamera {
  const focalMm = spec?.focalMm ?? DEFAULT_FOCAL_MM;
  const focalPx = (focalMm / SENSOR_WIDTH_MM) * width;
  const t0 = spec?.target ?? framing.target;
  const off = spec?.targetOffset ?? [0, 0, 0];
  const target: Vec3 = [t0[0] + off[0], t0[1] + off[1], t0[2] + off[2]];
  // Distance at which the framing height fills the image height.
  const distance = ((focalPx * framing.height) / height) * (spec?.distanceScale ?? 1);
  const position = spec?.position ?? [target[0], target[1], target[2] + distance];
  const view = lookAt(position, target, spec?.up ?? [0, 1, 0]);
  const worldToCamera = compose(view, poseMatrix(pose ?? {}, framing.pivot));
  return { worldToCamera, view, focalPx, cx: width / 2, cy: height / 2 };
}
