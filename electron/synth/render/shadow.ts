// Shadows and ambient occlusion from orthographic depth maps ("shadow maps") of the mesh.
import type { ShadowMap } from './raster';
import { rasterizeShadow } from './raster';

export interface LightFrame {
  readonly size: number;
  readonly map: ShadowMap;
  /** Light basis: e1, e2 span the map, l points toward the light. */
  readonly e1: readonly [number, number, number];
  readonly e2: readonly [number, number, number];
  readonly l: readonly [number, number, number];
  readonly uMin: number;
  readonly vMin: number;
  /** Texels per metre. */
  readonly scale: number;
}

export interface ShadowScratch {
  u: Float32Array;
  v: Float32Array;
  d: Float32Array;
  maps: Map<number, ShadowMap>;
}

export function createShadowScratch(vertexCount: number): ShadowScratch {
  return { u: new Float32Array(vertexCount), v: new Float32Array(vertexCount), d: new Float32Array(vertexCount), maps: new Map() };
}

function basis(l: readonly [number, number, number]): [[number, number, number], [number, number, number]] {
  const a: [number, number, number] = Math.abs(l[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  let e1: [number, number, number] = [l[1] * a[2] - l[2] * a[1], l[2] * a[0] - l[0] * a[2], l[0] * a[1] - l[1] * a[0]];
  const n = Math.hypot(e1[0], e1[1], e1[2]);
  e1 = [e1[0] / n, e1[1] / n, e1[2] / n];
  const e2: [number, number, number] = [l[1] * e1[2] - l[2] * e1[1], l[2] * e1[0] - l[0] * e1[2], l[0] * e1[1] - l[1] * e1[0]];
  return [e1, e2];
}

/** Depth map of the mesh seen from direction `l` (unit, toward the light), fitted to its extent. */
export function buildLightFrame(pos: Float32Array, indices: Uint32Array, triangleCount: number, l: readonly [number, number, number], size: number, scratch: ShadowScratch): LightFrame {
  const [e1, e2] = basis(l);
  const { u, v, d } = scratch;
  const n = pos.length / 3;
  let uMin = Infinity, uMax = -Infinity, vMin = Infinity, vMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = pos[i * 3]!, y = pos[i * 3 + 1]!, z = pos[i * 3 + 2]!;
    const uu = x * e1[0] + y * e1[1] + z * e1[2];
    const vv = x * e2[0] + y * e2[1] + z * e2[2];
    u[i] = uu;
    v[i] = vv;
    d[i] = x * l[0] + y * l[1] + z * l[2];
    if (uu < uMin) uMin = uu;
    if (uu > uMax) uMax = uu;
    if (vv < vMin) vMin = vv;
    if (vv > vMax) vMax = vv;
  }
  const scale = (size - 4) / Math.max(uMax - uMin, vMax - vMin, 1e-6);
  uMin -= 2 / scale;
  vMin -= 2 / scale;
  for (let i = 0; i < n; i++) {
    u[i] = (u[i]! - uMin) * scale;
    v[i] = (v[i]! - vMin) * scale;
  }
  let map = scratch.maps.get(size);
  if (!map) scratch.maps.set(size, (map = { size, depth: new Float32Array(size * size) }));
  rasterizeShadow(u, v, d, indices, triangleCount, map);
  return { size, map, e1, e2, l, uMin, vMin, scale };
}

/**
 * Lit fraction of a point (same space as the frame) by percentage-closer filtering over a
 * (2r+1)² grid of taps `step` texels apart: a soft penumbra, as from a large soft box.
 */
export function shadowLookup(f: LightFrame, x: number, y: number, z: number, bias: number, r: number, step: number): number {
  const U = (x * f.e1[0] + y * f.e1[1] + z * f.e1[2] - f.uMin) * f.scale - 0.5;
  const V = (x * f.e2[0] + y * f.e2[1] + z * f.e2[2] - f.vMin) * f.scale - 0.5;
  const d = x * f.l[0] + y * f.l[1] + z * f.l[2] + bias;
  const S = f.size, depth = f.map.depth;
  let lit = 0, total = 0;
  for (let j = -r; j <= r; j++) {
    let ty = Math.round(V + j * step);
    ty = ty < 0 ? 0 : ty >= S ? S - 1 : ty;
    for (let i = -r; i <= r; i++) {
      let tx = Math.round(U + i * step);
      tx = tx < 0 ? 0 : tx >= S ? S - 1 : tx;
      total++;
      if (d >= depth[ty * S + tx]!) lit++;
    }
  }
  return lit / total;
}

/** Fibonacci-sphere directions: even coverage without clumping at the poles. */
export function sphereDirections(n: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  const ga = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < n; i++) {
    const y = 1 - (2 * (i + 0.5)) / n;
    const r = Math.sqrt(1 - y * y);
    out.push([r * Math.cos(ga * i), y, r * Math.sin(ga * i)]);
  }
  return out;
}

/**
 * Per-vertex ambient occlusion of a static pose: the cosine-weighted fraction of directions over
 * the normal's hemisphere from which the vertex is seen. Baked once (neutral pose) per rig.
 */
export function bakeOcclusion(pos: Float32Array, normals: Float32Array, indices: Uint32Array, triangleCount: number, directions: number, size: number): Float32Array {
  const n = pos.length / 3;
  const scratch = createShadowScratch(n);
  const seen = new Float32Array(n);
  const weight = new Float32Array(n);
  for (const dir of sphereDirections(directions)) {
    const f = buildLightFrame(pos, indices, triangleCount, dir, size, scratch);
    const texel = 1 / f.scale;
    for (let i = 0; i < n; i++) {
      const nx = normals[i * 3]!, ny = normals[i * 3 + 1]!, nz = normals[i * 3 + 2]!;
      const c = nx * dir[0] + ny * dir[1] + nz * dir[2];
      if (c <= 0) continue;
      // Offset along the normal by ~2 texels so a surface does not shadow itself.
      const o = 2 * texel;
      const vis = shadowLookup(f, pos[i * 3]! + nx * o, pos[i * 3 + 1]! + ny * o, pos[i * 3 + 2]! + nz * o, texel, 0, 1);
      seen[i] = seen[i]! + c * vis;
      weight[i] = weight[i]! + c;
    }
  }
  const ao = new Float32Array(n);
  for (let i = 0; i < n; i++) ao[i] = weight[i]! > 0 ? seen[i]! / weight[i]! : 1;
  return ao;
}
