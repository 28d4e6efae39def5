// Position of a skin vertex: base volume + features + eyelids, for given eye states. The
// actor's-right half is computed as the exact mirror image of the left half.
import { baseNormal, castBase } from './base-shape';
import type { EyeState } from './eyelid-shape';
import { lidDepth, lidWarp } from './eyelid-shape';
import { featureOffsets } from './features';
import type { Vec3 } from './math';
import type { SkinGrid, SkinVertex } from './skin-grid';
import type { SkinLayout } from './skin-layout';

export interface SkinShape {
  readonly layout: SkinLayout;
  readonly grid: SkinGrid;
  /** Column angles of the inner and outer canthus (the ends of the eye slit). */
  readonly thetaIn: number;
  readonly thetaOut: number;
}

export function makeSkinShape(layout: SkinLayout, grid: SkinGrid): SkinShape {
  return {
    layout,
    grid,
    thetaIn: layout.frontCols[layout.eyeInnerCol]!,
    thetaOut: layout.frontCols[layout.eyeOuterCol]!,
  };
}

/** Position along the eye slit of a column angle (0 inner canthus … 1 outer canthus). */
export function slitParam(shape: SkinShape, theta: number): number {
  return (Math.abs(theta) - shape.thetaIn) / (shape.thetaOut - shape.thetaIn);
}

function canonical(shape: SkinShape, theta: number, t: number, eyeSide: number, eye: EyeState): Vec3 {
  const d = t - shape.layout.eyeRow;
  const s = slitParam(shape, theta);
  const b = castBase(t + lidWarp(s, d, eyeSide, eye), theta);
  const n = baseNormal(b[0], b[1], b[2]);
  const f = featureOffsets(b);
  const p: Vec3 = [b[0] + n[0] * f.normal, b[1] + n[1] * f.normal, b[2] + n[2] * f.normal + f.forward];
  // Only the front of the head can hold the lids (the back has the same x, y).
  if (b[2] > 0.02 && Math.abs(d) < 0.04) p[2] = lidDepth(p[0], p[1], p[2], d);
  return p;
}

/** Skin vertex position for the given states of the actor's left and right eye. */
export function skinPoint(shape: SkinShape, v: SkinVertex, eyeL: EyeState, eyeR: EyeState): Vec3 {
  const left = v.theta >= 0;
  const p = canonical(shape, Math.abs(v.theta), v.t, v.eyeSide, left ? eyeL : eyeR);
  if (v.centre) p[0] = 0;
  else if (!left) p[0] = -p[0];
  return p;
}
