// Every control of the default head as a displacement field: a region weight (a smooth bump
// around the landmarks of its action unit, exactly zero outside) times a direction (up, inward,
// forward, along the normal…), with amplitudes from default-head.md. Only the actor's-left
// controls and the centre controls are written here; the right side is their mirror image.
import type { EyeState } from '../eyelid-shape';
import type { Vec3 } from '../math';
import { bump, ellD2, noise3 } from '../math';
import { TONGUE } from '../tongue';
import type { LipFrame, SkinPoint } from './context';
import { UP, X, Z, combo, cornerFade, face, leftHalf, lipBand, lipSide, vermilion } from './context';

export type SkinField = (s: SkinPoint, f: LipFrame) => Vec3 | null;
export type PointField = (p: Readonly<Vec3>) => Vec3 | null;

export interface ControlDef {
  /** 'L': defined for the actor's left, the _R control is its mirror; 'C': symmetric centre
   *  control; 'pair': an asymmetric centre control whose partner (`mirrorOf`) is its mirror. */
  readonly kind: 'L' | 'C' | 'pair';
  readonly skin?: SkinField;
  /** State of the left eye's lids (L controls). */
  readonly lids?: EyeState;
  /** Rotation of the left eyeball: axis and angle (radians). */
  readonly gaze?: { readonly axis: Vec3; readonly angle: number };
  /** Rigid jaw motion name (see jaw.ts): the skin follows by its jaw weight. */
  readonly jaw?: string;
  readonly tongue?: PointField;
}

const up = (s: SkinPoint, k: number): Vec3 => [s.up[0] * k, s.up[1] * k, s.up[2] * k];
const nrm = (s: SkinPoint, k: number): Vec3 => [s.n[0] * k, s.n[1] * k, s.n[2] * k];
const sum = (...vs: Vec3[]): Vec3 => vs.reduce((a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2]], [0, 0, 0]);
const mul = (w: number, d: Vec3): Vec3 | null => (w === 0 ? null : [w * d[0], w * d[1], w * d[2]]);
const deg = (d: number): number => (d * Math.PI) / 180;

/** Distance from p to the segment a-b in (x, y) and the position along it. */
function seg2(p: Readonly<Vec3>, ax: number, ay: number, bx: number, by: number): { d: number; u: number } {
  const vx = bx - ax,
    vy = by - ay;
  const u = Math.max(0, Math.min(1, ((p[0] - ax) * vx + (p[1] - ay) * vy) / (vx * vx + vy * vy)));
  return { d: Math.hypot(ax + u * vx - p[0], ay + u * vy - p[1]), u };
}

// ---- brow -------------------------------------------------------------------------------------
const brow: Record<string, ControlDef> = {
  browInnerUp_L: { kind: 'L', skin: (s) => mul(face(s.p, 0.016, 0.03, 0.022, 0.026), sum(up(s, 0.0105), combo(-0.0015, X))) },
  browOuterUp_L: { kind: 'L', skin: (s) => mul(face(s.p, 0.046, 0.028, 0.024, 0.026), sum(up(s, 0.0092), combo(0.001, X))) },
  browDown_L: { kind: 'L', skin: (s) => mul(face(s.p, 0.03, 0.022, 0.032, 0.02), sum(up(s, -0.0065), combo(-0.0018, X), nrm(s, 0.0012))) },
  browLateral_L: {
    kind: 'L',
    skin: (s) => {
      const w = face(s.p, 0.014, 0.02, 0.02, 0.015);
      // Corrugator: brows drawn together, a vertical furrow between them.
      const furrow = -0.0011 * bump(((s.p[0] - 0.0055) / 0.0028) ** 2) * face(s.p, 0.006, 0.017, 0.012, 0.012);
      return w === 0 && furrow === 0 ? null : sum(combo(-0.0056 * w, X), up(s, -0.0018 * w), nrm(s, furrow));
    },
  },
};

// ---- eyelids (through the lid state; some add skin fields) --------------------------------------
const eyelid: Record<string, ControlDef> = {
  eyeBlink_L: { kind: 'L', lids: { up: 0, close: 0.6, low: 0.6 } },
  eyeWide_L: { kind: 'L', lids: { up: 1.32, close: 0, low: 1.06 } },
  eyeSquint_L: {
    kind: 'L',
    lids: { up: 0.84, close: 0, low: 0.55 },
    skin: (s) => (s.p[1] > -0.0075 ? null : mul(face(s.p, 0.036, -0.014, 0.017, 0.0095), sum(up(s, 0.0016), combo(-0.0009, X)))),
  },
  cheekRaise_L: {
    kind: 'L',
    lids: { up: 0.93, close: 0, low: 0.74 },
    skin: (s) => {
      const cheek = face(s.p, 0.042, -0.027, 0.028, 0.021);
      const crow = face(s.p, 0.053, -0.002, 0.009, 0.012);
      if (cheek === 0 && crow === 0) return null;
      return sum(up(s, 0.0055 * cheek), nrm(s, 0.0016 * cheek + 0.0009 * crow * (noise3(s.p[0], s.p[1], 0, 500, 3) - 0.3)));
    },
  },
  eyeLowerLidUp_L: { kind: 'L', lids: { up: 1, close: 0, low: 0.45 } },
  eyeLowerLidDown_L: { kind: 'L', lids: { up: 1, close: 0, low: 1.33 } },
};

// ---- gaze: eyeball rotations, the lids follow vertical gaze -------------------------------------
const gaze: Record<string, ControlDef> = {
  eyeLookUp_L: { kind: 'L', gaze: { axis: [1, 0, 0], angle: deg(-20) }, lids: { up: 1.3, close: 0, low: 0.9 } },
  eyeLookDown_L: { kind: 'L', gaze: { axis: [1, 0, 0], angle: deg(25) }, lids: { up: 0.7, close: 0, low: 1.1 } },
  eyeLookIn_L: { kind: 'L', gaze: { axis: [0, 1, 0], angle: deg(-27) } },
  eyeLookOut_L: { kind: 'L', gaze: { axis: [0, 1, 0], angle: deg(27) } },
};

// ---- nose ----------------------------------------------------------------------------------------
const nose: Record<string, ControlDef> = {
  noseWrinkle_L: {
    kind: 'L',
    skin: (s, f) => {
      const side = face(s.p, 0.009, -0.009, 0.012, 0.02);
      const ala = face(s.p, 0.016, -0.033, 0.009, 0.008);
      const lip = face(s.p, 0.013, -0.049, 0.012, 0.0085) * (lipSide(s.v, f) > 0 ? 1 : 0) * cornerFade(s.v, f);
      const brw = face(s.p, 0.012, 0.013, 0.012, 0.009);
      if (side + ala + lip + brw === 0) return null;
      // Horizontal wrinkles across the side of the nose.
      const wrinkle = 0.0006 * side * Math.cos((s.p[1] * 2 * Math.PI) / 0.0042);
      return sum(up(s, 0.0036 * side + 0.003 * ala + 0.0016 * lip - 0.0018 * brw), nrm(s, 0.0008 * side + wrinkle));
    },
  },
  noseNasolabialDeepen_L: {
    kind: 'L',
    skin: (s) => {
      const w = face(s.p, 0.028, -0.046, 0.012, 0.02);
      const fold = seg2(s.p, 0.0185, -0.036, 0.035, -0.075);
      const crease = bump((fold.d / 0.0034) ** 2) * bump(((fold.u - 0.4) / 0.7) ** 2) * face(s.p, 0.027, -0.055, 0.03, 0.04);
      if (w === 0 && crease === 0) return null;
      return sum(up(s, 0.0025 * w), combo(0.0012 * w, X), nrm(s, 0.0015 * w - 0.0013 * crease));
    },
  },
  noseNostrilDilate_L: { kind: 'L', skin: (s) => mul(face(s.p, 0.0165, -0.0345, 0.0078, 0.0068), sum(combo(0.0028, X), up(s, 0.0007))) },
  noseNostrilCompress_L: { kind: 'L', skin: (s) => mul(face(s.p, 0.0155, -0.0345, 0.0068, 0.006), sum(combo(-0.002, X, -0.0005, Z), up(s, -0.0006))) },
};

// ---- cheeks ----------------------------------------------------------------------------------------
const cheek: Record<string, ControlDef> = {
  cheekPuff_L: { kind: 'L', skin: (s) => mul(face(s.p, 0.047, -0.057, 0.03, 0.034), nrm(s, 0.011)) },
  cheekSuck_L: { kind: 'L', skin: (s) => mul(face(s.p, 0.05, -0.052, 0.021, 0.024), nrm(s, -0.0062)) },
};

// ---- mouth corners -------------------------------------------------------------------------------
const corner: Record<string, ControlDef> = {
  mouthCornerPull_L: {
    kind: 'L',
    skin: (s) => {
      const w = face(s.p, 0.029, -0.058, 0.03, 0.026);
      const cheekBulge = face(s.p, 0.04, -0.036, 0.022, 0.018);
      if (w === 0 && cheekBulge === 0) return null;
      return sum(combo(0.0056 * w, X, -0.0024 * w, Z), up(s, 0.0076 * w + 0.002 * cheekBulge), nrm(s, 0.0016 * cheekBulge));
    },
  },
  mouthSharpCornerPull_L: { kind: 'L', skin: (s) => mul(face(s.p, 0.027, -0.059, 0.014, 0.014), sum(combo(0.0012, X), up(s, 0.0078), nrm(s, 0.0008))) },
  mouthDimple_L: {
    kind: 'L',
    skin: (s) => {
      const w = face(s.p, 0.027, -0.062, 0.013, 0.013);
      const dimple = face(s.p, 0.0335, -0.0645, 0.0048, 0.0058);
      if (w === 0 && dimple === 0) return null;
      return sum(combo(0.002 * w, X, -0.0045 * w, Z), nrm(s, -0.0021 * dimple));
    },
  },
  mouthCornerDepress_L: { kind: 'L', skin: (s) => mul(face(s.p, 0.027, -0.07, 0.02, 0.022), sum(combo(0.0015, X), up(s, -0.0066))) },
  mouthStretch_L: { kind: 'L', skin: (s) => mul(face(s.p, 0.03, -0.066, 0.03, 0.024), sum(combo(0.0076, X, -0.0015, Z), up(s, -0.0018))) },
  mouthCornerNarrow_L: { kind: 'L', skin: (s) => mul(face(s.p, 0.024, -0.062, 0.016, 0.016), combo(-0.0066, X, 0.0026, Z)) },
};

// ---- lips ------------------------------------------------------------------------------------------
/** Lateral weight of a left-lip field centred at column fraction c of the mouth half-width. */
const lipLat = (s: SkinPoint, f: LipFrame, c: number, w: number): number =>
  bump(((s.v.theta / f.thetaCorner - c) / w) ** 2) * cornerFade(s.v, f) * leftHalf(s.v);
/** Signed distance from the lip line (grid rows), for the compressing fields. */
const fromLine = (s: SkinPoint, f: LipFrame): number => s.v.t - f.mouthRow;

const lips: Record<string, ControlDef> = {
  mouthUpperLipRaise_L: { kind: 'L', skin: (s, f) => mul(lipLat(s, f, 0.42, 0.7) * lipBand(s.v, f, 1, 0.016), sum(up(s, 0.0056), nrm(s, 0.001))) },
  mouthLowerLipDepress_L: { kind: 'L', skin: (s, f) => mul(lipLat(s, f, 0.42, 0.7) * lipBand(s.v, f, -1, 0.018), sum(up(s, -0.0056), nrm(s, 0.0018))) },
  mouthPucker_L: {
    kind: 'L',
    skin: (s) => mul(face(s.p, 0, -0.063, 0.034, 0.026) * leftHalf(s.v), combo(0.0075, Z, -0.3 * s.p[0], X)),
  },
  mouthFunnelUpper_L: {
    kind: 'L',
    skin: (s, f) => mul(lipLat(s, f, 0.2, 0.95) * lipBand(s.v, f, 1, 0.014), sum(combo(0.0052, Z, -0.14 * s.p[0], X), up(s, 0.0026))),
  },
  mouthFunnelLower_L: {
    kind: 'L',
    skin: (s, f) => mul(lipLat(s, f, 0.2, 0.95) * lipBand(s.v, f, -1, 0.016), sum(combo(0.0052, Z, -0.14 * s.p[0], X), up(s, -0.0028))),
  },
  mouthTighten_L: {
    kind: 'L',
    skin: (s, f) => {
      const w = face(s.p, 0.012, -0.063, 0.026, 0.022) * leftHalf(s.v);
      const d = fromLine(s, f);
      // The red of the lips narrows toward the lip line and the mouth draws in a little.
      return mul(w * bump((d / 0.014) ** 2), sum(combo(-0.34 * d, UP, -0.0022, X, -0.0009, Z)));
    },
  },
  mouthPress_L: {
    kind: 'L',
    skin: (s, f) => {
      const w = face(s.p, 0.012, -0.063, 0.026, 0.026) * leftHalf(s.v);
      const d = fromLine(s, f);
      const bulge = bump(((Math.abs(d) - 0.013) / 0.005) ** 2);
      return mul(w, sum(combo(-0.24 * d * bump((d / 0.014) ** 2), UP, -0.0026 * bump((d / 0.01) ** 2), Z), nrm(s, 0.0012 * bulge)));
    },
  },
  mouthRollInUpper_L: { kind: 'L', skin: (s, f) => mul(vermilion(s.p, s.v, f, 1) * lipLat(s, f, 0.3, 0.9), combo(-0.0046, Z, -0.0019, UP)) },
  mouthRollInLower_L: { kind: 'L', skin: (s, f) => mul(vermilion(s.p, s.v, f, -1) * lipLat(s, f, 0.3, 0.9), combo(-0.0046, Z, 0.0019, UP)) },
  mouthLipsTogether_L: {
    kind: 'L',
    skin: (s, f) => {
      const w = face(s.p, 0.01, -0.063, 0.026, 0.022) * leftHalf(s.v);
      const d = fromLine(s, f);
      return mul(w * bump((d / 0.012) ** 2), combo(-0.2 * d, UP, 0.0013, Z));
    },
  },
  mouthUpperLipBite: { kind: 'C', skin: (s, f) => mul(lipBand(s.v, f, 1, 0.012) * cornerFade(s.v, f), combo(-0.0036, UP, -0.0056, Z)) },
  mouthLowerLipBite: { kind: 'C', skin: (s, f) => mul(lipBand(s.v, f, -1, 0.014) * cornerFade(s.v, f), combo(0.0036, UP, -0.006, Z)) },
  // The whole upper lip, up to the nose, pushed up as one block (by the chin boss below).
  mouthShrugUpper: { kind: 'C', skin: (s, f) => mul(lipBand(s.v, f, 1, 0.021) * cornerFade(s.v, f), sum(up(s, 0.0034), combo(0.0016, Z))) },
  mouthShrugLower: {
    kind: 'C',
    skin: (s, f) => {
      const lip = lipBand(s.v, f, -1, 0.02) * cornerFade(s.v, f);
      const chin = face(s.p, 0, -0.097, 0.02, 0.018);
      if (lip === 0 && chin === 0) return null;
      return sum(combo(0.003 * lip, UP, 0.0035 * lip, Z), up(s, 0.002 * chin), nrm(s, 0.0014 * chin));
    },
  },
  // Eversion: the red of the lip turns outward, most at the lip line, least at the border.
  mouthRollOutUpper: { kind: 'C', skin: (s, f) => mul(vermilion(s.p, s.v, f, 1) ** 2, combo(0.0042, Z, 0.0018, UP)) },
  mouthRollOutLower: { kind: 'C', skin: (s, f) => mul(vermilion(s.p, s.v, f, -1) ** 2, combo(0.0042, Z, -0.002, UP)) },
};

// ---- whole mouth ---------------------------------------------------------------------------------------
const mouthShift = (s: SkinPoint): number => face(s.p, 0, -0.064, 0.042, 0.032);
const mouth: Record<string, ControlDef> = {
  mouthLeft: { kind: 'pair', skin: (s) => mul(mouthShift(s), combo(0.0075, X, -0.0008 * Math.sign(s.p[0]), Z)) },
  mouthUp: { kind: 'C', skin: (s) => mul(face(s.p, 0, -0.063, 0.038, 0.03), up(s, 0.0046)) },
  mouthDown: { kind: 'C', skin: (s) => mul(face(s.p, 0, -0.064, 0.038, 0.03), up(s, -0.0046)) },
};

// ---- chin ----------------------------------------------------------------------------------------------
const chin: Record<string, ControlDef> = {
  chinRaise_L: {
    kind: 'L',
    skin: (s, f) => {
      const half = leftHalf(s.v);
      const boss = face(s.p, 0.004, -0.095, 0.021, 0.022) * half;
      const lip = lipBand(s.v, f, -1, 0.016) * cornerFade(s.v, f) * half;
      if (boss === 0 && lip === 0) return null;
      // Mentalis: the chin bunches (a dimpled "golf ball" skin) and pushes the lower lip up.
      const dimples = 0.0005 * boss * (noise3(s.p[0], s.p[1], s.p[2], 420, 13) - 0.5);
      return sum(up(s, 0.004 * boss + 0.002 * lip), nrm(s, 0.0024 * boss + dimples), combo(0.002 * lip, Z));
    },
  },
};

// ---- jaw ------------------------------------------------------------------------------------------------
const jaw: Record<string, ControlDef> = {
  jawOpen: { kind: 'C', jaw: 'jawOpen' },
  // Mouth stretch: past the jaw drop, the lips are pulled apart vertically and thinned.
  jawOpenExtreme: {
    kind: 'C',
    jaw: 'jawOpenExtreme',
    skin: (s, f) => {
      const lo = lipBand(s.v, f, -1, 0.018) * cornerFade(s.v, f);
      const hi = lipBand(s.v, f, 1, 0.016) * cornerFade(s.v, f);
      // The corners are drawn in and the cheeks hollow over the stretched mouth.
      const corner = face(s.p, 0.026, -0.064, 0.012, 0.014) - face(s.p, -0.026, -0.064, 0.012, 0.014);
      const cheek = face(s.p, 0.05, -0.06, 0.018, 0.024) + face(s.p, -0.05, -0.06, 0.018, 0.024);
      if (lo + hi + cheek === 0 && corner === 0) return null;
      return sum(up(s, 0.0042 * hi), combo(-0.0035 * corner, X), nrm(s, -0.0025 * cheek - 0.0012 * lo));
    },
  },
  jawLeft: { kind: 'pair', jaw: 'jawLeft' },
  jawForward: { kind: 'C', jaw: 'jawForward' },
  jawBack: { kind: 'C', jaw: 'jawBack' },
  jawClench_L: { kind: 'L', skin: (s) => mul(face(s.p, 0.058, -0.056, 0.016, 0.022), nrm(s, 0.003)) },
};

// ---- tongue ------------------------------------------------------------------------------------------------
const front = (p: Readonly<Vec3>): number => {
  const u = (p[2] - TONGUE.centre[2]) / TONGUE.radii[2];
  return Math.max(0, Math.min(1, (u + 0.4) / 1.4));
};
const tongue: Record<string, ControlDef> = {
  // Out between the lips of an open mouth: forward, and a little up so it clears the lower lip.
  tongueOut: {
    kind: 'C',
    tongue: (p) => {
      const f = front(p);
      return f === 0 ? null : [-0.22 * f * p[0], 0.0075 * f * f, 0.033 * Math.pow(f, 1.3)];
    },
  },
  tongueUp: {
    kind: 'C',
    tongue: (p) => {
      const f = front(p);
      return f === 0 ? null : [0, 0.013 * f * f, 0.002 * f];
    },
  },
  tongueDown: {
    kind: 'C',
    tongue: (p) => {
      const f = front(p);
      return f === 0 ? null : [0, -0.0085 * f * f, 0.0012 * f];
    },
  },
  tongueLeft: {
    kind: 'pair',
    tongue: (p) => {
      const f = front(p);
      return f === 0 ? null : [0.012 * f * f, 0, -0.001 * f * f];
    },
  },
};

// ---- neck -------------------------------------------------------------------------------------------------
const neck: Record<string, ControlDef> = {
  neckStretch_L: {
    kind: 'L',
    skin: (s) => {
      const w = bump(ellD2(s.p[0], s.p[1], s.p[2], 0.032, -0.134, 0.035, 0.03, 0.034, 0.05));
      const mouthPull = face(s.p, 0.032, -0.078, 0.02, 0.02);
      if (w === 0 && mouthPull === 0) return null;
      // Platysma cords stand out as ridges running down the neck.
      const cords = 0.0013 * w * Math.pow(Math.max(0, Math.cos(((s.p[0] - 0.022) * 2 * Math.PI) / 0.016)), 3);
      return sum(up(s, -0.0032 * w - 0.0016 * mouthPull), combo(0.0014 * w + 0.001 * mouthPull, X), nrm(s, cords));
    },
  },
  neckMastoidContract_L: {
    kind: 'L',
    skin: (s) => {
      // Sternocleidomastoid: from behind the ear down to the sternum, on the side of the neck.
      const a: Vec3 = [0.056, -0.1, -0.022],
        b: Vec3 = [0.014, -0.2, 0.034];
      const ab: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
      const L2 = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2];
      const u = ((s.p[0] - a[0]) * ab[0] + (s.p[1] - a[1]) * ab[1] + (s.p[2] - a[2]) * ab[2]) / L2;
      const q: Vec3 = [a[0] + u * ab[0] - s.p[0], a[1] + u * ab[1] - s.p[1], a[2] + u * ab[2] - s.p[2]];
      const w = bump((Math.hypot(q[0], q[1], q[2]) / 0.016) ** 2) * bump(((u - 0.5) / 0.62) ** 2);
      return mul(w, sum(nrm(s, 0.0046), up(s, 0.0012)));
    },
  },
  neckSwallow: { kind: 'C', skin: (s) => mul(bump(ellD2(s.p[0], s.p[1], s.p[2], 0, -0.148, 0.04, 0.017, 0.024, 0.03)), up(s, 0.011)) },
};

export const CATALOGUE: Readonly<Record<string, ControlDef>> = {
  ...brow,
  ...eyelid,
  ...gaze,
  ...nose,
  ...cheek,
  ...corner,
  ...lips,
  ...mouth,
  ...chin,
  ...jaw,
  ...tongue,
  ...neck,
};

/** The asymmetric centre controls and the mirror partner they define. */
export const MIRROR_PAIRS: Readonly<Record<string, string>> = { mouthRight: 'mouthLeft', jawRight: 'jawLeft', tongueRight: 'tongueLeft' };
