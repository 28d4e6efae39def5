// The plate's camera, in one place: what a shot knows of the camera that filmed it, the file a
// synthetic shot writes it to (camera.json), and the pinhole projection every part of RigSolve
// uses to put the rig on the plate (the synthetic renderer, the head preview's "Plate camera",
// the registration bench). Pure TypeScript: no Node, no DOM.
//
// Conventions (as the synthetic renderer, electron/tools/synth/README.md):
//   world = the rig's space, metres: +Y up, the face looks toward +Z, +X is the actor's left.
//   camera space = OpenGL: +X right, +Y up, the camera looks along −Z.
//   image = pixels of the plate, x right, y down, pixel i spanning [i, i + 1) (so the centre of
//   a W × H plate is (W/2, H/2)).
//   lens: a 35 mm-equivalent focal length; the sensor's width maps onto the plate's width, square
//   pixels, the principal point at the plate's centre.
import { z } from 'zod';
import { headMatrix } from './head';

export type Vec3 = readonly [number, number, number];

/** What camera.json says it is. */
export const CAMERA_FORMAT = 'rigsolve-camera/1';
/** The file beside a capture's rgb/ folder (with truth.csv) that says how it was filmed. */
export const CAMERA_FILE = 'camera.json';
/** 35 mm-equivalent: the full-frame sensor's width. */
export const SENSOR_WIDTH_MM = 36;
/** An 85 mm portrait lens: the face-capture framing the synthetic shots use, and a real shot's default. */
export const DEFAULT_FOCAL_MM = 85;

const Vec3Schema = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);

/**
 * A shot's camera (camera.json): the lens, the plate it fills, and where it stands relative to the
 * rig at rest (its position, what it looks at and its up direction, metres in the rig's space), with
 * the point the head turns about (the head channels' pivot) as the camera file's author placed it.
 */
export const ShotCamera = z
  .object({
    format: z.literal(CAMERA_FORMAT),
    /** Always metres, the rig's unit: said in the file so nobody has to guess. */
    units: z.literal('m'),
    /** The plate it was written for, pixels. */
    imageWidth: z.number().int().positive(),
    imageHeight: z.number().int().positive(),
    /** Focal length in mm on a sensor `sensorWidthMm` wide (35 mm-equivalent with the default 36). */
    focalMm: z.number().positive().finite(),
    sensorWidthMm: z.number().positive().finite().default(SENSOR_WIDTH_MM),
    /** Horizontal field of view, degrees: what focalMm and sensorWidthMm say, written for people. */
    fovDeg: z.number().positive().lt(180).optional(),
    position: Vec3Schema,
    target: Vec3Schema,
    up: Vec3Schema.default([0, 1, 0]),
    /** Where the head turns (the top of the neck), metres; null: the rig's own pivot. */
    headPivot: Vec3Schema.nullable().default(null),
  })
  .strict();
export type ShotCamera = z.infer<typeof ShotCamera>;

/** A horizontal field of view (degrees) a real shot's camera may be given: a 300 mm to a 14 mm lens, about. */
export const FOV_MIN_DEG = 5;
export const FOV_MAX_DEG = 120;

/** Horizontal field of view (degrees) of a focal length on a sensor. */
export function fovFromFocal(focalMm: number, sensorWidthMm = SENSOR_WIDTH_MM): number {
  return (2 * Math.atan(sensorWidthMm / (2 * focalMm)) * 180) / Math.PI;
}

/** The focal length (mm on a sensor this wide) of a horizontal field of view in degrees. */
export function focalFromFov(fovDeg: number, sensorWidthMm = SENSOR_WIDTH_MM): number {
  return sensorWidthMm / (2 * Math.tan((fovDeg * Math.PI) / 360));
}

/** A real shot's default horizontal field of view: the 85 mm lens on full frame (≈ 23.9°). */
export const DEFAULT_FOV_DEG = fovFromFocal(DEFAULT_FOCAL_MM);

/** The focal length in pixels of a lens on a plate `imageWidth` px wide. */
export function focalPixels(focalMm: number, imageWidth: number, sensorWidthMm = SENSOR_WIDTH_MM): number {
  return (focalMm / sensorWidthMm) * imageWidth;
}

/** Row-major 3×4 rigid transform [R | t] (x' = R·x + t). */
export type Mat34 = Float64Array;

function sub(a: Vec3, b: Vec3): [number, number, number] {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
function cross(a: Vec3, b: Vec3): [number, number, number] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
function normalize(a: Vec3): [number, number, number] {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
}

/** World → camera transform of a camera at `position` looking at `target` (OpenGL: looks along −Z). */
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

export function transformPoint(m: Mat34, p: Vec3): [number, number, number] {
  return [
    m[0]! * p[0] + m[1]! * p[1] + m[2]! * p[2] + m[3]!,
    m[4]! * p[0] + m[5]! * p[1] + m[6]! * p[2] + m[7]!,
    m[8]! * p[0] + m[9]! * p[1] + m[10]! * p[2] + m[11]!,
  ];
}

/** The head's six channels as one frame's values (degrees and mm, common/head.ts). */
export interface HeadMotion {
  readonly yaw: number;
  readonly pitch: number;
  readonly roll: number;
  /** The pivot's move, millimetres. */
  readonly tx: number;
  readonly ty: number;
  readonly tz: number;
}

export const HEAD_AT_REST: HeadMotion = { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 };

/**
 * The head's rigid motion as a rig-space transform (metres): turned by Ry·Rx·Rz about `pivot`, then
 * the pivot moved by the translation channels (mm → m). As the renderer turns the head.
 */
export function headTransform(h: HeadMotion, pivot: Vec3): Mat34 {
  const R = headMatrix(h.yaw, h.pitch, h.roll);
  const t: Vec3 = [h.tx / 1000, h.ty / 1000, h.tz / 1000];
  const m = new Float64Array(12);
  for (let i = 0; i < 3; i++) {
    const r0 = R[i * 3]!,
      r1 = R[i * 3 + 1]!,
      r2 = R[i * 3 + 2]!;
    m[i * 4] = r0;
    m[i * 4 + 1] = r1;
    m[i * 4 + 2] = r2;
    m[i * 4 + 3] = pivot[i]! + t[i]! - (r0 * pivot[0] + r1 * pivot[1] + r2 * pivot[2]);
  }
  return m;
}

/** A camera as the projection needs it: world → camera, and the intrinsics in plate pixels. */
export interface PlateProjection {
  readonly worldToCamera: Mat34;
  readonly focalPx: number;
  readonly cx: number;
  readonly cy: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The projection of a shot's camera onto a plate `width` × `height` px (the camera file's own size
 * when not given: a plate at another resolution scales the focal length with its width).
 */
export function plateProjection(cam: ShotCamera, width = cam.imageWidth, height = cam.imageHeight): PlateProjection {
  return {
    worldToCamera: lookAt(cam.position, cam.target, cam.up),
    focalPx: focalPixels(cam.focalMm, width, cam.sensorWidthMm),
    cx: width / 2,
    cy: height / 2,
    width,
    height,
  };
}

/** Projects a rig-space point (metres) to plate pixels (x right, y down); null behind the camera. */
export function projectPoint(p: PlateProjection, world: Vec3, head?: Mat34): { x: number; y: number } | null {
  const c = transformPoint(p.worldToCamera, head ? transformPoint(head, world) : world);
  if (c[2] >= -1e-9) return null;
  return { x: p.cx + (p.focalPx * c[0]) / -c[2], y: p.cy - (p.focalPx * c[1]) / -c[2] };
}

/** Vertical field of view (degrees) of a projection: what a three.js PerspectiveCamera takes. */
export function verticalFovDeg(p: Pick<PlateProjection, 'focalPx' | 'height'>): number {
  return (2 * Math.atan(p.height / 2 / p.focalPx) * 180) / Math.PI;
}

/** Where the face is, for a camera that frames it: the point looked at and the height (metres) that fills the plate there. */
export interface FaceFraming {
  readonly target: Vec3;
  readonly height: number;
}

/**
 * The camera a shot without a camera file is given: the lens (`fovDeg`, horizontal), front-on along
 * +Z, looking at the framing's target from the distance at which the framing's height fills the
 * plate, as the synthetic capture camera stands by default (so a real shot framed the usual way
 * lines up, and a synthetic one exactly).
 */
export function defaultShotCamera(o: { framing: FaceFraming; width: number; height: number; fovDeg?: number; headPivot?: Vec3 | null }): ShotCamera {
  const fovDeg = o.fovDeg ?? DEFAULT_FOV_DEG;
  const focalMm = focalFromFov(fovDeg);
  const distance = (focalPixels(focalMm, o.width) * o.framing.height) / o.height;
  const t = o.framing.target;
  return {
    format: CAMERA_FORMAT,
    units: 'm',
    imageWidth: o.width,
    imageHeight: o.height,
    focalMm,
    sensorWidthMm: SENSOR_WIDTH_MM,
    fovDeg,
    position: [t[0], t[1], t[2] + distance],
    target: [t[0], t[1], t[2]],
    up: [0, 1, 0],
    headPivot: o.headPivot ? [o.headPivot[0], o.headPivot[1], o.headPivot[2]] : null,
  };
}

/** Reads camera.json text; throws a sentence that says what is wrong with it. */
export function parseCameraFile(text: string, file = CAMERA_FILE): ShotCamera {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  const r = ShotCamera.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`${file} is not a ${CAMERA_FORMAT} camera: ${i ? `${i.path.join('.') || 'the file'}: ${i.message}` : 'unreadable'}`);
  }
  return r.data;
}

/** camera.json text, fields in a stable order, 2-space indented. */
export function cameraFileText(cam: ShotCamera): string {
  const ordered: ShotCamera = {
    format: CAMERA_FORMAT,
    units: 'm',
    imageWidth: cam.imageWidth,
    imageHeight: cam.imageHeight,
    focalMm: cam.focalMm,
    sensorWidthMm: cam.sensorWidthMm,
    fovDeg: cam.fovDeg ?? fovFromFocal(cam.focalMm, cam.sensorWidthMm),
    position: cam.position,
    target: cam.target,
    up: cam.up,
    headPivot: cam.headPivot,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** A 2D affine map of plate pixels as a canvas takes it (setTransform order): x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Affine2D = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

export const IDENTITY_2D: Affine2D = [1, 0, 0, 1, 0, 0];

/** The least-squares affine map taking each `from` point to its `to` point (3 or more, not all on a line); null otherwise. */
export function fitAffine(from: readonly { x: number; y: number }[], to: readonly { x: number; y: number }[]): Affine2D | null {
  const n = Math.min(from.length, to.length);
  if (n < 3) return null;
  // Normal equations of [x y 1] · [a c e; b d f]ᵀ: one 3×3 system, two right-hand sides.
  let sxx = 0,
    sxy = 0,
    sx = 0,
    syy = 0,
    sy = 0;
  const rx: [number, number, number] = [0, 0, 0],
    ry: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const { x, y } = from[i]!;
    const u = to[i]!;
    sxx += x * x;
    sxy += x * y;
    sx += x;
    syy += y * y;
    sy += y;
    rx[0] += x * u.x;
    rx[1] += y * u.x;
    rx[2] += u.x;
    ry[0] += x * u.y;
    ry[1] += y * u.y;
    ry[2] += u.y;
  }
  const M = [sxx, sxy, sx, sxy, syy, sy, sx, sy, n];
  const det = M[0]! * (M[4]! * M[8]! - M[5]! * M[7]!) - M[1]! * (M[3]! * M[8]! - M[5]! * M[6]!) + M[2]! * (M[3]! * M[7]! - M[4]! * M[6]!);
  if (Math.abs(det) < 1e-9 * Math.max(1, sxx * syy)) return null;
  const solve = (r: number[]): [number, number, number] => {
    const col = (k: number, v: number[]): number[] => M.map((m, i) => (i % 3 === k ? v[Math.floor(i / 3)]! : m));
    const d3 = (A: number[]): number =>
      A[0]! * (A[4]! * A[8]! - A[5]! * A[7]!) - A[1]! * (A[3]! * A[8]! - A[5]! * A[6]!) + A[2]! * (A[3]! * A[7]! - A[4]! * A[6]!);
    return [d3(col(0, r)) / det, d3(col(1, r)) / det, d3(col(2, r)) / det];
  };
  const [a, c, e] = solve(rx);
  const [b, d, f] = solve(ry);
  return [a, b, c, d, e, f];
}

/**
 * The plate stabilised by the head's motion: the affine map of plate pixels that takes where the
 * face's points are on this frame (the head moved by `head`) to where they are with the head at
 * rest, fitted over `points` (rig space, rigid with the head). Drawn through it, the face holds
 * still and the world moves. Null when the points do not project.
 */
export function stabiliseAffine(p: PlateProjection, head: Mat34, points: readonly Vec3[]): Affine2D | null {
  const from: { x: number; y: number }[] = [];
  const to: { x: number; y: number }[] = [];
  for (const w of points) {
    const moved = projectPoint(p, w, head);
    const rest = projectPoint(p, w);
    if (!moved || !rest) continue;
    from.push(moved);
    to.push(rest);
  }
  return fitAffine(from, to);
}

/**
 * Points rigid with the face for stabilising: the framing's target and a ring about it in the
 * face's plane (the eyes', the mouth's and the cheeks' height and width), as far in depth as the
 * face is from the neck.
 */
export function faceStabilisePoints(framing: FaceFraming): Vec3[] {
  const t = framing.target;
  const r = framing.height * 0.2;
  const out: Vec3[] = [t];
  for (let k = 0; k < 8; k++) {
    const a = (k * Math.PI) / 4;
    out.push([t[0] + r * Math.cos(a), t[1] + r * Math.sin(a), t[2] + (k % 2 === 0 ? 0 : -r * 0.5)]);
  }
  return out;
}
