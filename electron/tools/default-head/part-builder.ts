// Building blocks for the head's parts: a mesh built on the actor's-left half (x ≥ 0), with
// midline vertices marked, then mirrored into an exactly symmetric whole with a mirror map.
import { RIG_MATERIALS } from '../../rig/types';
import type { RigMaterial } from '../../rig/types';
import type { Vec3 } from './math';

/** A generated part before its controls are attached. */
export interface PartGeometry {
  readonly name: string;
  readonly neutral: Float32Array;
  readonly indices: Uint32Array;
  readonly colors: Float32Array;
  readonly materials: Uint8Array;
  /** Index of each vertex's mirror image (x → −x); midline vertices map to themselves. */
  readonly mirror: Uint32Array;
  /** Vertices [0, halfCount) are the canonical half (x ≥ 0). */
  readonly halfCount: number;
}

export class HalfMesh {
  readonly pos: number[] = [];
  readonly col: number[] = [];
  readonly mat: number[] = [];
  readonly centre: boolean[] = [];
  readonly tris: number[] = [];

  add(p: Readonly<Vec3>, color: Readonly<Vec3>, material: RigMaterial, centre = false): number {
    this.pos.push(centre ? 0 : p[0], p[1], p[2]);
    this.col.push(color[0], color[1], color[2]);
    this.mat.push(RIG_MATERIALS.indexOf(material));
    this.centre.push(centre);
    return this.centre.length - 1;
  }

  tri(a: number, b: number, c: number): void {
    this.tris.push(a, b, c);
  }

  /** Quad a-b-c-d, counter-clockwise seen from the side the surface faces. */
  quad(a: number, b: number, c: number, d: number): void {
    this.tris.push(a, b, c, a, c, d);
  }

  get count(): number {
    return this.centre.length;
  }
}

/** The half plus its mirror image; mirrored triangles are re-wound so they still face out. */
export function mirrorHalfMesh(name: string, h: HalfMesh): PartGeometry {
  const halfCount = h.count;
  const mirror: number[] = [];
  let next = halfCount;
  for (let i = 0; i < halfCount; i++) mirror.push(h.centre[i] ? i : next++);
  const total = next;
  const neutral = new Float32Array(total * 3);
  const colors = new Float32Array(total * 3);
  const materials = new Uint8Array(total);
  for (let i = 0; i < halfCount; i++) {
    for (const [dst, k] of [
      [i, 1],
      [mirror[i]!, -1],
    ] as const) {
      neutral[dst * 3] = k * h.pos[i * 3]!;
      neutral[dst * 3 + 1] = h.pos[i * 3 + 1]!;
      neutral[dst * 3 + 2] = h.pos[i * 3 + 2]!;
      colors.set([h.col[i * 3]!, h.col[i * 3 + 1]!, h.col[i * 3 + 2]!], dst * 3);
      materials[dst] = h.mat[i]!;
    }
    // Midline vertices: x is exactly 0 (not −0) on both "sides".
    if (h.centre[i]) neutral[i * 3] = 0;
  }
  const fullMirror = new Uint32Array(total);
  for (let i = 0; i < halfCount; i++) {
    fullMirror[i] = mirror[i]!;
    fullMirror[mirror[i]!] = i;
  }
  const n = h.tris.length;
  const indices = new Uint32Array(n * 2);
  indices.set(h.tris);
  for (let k = 0; k < n; k += 3) {
    indices[n + k] = mirror[h.tris[k]!]!;
    indices[n + k + 1] = mirror[h.tris[k + 2]!]!;
    indices[n + k + 2] = mirror[h.tris[k + 1]!]!;
  }
  return { name, neutral, indices, colors, materials, mirror: fullMirror, halfCount };
}
