// The jaw: rigid motions of the mandible (open, extreme open, sideways, forward, back) and how
// much of that motion each skin vertex follows. The lower lip, chin and jaw follow fully, the
// upper lip not at all, the cheeks and the throat partly. At the lip slit the two copies differ:
// that is what parts the lips.
import { JAW, MOUTH } from '../landmarks';
import type { Vec3 } from '../math';
import { bump, lerp, rotationDelta, smoothstep } from '../math';
import type { LipFrame, SkinPoint } from './context';
import { lipSide, X } from './context';

export type JawMotion = (p: Readonly<Vec3>) => Vec3;

export const JAW_MOTIONS: Readonly<Record<string, JawMotion>> = {
  jawOpen: (p) => rotationDelta(p, JAW.pivot, X, JAW.openAngle),
  // AU27: past a normal opening the condyles glide forward, so the mandible turns about a
  // lower point (mid-ramus) and drops rather than swings (the lips stretch too: see the catalogue).
  jawOpenExtreme: (p) => rotationDelta(p, [0, -0.055, 0.004], X, (9 * Math.PI) / 180),
  jawLeft: () => [0.0068, 0, 0],
  jawForward: () => [0, 0, 0.0058],
  jawBack: () => [0, 0, -0.0042],
};

/** Continuous part of the jaw weight (no slit): chin, jaw and lower cheeks. */
export function jawFieldWeight(p: Readonly<Vec3>): number {
  const ax = Math.min(Math.abs(p[0]), 0.075);
  const u = ax / 0.075;
  // Above yTop nothing follows; below yBot everything does. The line rises toward the ears.
  const yTop = lerp(MOUTH.y + 0.008, -0.004, Math.pow(u, 1.3));
  const yBot = lerp(MOUTH.y - 0.012, -0.058, Math.pow(u, 1.1));
  const v = smoothstep(yTop, yBot, p[1]);
  // The throat stays; the skin behind the ramus stays. Wide bands: the skin stretches over
  // several centimetres instead of folding.
  return v * smoothstep(-0.17, -0.112, p[1]) * smoothstep(-0.065, 0.03, p[2]);
}

/** Opening of the slit along the mouth (1 in the middle, 0 at the corners and beyond). */
function slitOpening(theta: number, f: LipFrame): number {
  // Flat over most of the mouth and steep near the corners: the lower lip drops with its teeth.
  const u = Math.abs(theta) / f.thetaCorner;
  return u >= 1 ? 0 : Math.sqrt(1 - u * u * u * u);
}

/** How much of the jaw's motion a skin vertex follows. */
export function jawWeight(s: SkinPoint, f: LipFrame): number {
  const g = jawFieldWeight(s.p);
  const side = lipSide(s.v, f);
  const m = slitOpening(s.v.theta, f);
  if (m === 0 || side === 0) return g;
  const h = bump(((s.v.t - f.mouthRow) / 0.011) ** 2);
  return side > 0 ? g * (1 - m * h) : g + (1 - g) * m * h;
}

/**
 * Jaw weight when the lips are held together over an open jaw: all along the lip line the lips
 * meet where the mouth corners go, so the closed lips stay level (upper lip stretched down,
 * lower lip up), fading back to the open-jaw weights away from the lip line.
 */
function sealedJawWeight(s: SkinPoint, f: LipFrame): number {
  const g = jawFieldWeight(s.p);
  const side = lipSide(s.v, f);
  const m = slitOpening(s.v.theta, f);
  if (m === 0 || side === 0) return g;
  const h = bump(((s.v.t - f.mouthRow) / 0.011) ** 2);
  const corner = jawFieldWeight([MOUTH.cornerX, MOUTH.y, s.p[2]]);
  return g + (corner - g) * m * h;
}

/** What jawOpen × lips-together adds: from the open lips to the sealed ones. */
export function lipClosure(s: SkinPoint, f: LipFrame, motion: JawMotion): Vec3 {
  const w = sealedJawWeight(s, f) - jawWeight(s, f);
  const d = motion(s.p);
  return [w * d[0], w * d[1], w * d[2]];
}
