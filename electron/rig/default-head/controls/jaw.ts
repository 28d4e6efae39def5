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
  // AU27: the condyles glide forward and the mandible drops further.
  jawOpenExtreme: (p) => {
    const r = rotationDelta(p, [0, -0.04, 0.03], X, (8 * Math.PI) / 180);
    return [r[0], r[1] - 0.0045, r[2] + 0.0062];
  },
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
  // The throat stays; the skin behind the ramus stays.
  return v * smoothstep(-0.165, -0.116, p[1]) * smoothstep(-0.03, 0.006, p[2]);
}

/** Opening of the slit along the mouth (1 in the middle, 0 at the corners and beyond). */
function slitOpening(theta: number, f: LipFrame): number {
  const u = Math.abs(theta) / f.thetaCorner;
  return u >= 1 ? 0 : Math.sqrt(1 - u * u);
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

/** The part of jawOpen that parts the lips (what a lips-together corrective takes back). */
export function lipParting(s: SkinPoint, f: LipFrame, motion: JawMotion): Vec3 {
  const w = jawWeight(s, f) - jawFieldWeight(s.p);
  const d = motion(s.p);
  return [w * d[0], w * d[1], w * d[2]];
}
