// Landmarks and proportions of the default head (metres; +Y up, the face looks down +Z, +X is
// the actor's left). Figures follow /shared/design/default-head.md (adult anthropometry): chin
// at y ≈ −0.114, crown at +0.117, eyes at y = 0, neck capped at −0.215 (base-shape.ts).
// Only the actor's left side is listed; the right side is its mirror image (x → −x).
import type { Vec3 } from './math';

export const EYE = {
  /** Centre of the left eyeball (interpupillary distance 0.063). */
  centre: [0.0315, 0, 0.06] as Vec3,
  radius: 0.012,
  irisRadius: 0.0058,
  pupilRadius: 0.0022,
  /** Canthi (eye corners) as x offsets from the eye centre: the opening is ~0.028 wide. */
  innerDx: -0.013,
  outerDx: 0.013,
  /** Peak opening of the upper / lower lid margin above / below the eye centre line. */
  upperOpen: 0.0047,
  lowerOpen: 0.0058,
  /** Lid shell radii: the lid body and its margin ride just outside the eyeball. */
  lidGap: 0.0019,
  marginGap: 0.0009,
} as const;

export const BROW = {
  inner: [0.016, 0.021, 0] as Vec3,
  mid: [0.033, 0.027, 0] as Vec3,
  outer: [0.05, 0.022, 0] as Vec3,
} as const;

export const NOSE = {
  nasionY: 0.01,
  tipY: -0.03,
  subnasaleY: -0.041,
  /** Protrusion of the tip in front of the cheek plane. */
  tipHeight: 0.026,
  ala: [0.0155, -0.034, 0] as Vec3,
  nostril: [0.0068, -0.0372, 0] as Vec3,
} as const;

export const MOUTH = {
  /** Stomion: where the lips meet. */
  y: -0.062,
  /** Mouth corner (commissure) x: 0.05 wide at rest. */
  cornerX: 0.025,
  /** Vermilion heights at the centre. */
  upperLip: 0.0075,
  lowerLip: 0.0098,
} as const;

export const CHIN = {
  point: [0, -0.099, 0] as Vec3,
  sulcusY: -0.084,
} as const;

export const JAW = {
  /** Hinge axis (temporomandibular joints, just in front of the ears), along x. */
  pivot: [0, -0.014, -0.004] as Vec3,
  /** Mandible angle (gonion). */
  angle: [0.06, -0.07, 0.0] as Vec3,
  /** jawOpen: chin travels ~0.035 (default-head.md). */
  openAngle: (17 * Math.PI) / 180,
} as const;

export const CHEEK = {
  bone: [0.047, -0.012, 0] as Vec3,
} as const;

export const NECK = {
  larynx: [0, -0.148, 0] as Vec3,
} as const;

/** Linear RGB albedo palette (from sRGB picks). */
export { PALETTE } from './palette';
