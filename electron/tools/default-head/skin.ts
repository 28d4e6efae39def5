// The head skin part: grid + surface → neutral positions, albedo and material per vertex.
import { RIG_MATERIALS } from '../../rig/types';
import type { RigMaterial } from '../../rig/types';
import type { Curve } from './curve';
import { curve } from './curve';
import { EYE_REST } from './eyelid-shape';
import { BROW_LINE, lowerBorderY, upperBorderY } from './features';
import { EYE, MOUTH, NOSE, PALETTE } from './landmarks';
import type { Vec3 } from './math';
import { bump, ellD2, mixColor, noise3, smoothstep } from './math';
import type { PartGeometry } from './part-builder';
import { buildSkinGrid } from './skin-grid';
import { computeSkinLayout } from './skin-layout';
import type { SkinShape } from './surface';
import { makeSkinShape, skinPoint, slitParam } from './surface';

export interface SkinPart extends PartGeometry {
  readonly shape: SkinShape;
}

/** Hairline height against |θ| (short cropped hair: a darker scalp cap reads as a head). */
const HAIRLINE: Curve = curve([
  [0, 0.071],
  [0.35, 0.069],
  [0.62, 0.058],
  [0.85, 0.047],
  [1.15, 0.036],
  [1.45, 0.022],
  [1.75, -0.012],
  [2.2, -0.05],
  [Math.PI, -0.062],
]);

/** Brow thickness along x (thick head, thin tail). */
const BROW_THICK: Curve = curve([
  [0.011, 0],
  [0.014, 0.0078],
  [0.03, 0.0068],
  [0.05, 0.0036],
  [0.058, 0],
]);

function skinLook(p: Readonly<Vec3>, theta: number, t: number, eyeSide: number, shape: SkinShape): { c: Vec3; m: RigMaterial } {
  const x = Math.abs(p[0]),
    y = p[1],
    z = p[2];
  const front = smoothstep(0.02, 0.05, z);
  // Gentle mottling, redder cheeks, nose tip and ears' neighbourhood.
  const mottle = 0.94 + 0.12 * noise3(x, y, z, 55, 3);
  let c: Vec3 = [PALETTE.skin[0] * mottle, PALETTE.skin[1] * mottle, PALETTE.skin[2] * mottle];
  const red = 0.28 * bump(ellD2(x, y, z, 0.043, -0.03, 0.07, 0.024, 0.022, 0.05)) + 0.3 * bump(ellD2(x, y, z, 0, -0.029, 0.1, 0.011, 0.011, 0.03));
  c = mixColor(c, PALETTE.skinRed, red);
  let m: RigMaterial = 'skin';

  // Lips: between the vermilion borders.
  if (x < MOUTH.cornerX + 0.001 && front > 0) {
    const up = upperBorderY(x),
      lo = lowerBorderY(x);
    const w =
      Math.min(smoothstep(up + 0.0008, up - 0.0008, y), smoothstep(lo - 0.0008, lo + 0.0008, y)) * smoothstep(MOUTH.cornerX + 0.001, MOUTH.cornerX - 0.003, x);
    if (w > 0) {
      c = mixColor(c, PALETTE.lip, w * (0.9 + 0.1 * noise3(x, y, z, 400, 5)));
      if (w >= 0.5) m = 'lip';
    }
  }
  // Brows: a band above the brow line, feathered by noise.
  const bt = BROW_THICK(x);
  if (bt > 0 && front > 0) {
    const yc = BROW_LINE(x) + 0.0025;
    // Soft edges: a hard colour edge on a 1.2 mm grid shows as stair steps.
    const edge = 1 - Math.abs(y - yc) / bt + 0.12 * (noise3(x, y, z, 140, 7) - 0.5);
    const w = smoothstep(-0.15, 0.6, edge);
    if (w > 0) {
      c = mixColor(c, PALETTE.brow, 0.92 * w);
      if (w >= 0.5) m = 'brow';
    }
  }
  // Cropped hair over the scalp.
  const hl = HAIRLINE(Math.abs(theta));
  // A wider fade where the grid is coarse (sides and back), so the hairline does not step.
  const fade = 0.006 + 0.012 * smoothstep(0.7, 1.3, Math.abs(theta));
  const hair = smoothstep(hl - fade, hl + fade * 1.3, y + 0.004 * (noise3(x, y, z, 90, 9) - 0.5));
  if (t > -0.09 && hair > 0) {
    c = mixColor(c, PALETTE.hair, 0.94 * hair);
    if (hair >= 0.5) m = 'brow';
  }
  // Lash line on the lid margins; pink caruncle in the inner corner; dark nostrils.
  const s = slitParam(shape, theta);
  const d = t - shape.layout.eyeRow;
  if (s > -0.05 && s < 1.05) {
    const along = smoothstep(-0.05, 0.12, s) * smoothstep(1.05, 0.85, s);
    if (eyeSide > 0 && d < 0.0026) {
      const w = along * (d < 0.0006 ? 1 : 0.6);
      c = mixColor(c, PALETTE.lash, w);
      if (w >= 0.5) m = 'brow';
    } else if (eyeSide < 0 && d > -0.0013) c = mixColor(c, PALETTE.lash, 0.45 * along);
  }
  // The lip line is in shadow where the lips meet.
  const dm = Math.abs(t - shape.layout.mouthRow);
  if (x < MOUTH.cornerX && dm < 0.002)
    c = mixColor(c, PALETTE.mouthInterior, (dm < 0.0005 ? 0.35 : 0.1) * smoothstep(MOUTH.cornerX - 0.002, MOUTH.cornerX - 0.012, x));
  const car = bump(ellD2(x, y, 0, EYE.centre[0] + EYE.innerDx + 0.0012, EYE.centre[1] - 0.0004, 0, 0.0032, 0.0022, 1));
  if (car > 0) c = mixColor(c, PALETTE.lipInner, 0.7 * car);
  const nos = bump(ellD2(x, y, 0, NOSE.nostril[0], NOSE.nostril[1] - 0.0004, 0, 0.0031, 0.0017, 1)) * front;
  if (nos > 0) c = mixColor(c, PALETTE.nostril, Math.min(1, 1.6 * nos));
  return { c, m };
}

export function buildSkin(): SkinPart {
  const layout = computeSkinLayout();
  const grid = buildSkinGrid(layout);
  const shape = makeSkinShape(layout, grid);
  const n = grid.vertices.length;
  const neutral = new Float32Array(n * 3);
  const colors = new Float32Array(n * 3);
  const materials = new Uint8Array(n);
  const half = grid.halfCount;
  for (let i = 0; i < half; i++) {
    const v = grid.vertices[i]!;
    const p = skinPoint(shape, v, EYE_REST, EYE_REST);
    const { c, m } = skinLook(p, v.theta, v.t, v.eyeSide, shape);
    for (const [dst, k] of [
      [i, 1],
      [grid.mirror[i]!, -1],
    ] as const) {
      neutral[dst * 3] = v.centre ? 0 : k * p[0];
      neutral[dst * 3 + 1] = p[1];
      neutral[dst * 3 + 2] = p[2];
      colors.set(c, dst * 3);
      materials[dst] = RIG_MATERIALS.indexOf(m);
    }
  }
  return { name: 'head', neutral, indices: grid.indices, colors, materials, mirror: grid.mirror, halfCount: half, shape };
}
