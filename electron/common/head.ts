// The head's rigid motion, in one place: the six channel names, their units and ranges, and the
// convention they follow. truth.csv (synth-shot), the take storage, the curve editor's "Head" group
// and every exporter read these names from here, so a column written by one is read by the others.
//
// Convention (the rig's space: +Y up, the face looks toward +Z, +X is the actor's left; the
// synthetic renderer's HeadPose, electron/tools/synth/render/types.ts):
//   headYaw    degrees about +Y: positive turns the face toward the actor's left
//   headPitch  degrees about +X: positive looks down
//   headRoll   degrees about +Z: positive tilts the top of the head toward the actor's right
//   rotation = Ry(yaw) · Rx(pitch) · Rz(roll) applied to column vectors (roll first, yaw last:
//   Maya's rotate order "zxy"), about the head's pivot at the top of the neck
//   headTx/Ty/Tz  the pivot's displacement from its rest position, millimetres, rig space
// 0 on every channel is the head at rest, as the rig is modelled.

export const HEAD_ROTATION_CHANNELS = ['headYaw', 'headPitch', 'headRoll'] as const;
export const HEAD_TRANSLATION_CHANNELS = ['headTx', 'headTy', 'headTz'] as const;
/** The six head channels in the order every file writes them: rotation, then translation. */
export const HEAD_CHANNELS = [...HEAD_ROTATION_CHANNELS, ...HEAD_TRANSLATION_CHANNELS] as const;
export type HeadChannel = (typeof HEAD_CHANNELS)[number];

/** The channel list's group (and filter scope `region:head`) the head channels sit in. */
export const HEAD_GROUP = 'head';
/** As the channel list titles the group. */
export const HEAD_GROUP_LABEL = 'Head';

export type HeadUnit = 'deg' | 'mm';

export interface HeadChannelDef {
  readonly name: HeadChannel;
  /** As the channel list and the Inspector name it. */
  readonly label: string;
  readonly unit: HeadUnit;
  /** The rig-space axis it rotates about or moves along. */
  readonly axis: 'x' | 'y' | 'z';
  /** The range a final value is clamped to (as a control's is to 0…1). */
  readonly min: number;
  readonly max: number;
  /** What counts as a full swing, as 1 is for a control (the One-Euro filter's speed is read in these). */
  readonly scale: number;
}

/** Rotations within a half turn each way; translations within a metre each way. */
const DEG_LIMIT = 180;
const MM_LIMIT = 1000;

export const HEAD_CHANNEL_DEFS: Readonly<Record<HeadChannel, HeadChannelDef>> = {
  headYaw: { name: 'headYaw', label: 'Head yaw', unit: 'deg', axis: 'y', min: -DEG_LIMIT, max: DEG_LIMIT, scale: 10 },
  headPitch: { name: 'headPitch', label: 'Head pitch', unit: 'deg', axis: 'x', min: -DEG_LIMIT, max: DEG_LIMIT, scale: 10 },
  headRoll: { name: 'headRoll', label: 'Head roll', unit: 'deg', axis: 'z', min: -DEG_LIMIT, max: DEG_LIMIT, scale: 10 },
  headTx: { name: 'headTx', label: 'Head X', unit: 'mm', axis: 'x', min: -MM_LIMIT, max: MM_LIMIT, scale: 10 },
  headTy: { name: 'headTy', label: 'Head Y', unit: 'mm', axis: 'y', min: -MM_LIMIT, max: MM_LIMIT, scale: 10 },
  headTz: { name: 'headTz', label: 'Head Z', unit: 'mm', axis: 'z', min: -MM_LIMIT, max: MM_LIMIT, scale: 10 },
};

const HEAD_SET: ReadonlySet<string> = new Set(HEAD_CHANNELS);

export function isHeadChannel(name: string): name is HeadChannel {
  return HEAD_SET.has(name);
}

/** The unit a channel's values are in: degrees or millimetres for the head, none (0…1) for a control. */
export function channelUnit(name: string): HeadUnit | null {
  return isHeadChannel(name) ? HEAD_CHANNEL_DEFS[name].unit : null;
}

/** The range a channel's final value is clamped to: the head's own, 0…1 for a rig control. */
export function channelRange(name: string): { min: number; max: number } {
  if (!isHeadChannel(name)) return { min: 0, max: 1 };
  const d = HEAD_CHANNEL_DEFS[name];
  return { min: d.min, max: d.max };
}

/** A channel's full swing for the filters: 1 for a control, 10° or 10 mm for the head. */
export function channelScale(name: string): number {
  return isHeadChannel(name) ? HEAD_CHANNEL_DEFS[name].scale : 1;
}

/** The channel-list group of a head channel ('head'), else null (a control's group is its rig region). */
export function headGroupOf(name: string): typeof HEAD_GROUP | null {
  return isHeadChannel(name) ? HEAD_GROUP : null;
}

/**
 * What a channel's slider spans in the channel list: a control's 0…1, the head's ±45° or ±50 mm
 * (a head turns and moves within these; a key beyond is typed in the Inspector).
 */
export function channelSliderRange(name: string): { min: number; max: number } {
  if (!isHeadChannel(name)) return { min: 0, max: 1 };
  return HEAD_CHANNEL_DEFS[name].unit === 'deg' ? { min: -45, max: 45 } : { min: -50, max: 50 };
}

/** A channel's unit as the channel list and the Inspector print it after a value: "°", " mm", or nothing for a control. */
export function unitSuffix(name: string): string {
  const u = channelUnit(name);
  return u === 'deg' ? '°' : u === 'mm' ? ' mm' : '';
}

/** The largest value a key may hold on a channel (the API's check): a control's ±10, the head's range. */
export function keyValueLimit(name: string): number {
  return isHeadChannel(name) ? Math.max(-HEAD_CHANNEL_DEFS[name].min, HEAD_CHANNEL_DEFS[name].max) : 10;
}

/** Where a take's head channels came from, stored with the take. */
export type HeadSource = 'solved' | 'truth' | 'file' | 'none';

export interface HeadMotionInfo {
  /** Rotation: the solver's pose stage ('solved'), a synthetic shot's truth ('truth'), a curves file ('file'), or not known ('none', stored as 0). */
  readonly rotation: HeadSource;
  readonly translation: HeadSource;
  /** One sentence for the user when a part is not there (why translation is 0, say). */
  readonly note: string | null;
}

/** Radians ↔ degrees, for the formats that keep angles in radians (glTF, Live Link Face). */
export const DEG_TO_RAD = Math.PI / 180;

/**
 * The head's rotation as a unit quaternion [x, y, z, w] (glTF's order) from yaw, pitch, roll in
 * degrees: q = qy(yaw) · qx(pitch) · qz(roll), the same rotation as Ry · Rx · Rz above.
 */
export function headQuaternion(yawDeg: number, pitchDeg: number, rollDeg: number): [number, number, number, number] {
  const hy = (yawDeg * DEG_TO_RAD) / 2,
    hp = (pitchDeg * DEG_TO_RAD) / 2,
    hr = (rollDeg * DEG_TO_RAD) / 2;
  const cy = Math.cos(hy),
    sy = Math.sin(hy),
    cp = Math.cos(hp),
    sp = Math.sin(hp),
    cr = Math.cos(hr),
    sr = Math.sin(hr);
  // qy·qx = (cy·sp, sy·cp, -sy·sp, cy·cp); then ·qz(roll).
  const ax = cy * sp,
    ay = sy * cp,
    az = -sy * sp,
    aw = cy * cp;
  return [ax * cr + ay * sr, ay * cr - ax * sr, az * cr + aw * sr, aw * cr - az * sr];
}

/** The head's rotation matrix, row-major 3×3, from yaw, pitch, roll in degrees: Ry · Rx · Rz (as the renderer's poseMatrix). */
export function headMatrix(yawDeg: number, pitchDeg: number, rollDeg: number): number[] {
  const y = yawDeg * DEG_TO_RAD,
    p = pitchDeg * DEG_TO_RAD,
    r = rollDeg * DEG_TO_RAD;
  const cy = Math.cos(y),
    sy = Math.sin(y),
    cp = Math.cos(p),
    sp = Math.sin(p),
    cr = Math.cos(r),
    sr = Math.sin(r);
  return [cy * cr + sy * sp * sr, -cy * sr + sy * sp * cr, sy * cp, cp * sr, cp * cr, -sp, -sy * cr + cy * sp * sr, sy * sr + cy * sp * cr, cy * cp];
}

/**
 * The same rotation as Maya's rotateX/Y/Z in its default rotate order (xyz: X first, then Y, then
 * Z, the matrix Rz · Ry · Rx), in degrees, so a .anim drives any transform without asking the
 * animator to change its rotate order. `near` (the previous frame's answer) picks, of the angles
 * 360° apart, the ones closest to it, so a curve never jumps a turn between frames.
 */
export function headEulerXYZ(yawDeg: number, pitchDeg: number, rollDeg: number, near?: readonly [number, number, number]): [number, number, number] {
  const m = headMatrix(yawDeg, pitchDeg, rollDeg);
  const ry = Math.asin(Math.max(-1, Math.min(1, -m[6]!)));
  let rx: number, rz: number;
  if (Math.abs(m[6]!) < 1 - 1e-12) {
    rx = Math.atan2(m[7]!, m[8]!);
    rz = Math.atan2(m[3]!, m[0]!);
  } else {
    // Gimbal lock (Y at ±90°): only X − Z (or X + Z) is defined; put it all on X.
    rx = Math.atan2(-m[5]!, m[4]!);
    rz = 0;
  }
  const out: [number, number, number] = [rx / DEG_TO_RAD, ry / DEG_TO_RAD, rz / DEG_TO_RAD];
  if (near) for (let k = 0; k < 3; k++) out[k] = out[k]! + 360 * Math.round((near[k]! - out[k]!) / 360);
  return out;
}
