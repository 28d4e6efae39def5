// The rig's static data prepared for rendering: all parts merged into one indexed mesh (vertex
// order = rig.parts order), a per-vertex skin-variation field, the face framing, and a coarse
// shadow-caster index list. The deformation itself is electron/rig's evaluateRig.
import { smoothValueNoise } from '../../../common/noise';
import type { Rig } from '../../../rig/types';
import { RIG_MATERIALS } from '../../../rig/types';
import type { Bounds, Framing } from './camera';
import { framingFromBounds, framingFromLandmarks } from './camera';

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
  /** First merged vertex of each part. */
  readonly partOffsets: readonly number[];
  readonly bounds: Bounds;
  readonly framing: Framing;
  /**
   * Points rigid with the head, in the neutral frame (ANCHOR_NAMES order, 3 floats each), or null
   * when the rig lacks eyes or lips: what the solver's pose stage learns to find in a plate.
   */
  readonly anchors: Float32Array | null;
  /**
   * A coarse stand-in of the mesh for shadow maps and occlusion baking: vertex clustering on a
   * SHADOW_CELL grid (per part), triangles re-pointed at each cluster's representative vertex.
   * It indexes the full vertex array, so it deforms with the mesh at no cost.
   */
  readonly shadowIndices: Uint32Array;
  readonly shadowTriangleCount: number;
  /** The vertices shadowIndices uses (only these need projecting into a light's frame). */
  readonly shadowVertices: Uint32Array;
}

/** Shadow-caster cell size: soft shadows and ambient occlusion need no finer geometry. */
export const SHADOW_CELL = 0.004;

// Smooth 3D value noise in [-1, 1]: enough for blotchy skin tone, no texture needed.
function latticeValue(x: number, y: number, z: number, seed: number): number {
  let h = Math.imul(x, 374761393) ^ Math.imul(y, 668265263) ^ Math.imul(z, 2147483647) ^ seed;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return ((h >>> 0) / 4294967295) * 2 - 1;
}

function valueNoise(x: number, y: number, z: number, seed: number): number {
  return smoothValueNoise(x, y, z, (i, j, k) => latticeValue(i, j, k, seed));
}

function fbm(x: number, y: number, z: number, baseFreq: number, seed: number): number {
  let amp = 0.55,
    f = baseFreq,
    sum = 0;
  for (let o = 0; o < 3; o++) {
    sum += amp * valueNoise(x * f, y * f, z * f, seed + o * 7919);
    amp *= 0.5;
    f *= 2.3;
  }
  return sum;
}

const SKIN = RIG_MATERIALS.indexOf('skin');
const LIP = RIG_MATERIALS.indexOf('lip');
const EYE = new Set(['iris', 'pupil'].map((m) => RIG_MATERIALS.indexOf(m as (typeof RIG_MATERIALS)[number])));

/** Mean position of the vertices of some materials (null when the rig has none). */
function centroid(neutral: Float32Array, materials: Uint8Array, want: (m: number) => boolean): [number, number, number] | null {
  let x = 0,
    y = 0,
    z = 0,
    n = 0;
  for (let v = 0; v < materials.length; v++) {
    if (!want(materials[v]!)) continue;
    x += neutral[v * 3]!;
    y += neutral[v * 3 + 1]!;
    z += neutral[v * 3 + 2]!;
    n++;
  }
  return n > 0 ? [x / n, y / n, z / n] : null;
}

export function compileRig(rig: Rig): CompiledMesh {
  let vertexCount = 0,
    triangleCount = 0;
  const partOffsets: number[] = [];
  for (const p of rig.parts) {
    partOffsets.push(vertexCount);
    vertexCount += p.vertexCount;
    triangleCount += p.indices.length / 3;
  }
  const neutral = new Float32Array(vertexCount * 3);
  const colors = new Float32Array(vertexCount * 3);
  const materials = new Uint8Array(vertexCount);
  const indices = new Uint32Array(triangleCount * 3);
  let iOff = 0;
  rig.parts.forEach((part, k) => {
    const vOff = partOffsets[k]!;
    neutral.set(part.neutral, vOff * 3);
    colors.set(part.colors, vOff * 3);
    materials.set(part.materials, vOff);
    for (let i = 0; i < part.indices.length; i++) indices[iOff + i] = part.indices[i]! + vOff;
    iOff += part.indices.length;
  });

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
    const x = neutral[v * 3]!,
      y = neutral[v * 3 + 1]!,
      z = neutral[v * 3 + 2]!;
    // Mottling at ~1–2 cm, redness patches at ~4 cm (metres → cycles).
    detail[v * 2] = fbm(x, y, z, 60, 17);
    detail[v * 2 + 1] = fbm(x, y, z, 22, 101);
  }

  const shadowIndices = clusterIndices(
    neutral,
    indices,
    rig.parts.map((p) => p.vertexCount),
    SHADOW_CELL,
  );

  return {
    vertexCount,
    triangleCount,
    neutral,
    indices,
    colors,
    materials,
    detail,
    partOffsets,
    bounds,
    framing: faceFraming(neutral, materials, bounds),
    anchors: faceAnchors(neutral, materials),
    shadowIndices,
    shadowTriangleCount: shadowIndices.length / 3,
    shadowVertices: Uint32Array.from(new Set(shadowIndices)).sort(),
  };
}

/** Vertex-clustering decimation (Rossignac–Borrel): one representative vertex per grid cell and part. */
function clusterIndices(neutral: Float32Array, indices: Uint32Array, partSizes: readonly number[], cell: number): Uint32Array {
  const rep = new Uint32Array(neutral.length / 3);
  const cells = new Map<string, number>();
  let v = 0;
  partSizes.forEach((n, part) => {
    for (let end = v + n; v < end; v++) {
      const key = `${part}:${Math.floor(neutral[v * 3]! / cell)},${Math.floor(neutral[v * 3 + 1]! / cell)},${Math.floor(neutral[v * 3 + 2]! / cell)}`;
      let r = cells.get(key);
      if (r === undefined) cells.set(key, (r = v));
      rep[v] = r;
    }
  });
  const out: number[] = [];
  const seen = new Set<string>();
  for (let t = 0; t < indices.length; t += 3) {
    const a = rep[indices[t]!]!,
      b = rep[indices[t + 1]!]!,
      c = rep[indices[t + 2]!]!;
    if (a === b || b === c || a === c) continue;
    // The same triangle from several fine ones: keep one (orientation does not matter for depth).
    const key = [a, b, c].sort((x, y) => x - y).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a, b, c);
  }
  return Uint32Array.from(out);
}

/** The head's rigid anchors: the actor's left eye (+X), right eye, and the lips' centre. */
export const ANCHOR_NAMES = ['eyeLeft', 'eyeRight', 'mouth'] as const;

function faceAnchors(neutral: Float32Array, materials: Uint8Array): Float32Array | null {
  const xAt = (v: number): number => neutral[v * 3]!;
  const verts = Array.from({ length: materials.length }, (_, v) => v);
  const left = new Set(verts.filter((v) => EYE.has(materials[v]!) && xAt(v) > 0));
  const right = new Set(verts.filter((v) => EYE.has(materials[v]!) && xAt(v) < 0));
  const at = (set: Set<number>) => centroidOf(neutral, set);
  const points = [at(left), at(right), centroid(neutral, materials, (m) => m === LIP)];
  if (points.some((p) => p === null)) return null;
  return Float32Array.from(points.flatMap((p) => p!));
}

function centroidOf(neutral: Float32Array, verts: Set<number>): [number, number, number] | null {
  if (verts.size === 0) return null;
  let x = 0,
    y = 0,
    z = 0;
  for (const v of verts) {
    x += neutral[v * 3]!;
    y += neutral[v * 3 + 1]!;
    z += neutral[v * 3 + 2]!;
  }
  return [x / verts.size, y / verts.size, z / verts.size];
}

/** Frame the face by its eyes (iris/pupil) and lips when the rig has them, else by its bounds. */
function faceFraming(neutral: Float32Array, materials: Uint8Array, bounds: Bounds): Framing {
  const eyes = centroid(neutral, materials, (m) => EYE.has(m));
  const mouth = centroid(neutral, materials, (m) => m === LIP);
  if (eyes && mouth && eyes[1] - mouth[1] > 0.02) return framingFromLandmarks(eyes, mouth);
  return framingFromBounds(bounds);
}
