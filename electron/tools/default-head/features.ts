// Facial features as displacements of the base volume's surface, for the actor's-left half
// (x ≥ 0; the right half is its mirror image). Each feature is a smooth bump or dent at landmark
// points: brow ridge, eye socket, cheekbones, nose (bridge, tip, alae, nostrils), philtrum,
// lips, chin, nasolabial fold, temples, larynx.
import type { Curve } from './curve';
import { curve } from './curve';
import { BROW, CHEEK, CHIN, EYE, MOUTH, NECK, NOSE } from './landmarks';
import type { Vec3 } from './math';
import { bump, clamp, ellD2, smoothstep } from './math';

// Nose: midline protrusion H(y) and half-width W(y).
const NOSE_H = curve([
  [NOSE.subnasaleY - 0.004, 0],
  [NOSE.subnasaleY, 0.003],
  [-0.0385, 0.012],
  [-0.0352, 0.0205],
  [NOSE.tipY - 0.0012, NOSE.tipHeight],
  [-0.025, 0.0236],
  [-0.018, 0.018],
  [-0.008, 0.0118],
  [0.002, 0.0072],
  [NOSE.nasionY, 0.0045],
  [0.02, 0.0008],
  [0.026, 0],
]);
const NOSE_W = curve([
  [-0.045, 0.0105],
  [-0.036, 0.0128],
  [-0.03, 0.0122],
  [-0.024, 0.0098],
  [-0.01, 0.0078],
  [0.004, 0.0068],
  [0.012, 0.0075],
  [0.026, 0.011],
]);

// Lips: protrusion of the vermilion against the distance from the lip line (metres).
const UPPER_LIP = curve([
  [0, 0.0021],
  [0.0013, 0.0035],
  [0.0034, 0.0044],
  [0.0058, 0.0037],
  [MOUTH.upperLip, 0.0026],
  [0.0092, 0.0009],
  [0.012, 0],
]);
const LOWER_LIP = curve([
  [0, 0.0021],
  [0.0018, 0.0039],
  [0.0048, 0.0049],
  [0.0078, 0.0037],
  [MOUTH.lowerLip, 0.002],
  [0.0122, 0.0004],
  [0.0145, 0],
]);

/** Brow line (y of the brow ridge crest) against x. */
export const BROW_LINE: Curve = curve([
  [0, 0.016],
  [BROW.inner[0], BROW.inner[1]],
  [BROW.mid[0], BROW.mid[1]],
  [BROW.outer[0], BROW.outer[1]],
  [0.064, 0.012],
]);

/** Lip height scale toward the corners (lips thin out at the commissures). */
export function lipScale(x: number): number {
  const u = clamp(Math.abs(x) / MOUTH.cornerX, 0, 1);
  return 0.38 + 0.62 * Math.sqrt(1 - u * u);
}

/** Cupid's bow: the upper vermilion border dips at the philtrum and peaks either side. */
export function cupidsBow(x: number): number {
  const ax = Math.abs(x);
  return 1 - 0.16 * Math.exp(-((ax / 0.0022) ** 2)) + 0.08 * Math.exp(-(((ax - 0.0058) / 0.003) ** 2));
}

/** Vermilion borders (y) at x: upper and lower. */
export function upperBorderY(x: number): number {
  return MOUTH.y + MOUTH.upperLip * lipScale(x) * cupidsBow(x);
}
export function lowerBorderY(x: number): number {
  return MOUTH.y - MOUTH.lowerLip * lipScale(x);
}

/** 3-D blob weight, the z range (0.02…0.14) keeping it on the face and off the back of the head. */
function face(x: number, y: number, z: number, cx: number, cy: number, rx: number, ry: number): number {
  return bump(ellD2(x, y, z, cx, cy, 0.08, rx, ry, 0.06));
}

function segDist(x: number, y: number, ax: number, ay: number, bx: number, by: number): { d: number; u: number; side: number } {
  const vx = bx - ax,
    vy = by - ay;
  const u = clamp(((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy), 0, 1);
  const px = ax + u * vx - x,
    py = ay + u * vy - y;
  // side > 0: lateral (cheek) side of the segment.
  return { d: Math.hypot(px, py), u, side: vx * (y - ay) - vy * (x - ax) < 0 ? 1 : -1 };
}

/**
 * Displacement of a base surface point p (normal n), x ≥ 0. Returns [along-normal, along +z]
 * amounts: bumps that follow the skull go along the normal, the nose and lips along +z.
 */
export function featureOffsets(p: Readonly<Vec3>): { normal: number; forward: number } {
  const [x, y, z] = p;
  let normal = 0;
  let forward = 0;
  const front = smoothstep(0.025, 0.06, z);

  // Brow ridge along the brow line, the glabella between the brows.
  const by = BROW_LINE(x);
  normal += 0.0034 * bump(((y - by + 0.002) / 0.012) ** 2) * bump((x / 0.068) ** 2) * front;
  normal += 0.0018 * face(x, y, z, 0, 0.013, 0.013, 0.012);
  // Eye socket (the lids are fitted over the eyeball afterwards), temples, cheekbones.
  normal -= 0.0075 * face(x, y, z, EYE.centre[0], 0.001, 0.024, 0.021);
  normal -= 0.004 * face(x, y, z, 0.066, 0.032, 0.016, 0.024);
  normal += 0.0048 * face(x, y, z, CHEEK.bone[0], CHEEK.bone[1], 0.025, 0.017);
  normal += 0.0022 * face(x, y, z, 0.034, -0.034, 0.02, 0.02);
  // Nasolabial fold: a shallow crease from the ala past the mouth corner, fuller cheek beside it.
  const nl = segDist(x, y, 0.0185, -0.036, 0.035, -0.075);
  const nlFade = bump(((nl.u - 0.45) / 0.75) ** 2) * front;
  normal -= 0.0011 * bump((nl.d / 0.0032) ** 2) * nlFade;
  if (nl.side > 0) normal += 0.0016 * bump(((nl.d - 0.0055) / 0.0055) ** 2) * nlFade;
  // Muzzle: the lips sit on the curve of the teeth.
  normal += 0.0048 * face(x, y, z, 0, MOUTH.y - 0.002, 0.042, 0.034);
  // Chin boss and the groove above it; the angle of the jaw.
  normal += 0.0058 * face(x, y, z, CHIN.point[0], CHIN.point[1], 0.021, 0.017);
  normal -= 0.0022 * face(x, y, z, 0, CHIN.sulcusY, 0.019, 0.0055);
  normal += 0.0022 * bump(ellD2(x, y, z, 0.057, -0.078, 0.03, 0.016, 0.02, 0.05));
  // Larynx.
  normal += 0.0042 * bump(ellD2(x, y, z, NECK.larynx[0], NECK.larynx[1], 0.04, 0.011, 0.016, 0.04));

  // Nose: ridge profile × rounded cross-section, alae, nostrils.
  const w = NOSE_W(y);
  const u = x / w;
  if (u < 1) forward += NOSE_H(y) * (1 - u * u) ** 1.6 * front;
  forward += 0.0052 * face(x, y, z, NOSE.ala[0], NOSE.ala[1], 0.0082, 0.0068);
  forward -= 0.0009 * face(x, y, z, 0.0225, -0.032, 0.0032, 0.0055);
  forward -= 0.0085 * face(x, y, z, NOSE.nostril[0], NOSE.nostril[1], 0.0041, 0.0024);

  // Philtrum: a groove between two ridges from the nose to the lip.
  const ph = bump(((y - (NOSE.subnasaleY + MOUTH.y + MOUTH.upperLip) / 2) / 0.009) ** 2) * front;
  forward += ph * (0.0005 * Math.exp(-(((x - 0.0048) / 0.0018) ** 2)) - 0.0007 * Math.exp(-((x / 0.0025) ** 2)));

  // Lips.
  const lat = bump((x / (MOUTH.cornerX + 0.0035)) ** 2);
  if (lat > 0) {
    const s = lipScale(x);
    const Y = y - MOUTH.y;
    const prof = Y >= 0 ? UPPER_LIP(Y / (s * cupidsBow(x))) : LOWER_LIP(-Y / s);
    forward += prof * Math.pow(lat, 0.35) * front;
  }
  // Mouth corner: the commissure tucks in.
  forward -= 0.0022 * face(x, y, z, MOUTH.cornerX, MOUTH.y, 0.0055, 0.0045);
  return { normal, forward };
}
