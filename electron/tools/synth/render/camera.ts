// Pinhole camera and head pose as one rigid world→camera transform plus a focal length in pixels.
import { compose, DEFAULT_FOCAL_MM as COMMON_DEFAULT_FOCAL_MM, focalPixels, headTransform, lookAt, type Mat34 } from '../../../common/camera';
import type { CameraSpec, HeadPose, Vec3 } from './types';

export type { Mat34 };

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

/** 85 mm portrait lens; the framing distance follows from it (the one lens model: common/camera.ts). */
export const DEFAULT_FOCAL_MM = COMMON_DEFAULT_FOCAL_MM;

export function normalize(a: Vec3): [number, number, number] {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
}

export { lookAt };

/** Rotation yaw (Y) · pitch (X) · roll (Z) about a pivot, as a 3×4 transform (the one head motion: common/camera.ts). */
export function poseMatrix(pose: HeadPose, defaultPivot: Vec3): Mat34 {
  const motion = { yaw: pose.yaw ?? 0, pitch: pose.pitch ?? 0, roll: pose.roll ?? 0, tx: 0, ty: 0, tz: 0 };
  return headTransform(motion, pose.pivot ?? defaultPivot);
}

export { compose };

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

/** Where the camera stands and what lens it has: the spec's choices, else the default framing's. */
export interface CameraPlacement {
  readonly focalMm: number;
  readonly position: Vec3;
  readonly target: Vec3;
  readonly up: Vec3;
}

export function placeCamera(spec: CameraSpec | undefined, framing: Framing, width: number, height: number): CameraPlacement {
  const focalMm = spec?.focalMm ?? DEFAULT_FOCAL_MM;
  const focalPx = focalPixels(focalMm, width);
  const t0 = spec?.target ?? framing.target;
  const off = spec?.targetOffset ?? [0, 0, 0];
  const target: Vec3 = [t0[0] + off[0], t0[1] + off[1], t0[2] + off[2]];
  // Distance at which the framing height fills the image height.
  const distance = ((focalPx * framing.height) / height) * (spec?.distanceScale ?? 1);
  const position = spec?.position ?? [target[0], target[1], target[2] + distance];
  return { focalMm, position, target, up: spec?.up ?? [0, 1, 0] };
}

export function resolveCamera(spec: CameraSpec | undefined, pose: HeadPose | undefined, framing: Framing, width: number, height: number): ResolvedCamera {
  const c = placeCamera(spec, framing, width, height);
  const view = lookAt(c.position, c.target, c.up);
  const worldToCamera = compose(view, poseMatrix(pose ?? {}, framing.pivot));
  return { worldToCamera, view, focalPx: focalPixels(c.focalMm, width), cx: width / 2, cy: height / 2 };
}
