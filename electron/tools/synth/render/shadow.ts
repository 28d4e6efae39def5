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

/**
 * Depth map of the mesh seen from direction `l` (unit, toward the light), fitted to its extent.
 * `vertices` lists the vertices the triangles use (others are not projected).
 */
export function buildLightFrame(
  pos: Float32Array,
  indices: Uint32Array,
  triangleCount: number,
  vertices: Uint32Array,
  l: readonly [number, number, number],
  size: number,
  scratch: ShadowScratch,
): LightFrame {
  const [e1, e2] = basis(l);
  const { u, v, d } = scratch;
  let uMin = Infinity,
    uMax = -Infinity,
    vMin = Infinity,
    vMax = -Infinity;
  for (let k = 0; k < vertices.length; k++) {
    const i = vertices[k]!;
    const x = pos[i * 3]!,
      y = pos[i * 3 + 1]!,
      z = pos[i * 3 + 2]!;
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
  for (let k = 0; k < vertices.length; k++) {
    const i = vertices[k]!;
    u[i] = (u[i]! - uMin) * scale;
    v[i] = (v[i]! - vMin) * scale;
  }
  let map = scratch.maps.get(size);
  if (!map) scratch.maps.set(size, (map = { size, depth: new Float32Array(size * size) }));
  rasterizeShadow(u, v, d, indices, triangleCount, map);
  return { size, map, e1, e2, l, uMin, vMin, scale };
}

/**
 * Lit fraction of a point (same space as the frame) by percentage-closer filtering over an n×n
 * grid of taps `step` texels apart, centred on the point: a soft penumbra, as from a soft box.
 */
export function shadowLookup(f: LightFrame, x: number, y: number, z: number, bias: number, n: number, step: number): number {
  const e1 = f.e1,
    e2 = f.e2,
    l = f.l;
  const half = ((n - 1) / 2) * step;
  const U = (x * e1[0] + y * e1[1] + z * e1[2] - f.uMin) * f.scale - half;
  const V = (x * e2[0] + y * e2[1] + z * e2[2] - f.vMin) * f.scale - half;
  const d = x * l[0] + y * l[1] + z * l[2] + bias;
  const S = f.size,
    max = S - 1,
    depth = f.map.depth;
  let lit = 0;
  for (let j = 0; j < n; j++) {
    // Texel centres sit at k + 0.5: truncation picks the texel holding the tap.
    let ty = (V + j * step) | 0;
    ty = ty < 0 ? 0 : ty > max ? max : ty;
    const row = ty * S;
    for (let i = 0; i < n; i++) {
      let tx = (U + i * step) | 0;
      tx = tx < 0 ? 0 : tx > max ? max : tx;
      if (d >= depth[row + tx]!) lit++;
    }
  }
  return lit / (n * n);
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
export function bakeOcclusion(
  pos: Float32Array,
  normals: Float32Array,
  indices: Uint32Array,
  triangleCount: number,
  vertices: Uint32Array,
  directions: number,
  size: number,
): Float32Array {
  const n = pos.length / 3;
  const scratch = createShadowScratch(n);
  const seen = new Float32Array(n);
  const weight = new Float32Array(n);
  for (const dir of sphereDirections(directions)) {
    const f = buildLightFrame(pos, indices, triangleCount, vertices, dir, size, scratch);
    const texel = 1 / f.scale;
    for (let i = 0; i < n; i++) {
      const nx = normals[i * 3]!,
        ny = normals[i * 3 + 1]!,
        nz = normals[i * 3 + 2]!;
      const c = nx * dir[0] + ny * dir[1] + nz * dir[2];
      if (c <= 0) continue;
      // Offset along the normal by ~2 texels so a surface does not shadow itself.
      const o = 2 * texel;
      const vis = shadowLookup(f, pos[i * 3]! + nx * o, pos[i * 3 + 1]! + ny * o, pos[i * 3 + 2]! + nz * o, texel, 1, 1);
      seen[i] = seen[i]! + c * vis;
      weight[i] = weight[i]! + c;
    }
  }
  const ao = new Float32Array(n);
  for (let i = 0; i < n; i++) ao[i] = weight[i]! > 0 ? seen[i]! / weight[i]! : 1;
  return ao;
}
