// The rig compiled for fast rendering: all parts merged into one indexed mesh, every blendshape
// stored sparsely (only the vertices it moves), and a per-vertex skin-variation field baked once.
// Sparse shapes matter: a typical expression drives ~10 of 102 controls, each moving a few
// percent of the vertices, so deforming costs a fraction of a dense Σ wᵢ·Δᵢ.
import type { Rig } from '../../rig/types';
import { RIG_MATERIALS } from '../../rig/types';
import type { Bounds, Framing } from './camera';
import { framingFromBounds } from './camera';

export interface SparseShape {
  /** Vertex indices (merged mesh) the shape moves. */
  readonly index: Uint32Array;
  /** xyz per listed vertex. */
  readonly delta: Float32Array;
}

export interface SparseCorrective extends SparseShape {
  readonly a: number;
  readonly b: number;
}

export interface CompiledMesh {
  readonly vertexCount: number;
  readonly triangleCount: number;
  readonly neutral: Float32Array;
  readonly indices: Uint32Array;
  /** Linear albedo per vertex. */
  readonly colors: Float32Array;
  readonly materials: Uint8Array;
  /** Per vertex: luminance variation and redness variation in [-1, 1] (skin and lips only, else 0). */
  readonly detail: Float32Array;
  readonly shapes: readonly (SparseShape | null)[];
  readonly correctives: readonly SparseCorrective[];
  readonly bounds: Bounds;
  readonly framing: Framing;
}

const EPS = 1e-7;

function sparsify(delta: Float32Array, vertexCount: number, offset: number, out: { idx: number[]; d: number[] }): void {
  for (let v = 0; v < vertexCount; v++) {
    const x = delta[v * 3]!, y = delta[v * 3 + 1]!, z = delta[v * 3 + 2]!;
    if (Math.abs(x) > EPS || Math.abs(y) > EPS || Math.abs(z) > EPS) {
      out.idx.push(offset + v);
      out.d.push(x, y, z);
    }
  }
}

function toShape(acc: { idx: number[]; d: number[] }): SparseShape | null {
  if (acc.idx.length === 0) return null;
  return { index: Uint32Array.from(acc.idx), delta: Float32Array.from(acc.d) };
}

// Smooth 3D value noise in [-1, 1]: enough for blotchy skin tone, no texture needed.
function latticeValue(x: number, y: number, z: number, seed: number): number {
  let h = Math.imul(x, 374761393) ^ Math.imul(y, 668265263) ^ Math.imul(z, 2147483647) ^ seed;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return ((h >>> 0) / 4294967295) * 2 - 1;
}

function valueNoise(x: number, y: number, z: number, seed: number): number {
  const xi = Math.floor(x), yi = Math.floor(y), zi = Math.floor(z);
  const fx = x - xi, fy = y - yi, fz = z - zi;
  const sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy), sz = fz * fz * (3 - 2 * fz);
  let acc = 0;
  for (let c = 0; c < 8; c++) {
    const dx = c & 1, dy = (c >> 1) & 1, dz = (c >> 2) & 1;
    const w = (dx ? sx : 1 - sx) * (dy ? sy : 1 - sy) * (dz ? sz : 1 - sz);
    acc += w * latticeValue(xi + dx, yi + dy, zi + dz, seed);
  }
  return acc;
}

function fbm(x: number, y: number, z: number, baseFreq: number, seed: number): number {
  let amp = 0.55, f = baseFreq, sum = 0;
  for (let o = 0; o < 3; o++) {
    sum += amp * valueNoise(x * f, y * f, z * f, seed + o * 7919);
    amp *= 0.5;
    f *= 2.3;
  }
  return sum;
}

const SKIN = RIG_MATERIALS.indexOf('skin');
const LIP = RIG_MATERIALS.indexOf('lip');

export function compileRig(rig: Rig): CompiledMesh {
  const controlCount = rig.controls.length;
  let vertexCount = 0, triangleCount = 0;
  for (const p of rig.parts) {
    vertexCount += p.vertexCount;
    triangleCount += p.indices.length / 3;
  }
  const neutral = new Float32Array(vertexCount * 3);
  const colors = new Float32Array(vertexCount * 3);
  const materials = new Uint8Array(vertexCount);
  const indices = new Uint32Array(triangleCount * 3);
  const shapeAcc = Array.from({ length: controlCount }, () => ({ idx: [] as number[], d: [] as number[] }));
  const corrAcc = new Map<string, { a: number; b: number; idx: number[]; d: number[] }>();

  let vOff = 0, iOff = 0;
  for (const part of rig.parts) {
    neutral.set(part.neutral, vOff * 3);
    colors.set(part.colors, vOff * 3);
    materials.set(part.materials, vOff);
    for (let i = 0; i < part.indices.length; i++) indices[iOff + i] = part.indices[i]! + vOff;
    part.deltas.forEach((d, c) => {
      if (d && c < controlCount) sparsify(d, part.vertexCount, vOff, shapeAcc[c]!);
    });
    for (const k of part.correctives) {
      // Parts share corrective pairs; merge them into one sparse shape per pair.
      const key = `${k.a},${k.b}`;
      let acc = corrAcc.get(key);
      if (!acc) corrAcc.set(key, (acc = { a: k.a, b: k.b, idx: [], d: [] }));
      sparsify(k.delta, part.vertexCount, vOff, acc);
    }
    vOff += part.vertexCount;
    iOff += part.indices.length;
  }

  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let v = 0; v < vertexCount; v++) {
    for (let k = 0; k < 3; k++) {
      const x = neutral[v * 3 + k]!;
      if (x < min[k]!) min[k] = x;
      if (x > max[k]!) max[k] = x;
    }
  }
  if (vertexCount === 0) throw new Error('rig has no vertices');
  const bounds: Bounds = { min, max };

  const detail = new Float32Array(vertexCount * 2);
  for (let v = 0; v < vertexCount; v++) {
    const m = materials[v];
    if (m !== SKIN && m !== LIP) continue;
    const x = neutral[v * 3]!, y = neutral[v * 3 + 1]!, z = neutral[v * 3 + 2]!;
    // Mottling at ~1–2 cm, redness patches at ~4 cm (metres → cycles).
    detail[v * 2] = fbm(x, y, z, 60, 17);
    detail[v * 2 + 1] = fbm(x, y, z, 22, 101);
  }

  const correctives: SparseCorrective[] = [];
  for (const acc of corrAcc.values()) {
    const s = toShape(acc);
    if (s) correctives.push({ ...s, a: acc.a, b: acc.b });
  }
  return {
    vertexCount,
    triangleCount,
    neutral,
    indices,
    colors,
    materials,
    detail,
    shapes: shapeAcc.map(toShape),
    correctives,
    bounds,
    framing: framingFromBounds(bounds),
  };
}

/** positions = neutral + Σ wᵢ·Δᵢ + Σ w_a·w_b·C (the rig's evaluation, sparse). */
export function deformMesh(mesh: CompiledMesh, weights: Float32Array, out: Float32Array): void {
  out.set(mesh.neutral);
  const n = Math.min(weights.length, mesh.shapes.length);
  for (let c = 0; c < n; c++) {
    const w = weights[c]!;
    const s = mesh.shapes[c];
    if (w !== 0 && s) addShape(s, w, out);
  }
  for (const k of mesh.correctives) {
    const w = (weights[k.a] ?? 0) * (weights[k.b] ?? 0);
    if (w !== 0) addShape(k, w, out);
  }
}

function addShape(s: SparseShape, w: number, out: Float32Array): void {
  const idx = s.index, d = s.delta;
  for (let j = 0; j < idx.length; j++) {
    const o = idx[j]! * 3;
    out[o] = out[o]! + w * d[j * 3]!;
    out[o + 1] = out[o + 1]! + w * d[j * 3 + 1]!;
    out[o + 2] = out[o + 2]! + w * d[j * 3 + 2]!;
  }
}
