// Where the face is framed, for the head preview and the dailies alike: as the synthetic capture
// camera does (electron/tools/synth/render/camera.ts: an 85 mm lens on a 36 mm sensor, eye-to-mouth
// distance × 4 filling the image height), so the head sits where the face sits on a plate.
export type Vec3 = readonly [number, number, number];

export interface Framing {
  /** Point the camera looks at (and orbits about). */
  readonly target: Vec3;
  /** Height (rig units) that fills the image at the target. */
  readonly height: number;
}

export interface Bounds {
  readonly min: Vec3;
  readonly max: Vec3;
}

export const FOCAL_MM = 85;
export const SENSOR_WIDTH_MM = 36;

/** Per-vertex material indices of a RigSolve GLB (_MATERIAL, RIG_MATERIALS order in electron/rig/types.ts). */
export const MATERIAL_LIP = 1;
export const MATERIAL_IRIS = 4;
export const MATERIAL_PUPIL = 5;

/** Landmark framing, as the synthetic renderer's framingFromLandmarks. */
export function framingFromLandmarks(eyes: Vec3, mouth: Vec3): Framing {
  const d = Math.max(0.02, eyes[1] - mouth[1]);
  const cy = (eyes[1] + mouth[1]) / 2 + 0.2 * d;
  return { target: [(eyes[0] + mouth[0]) / 2, cy, (eyes[2] + mouth[2]) / 2 - 0.2 * d], height: 4 * d };
}

/** Bounds framing for rigs without landmarks (as the synthetic renderer's framingFromBounds). */
export function framingFromBounds(b: Bounds): Framing {
  const sx = b.max[0] - b.min[0],
    sy = b.max[1] - b.min[1],
    sz = b.max[2] - b.min[2];
  const target: Vec3 = [(b.min[0] + b.max[0]) / 2, (b.min[1] + b.max[1]) / 2, b.max[2] - sz * 0.3];
  return { target, height: Math.max(sy, sx, 1e-6) * 1.08 };
}

/** Landmarks need eyes clearly above the mouth; anything else falls back to the bounds. */
export function chooseFraming(eyes: Vec3 | null, mouth: Vec3 | null, bounds: Bounds): Framing {
  if (eyes && mouth && eyes[1] - mouth[1] > 0.02) return framingFromLandmarks(eyes, mouth);
  return framingFromBounds(bounds);
}

/** Focal length in pixels of an image `width` px wide (the 85 mm lens across the 36 mm sensor). */
export function focalPixels(width: number): number {
  return (width * FOCAL_MM) / SENSOR_WIDTH_MM;
}

/** Camera distance (rig units, front-on along +Z from the target) at which `framing.height` fills an image of this aspect. */
export function framingDistance(framing: Framing, aspect: number): number {
  return (FOCAL_MM / SENSOR_WIDTH_MM) * aspect * framing.height;
}

/**
 * Where the head turns (the top of the neck), as the synthetic renderer pivots it
 * (electron/tools/synth/render/camera.ts): from the eye and mouth landmarks ≈ 9 cm behind the eyes,
 * level with the nose base; from the bounds otherwise. The head channels' rotation is about it.
 */
export function headPivot(eyes: Vec3 | null, mouth: Vec3 | null, b: Bounds): Vec3 {
  if (eyes && mouth && eyes[1] - mouth[1] > 0.02) {
    const d = Math.max(0.02, eyes[1] - mouth[1]);
    return [(eyes[0] + mouth[0]) / 2, (eyes[1] + mouth[1]) / 2 - 0.2 * d, eyes[2] - 1.3 * d];
  }
  const sy = b.max[1] - b.min[1],
    sz = b.max[2] - b.min[2];
  return [(b.min[0] + b.max[0]) / 2, b.min[1] + sy * 0.15, b.min[2] + sz * 0.45];
}
