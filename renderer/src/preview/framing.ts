// Where the preview camera stands. It frames the face as the synthetic capture camera does
// (electron/tools/synth/render/camera.ts: an 85 mm lens on a 36 mm sensor, eye-to-mouth distance × 4
// filling the image height), and it maps that image onto the same rectangle the plate is drawn
// in (plate-layout: margin, then contain-fit). So the head sits where the face sits on a plate:
// exactly for synthetic shots, roughly for a real capture framed the usual way.
import { fitContain, plateBoxes, type Size } from '../ui/plate-layout';
import { plateProjection, verticalFovDeg, type ShotCamera } from '../../../electron/common/camera';

// The framing rules live in electron/common/mesh/framing.ts (the dailies frame the head the same way).
import {
  chooseFraming,
  FOCAL_MM,
  framingFromBounds,
  framingFromLandmarks,
  headPivot,
  MATERIAL_IRIS,
  MATERIAL_LIP,
  MATERIAL_PUPIL,
  SENSOR_WIDTH_MM,
  type Bounds,
  type Framing,
  type Vec3,
} from '../../../electron/common/mesh/framing';
export { chooseFraming, FOCAL_MM, framingFromBounds, framingFromLandmarks, headPivot, MATERIAL_IRIS, MATERIAL_LIP, MATERIAL_PUPIL, SENSOR_WIDTH_MM };
export type { Bounds, Framing, Vec3 };

/** Running sums for centroids of the eye (iris, pupil) and lip vertices, over several meshes. */
export interface LandmarkSums {
  eyes: [number, number, number, number];
  mouth: [number, number, number, number];
}

export function emptyLandmarkSums(): LandmarkSums {
  return { eyes: [0, 0, 0, 0], mouth: [0, 0, 0, 0] };
}

/** Adds one mesh's vertices (world positions) by material. */
export function addLandmarks(sums: LandmarkSums, positions: ArrayLike<number>, materials: ArrayLike<number>): void {
  const n = Math.min(materials.length, positions.length / 3);
  for (let v = 0; v < n; v++) {
    const m = materials[v];
    const s = m === MATERIAL_IRIS || m === MATERIAL_PUPIL ? sums.eyes : m === MATERIAL_LIP ? sums.mouth : null;
    if (!s) continue;
    s[0] += positions[v * 3]!;
    s[1] += positions[v * 3 + 1]!;
    s[2] += positions[v * 3 + 2]!;
    s[3] += 1;
  }
}

export function centroid(s: readonly [number, number, number, number]): Vec3 | null {
  return s[3] > 0 ? [s[0] / s[3], s[1] / s[3], s[2] / s[3]] : null;
}

/** What a PerspectiveCamera needs: fov/aspect of the virtual image, and the canvas as a view into it. */
export interface CameraSetup {
  /** Vertical field of view, degrees. */
  readonly fov: number;
  readonly aspect: number;
  /** Camera distance from the target along +Z (front-on). */
  readonly distance: number;
  /** For camera.setViewOffset(fullWidth, fullHeight, x, y, width, height): the canvas relative to the image. */
  readonly view: { fullWidth: number; fullHeight: number; x: number; y: number; width: number; height: number };
}

/**
 * Camera for a canvas of `viewport` CSS px showing a plate of `source` size (null: unknown, a
 * square is assumed). The image rectangle is the plate's (margin + contain-fit); the canvas
 * around it is the same frustum extended, so framing does not change with the panel's shape.
 */
export function cameraSetup(viewport: Size, source: Size | null, framing: Framing): CameraSetup {
  const { rect, view } = plateView(viewport, source);
  const aspect = rect.width / rect.height;
  const fov = (2 * Math.atan(SENSOR_WIDTH_MM / (2 * FOCAL_MM * aspect)) * 180) / Math.PI;
  const distance = (FOCAL_MM / SENSOR_WIDTH_MM) * aspect * framing.height;
  return { fov, aspect, distance, view };
}

/** The plate's rectangle in the canvas (the plate viewer's margin and contain-fit), and the canvas as a view into it. */
export function plateView(viewport: Size, source: Size | null): { rect: Size; view: CameraSetup['view'] } {
  const src = source && source.width > 0 && source.height > 0 ? source : { width: 1, height: 1 };
  const [box] = plateBoxes(viewport, 1);
  let rect = fitContain(src, box ?? viewport);
  if (rect.width <= 0 || rect.height <= 0) rect = { x: 0, y: 0, width: Math.max(1, viewport.width), height: Math.max(1, viewport.height) };
  const x = (box?.x ?? 0) + rect.x;
  const y = (box?.y ?? 0) + rect.y;
  return {
    rect,
    view: { fullWidth: rect.width, fullHeight: rect.height, x: -x, y: -y, width: Math.max(1, viewport.width), height: Math.max(1, viewport.height) },
  };
}

/** The plate's camera as the preview's camera stands and sees: where it is, and its lens over the plate's rectangle. */
export interface PlateCameraSetup extends CameraSetup {
  readonly position: Vec3;
  readonly target: Vec3;
  readonly up: Vec3;
}

/**
 * Camera for a canvas of `viewport` CSS px showing the plate (`source` px) through the shot's
 * camera (common/camera.ts): the same lens and placement the plate was filmed with, mapped onto
 * the rectangle the plate is drawn in, so a point of the rig lands where the camera put it.
 */
export function plateCameraSetup(viewport: Size, source: Size | null, cam: ShotCamera): PlateCameraSetup {
  const src = source && source.width > 0 && source.height > 0 ? source : { width: cam.imageWidth, height: cam.imageHeight };
  const { view } = plateView(viewport, src);
  const proj = plateProjection(cam, src.width, src.height);
  const distance = Math.hypot(cam.position[0] - cam.target[0], cam.position[1] - cam.target[1], cam.position[2] - cam.target[2]);
  return { fov: verticalFovDeg(proj), aspect: src.width / src.height, distance, view, position: cam.position, target: cam.target, up: cam.up };
}

/** Projects a point in camera space (front-on camera, looking down −Z) to CSS px of the canvas. Tests check the framing with it. */
export function projectToCanvas(setup: CameraSetup, p: Vec3): { x: number; y: number } {
  const t = Math.tan((setup.fov * Math.PI) / 360);
  const ndcX = p[0] / (-p[2] * t * setup.aspect);
  const ndcY = p[1] / (-p[2] * t);
  const v = setup.view;
  return { x: ((ndcX + 1) / 2) * v.fullWidth - v.x, y: ((1 - ndcY) / 2) * v.fullHeight - v.y };
}
