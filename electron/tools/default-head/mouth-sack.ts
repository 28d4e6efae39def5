// The mouth interior: a closed sack hanging behind the lips. Its first ring coincides with the
// lip slit of the skin (upper copies along the top, lower copies along the bottom), so whatever
// the lips do, looking between them shows the inner lips and then the dark cavity, never a hole.
// Deeper rings widen into the cavity that holds the teeth and tongue.
import type { Vec3 } from './math';
import { lerp, mixColor } from './math';
import { MOUTH, PALETTE } from './landmarks';
import type { PartGeometry } from './part-builder';
import { HalfMesh, mirrorHalfMesh } from './part-builder';
import type { SkinPart } from './skin';

export interface MouthSack extends PartGeometry {
  /** Ring (layer) of every vertex: 0 = on the lips … last = back pole. */
  readonly layer: Uint8Array;
  /** Skin vertex (slit) each vertex's ring position came from, for following the lips. */
  readonly slitVertex: Uint32Array;
  /** Angle around the mouth opening: +π/2 top centre, 0 the actor's left corner, −π/2 bottom. */
  readonly phi: Float32Array;
  readonly layerCount: number;
}

// Depth behind the lips, half-width and half-height of each ring; how far it has left the slit shape.
const DEPTH = [0, 0.0022, 0.0056, 0.0102, 0.017, 0.026, 0.036, 0.046, 0.053];
const HALF_W = [0, 0.0246, 0.0262, 0.0282, 0.0306, 0.0325, 0.0332, 0.029, 0.02];
const HALF_H = [0, 0.0046, 0.0105, 0.0155, 0.019, 0.0196, 0.0186, 0.015, 0.01];
const LEAVE = [0, 0.55, 0.88, 1, 1, 1, 1, 1, 1];
const POLE_DEPTH = 0.057;
const FLOOR = 0.82;

export function buildMouthSack(skin: SkinPart): MouthSack {
  const { grid, layout } = skin.shape;
  const thetaCorner = layout.frontCols[layout.mouthCornerCol]!;
  // The canonical half of the lip slit loop, from the bottom centre round the left corner to the top.
  const loop: { v: number; phi: number }[] = [];
  for (let i = 0; i < grid.halfCount; i++) {
    const v = grid.vertices[i]!;
    if (v.t !== layout.mouthRow || v.theta > thetaCorner) continue;
    const isCorner = v.theta === thetaCorner;
    if (v.mouthSide === 0 && !isCorner) continue;
    const frac = 1 - v.theta / thetaCorner;
    loop.push({ v: i, phi: isCorner ? 0 : v.mouthSide * (Math.PI / 2) * frac });
  }
  loop.sort((a, b) => a.phi - b.phi);

  const h = new HalfMesh();
  const layer: number[] = [];
  const slit: number[] = [];
  const phis: number[] = [];
  const centreZ = skin.neutral[loop.find((l) => l.phi === Math.PI / 2)!.v * 3 + 2]!;
  const rings: number[][] = DEPTH.map((depth, k) =>
    loop.map(({ v, phi }) => {
      const sx = skin.neutral[v * 3]!,
        sy = skin.neutral[v * 3 + 1]!,
        sz = skin.neutral[v * 3 + 2]!;
      const b = LEAVE[k]!;
      // The floor is shallower than the roof: it must stay inside the chin when the jaw drops.
      const halfH = HALF_H[k]! * (Math.sin(phi) < 0 ? FLOOR : 1);
      const p: Vec3 = [lerp(sx, HALF_W[k]! * Math.cos(phi), b), lerp(sy, MOUTH.y + halfH * Math.sin(phi), b), sz - depth];
      // Layer 0 is the slit itself: copy it exactly so the seam never opens.
      if (k === 0) p[0] = sx;
      const deep = k / (DEPTH.length - 1);
      const c = k === 0 ? PALETTE.lip : k === 1 ? PALETTE.lipInner : mixColor(PALETTE.gums, PALETTE.mouthInterior, Math.min(1, deep * 1.8));
      const idx = h.add(p, c, k <= 1 ? 'lip' : 'mouthInterior', Math.abs(phi) === Math.PI / 2);
      layer.push(k);
      slit.push(v);
      phis.push(phi);
      return idx;
    }),
  );
  const pole = h.add([0, MOUTH.y - 0.002, centreZ - POLE_DEPTH], PALETTE.mouthInterior, 'mouthInterior', true);
  layer.push(DEPTH.length);
  slit.push(loop[0]!.v);
  phis.push(0);
  for (let k = 0; k + 1 < rings.length; k++) {
    const a = rings[k]!,
      b = rings[k + 1]!;
    for (let j = 0; j + 1 < a.length; j++) h.quad(a[j]!, a[j + 1]!, b[j + 1]!, b[j]!);
  }
  const last = rings[rings.length - 1]!;
  for (let j = 0; j + 1 < last.length; j++) h.tri(last[j]!, last[j + 1]!, pole);

  const g = mirrorHalfMesh('mouth', h);
  // Per-vertex bookkeeping for the mirrored half: the same layer, the mirrored slit vertex, π − φ.
  const n = g.mirror.length;
  const L = new Uint8Array(n),
    S = new Uint32Array(n),
    P = new Float32Array(n);
  for (let i = 0; i < g.halfCount; i++) {
    const m = g.mirror[i]!;
    L[i] = L[m] = layer[i]!;
    S[i] = slit[i]!;
    P[i] = phis[i]!;
    if (m !== i) {
      S[m] = grid.mirror[slit[i]!]!;
      P[m] = Math.PI - phis[i]!;
    }
  }
  return { ...g, layer: L, slitVertex: S, phi: P, layerCount: DEPTH.length + 1 };
}
