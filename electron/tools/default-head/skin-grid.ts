// Topology of the head skin: a closed grid over (θ, t) made of a dense front patch and a coarse
// back patch zipped together, with two poles (crown, neck cap). The eye and mouth openings are
// slits: on the slit row, the vertices between the two corners exist twice (an upper and a lower
// copy), so the lids and lips can part while the corners stay joined.
// Built on the actor's-left half (θ ≥ 0) and mirrored, so the mesh is exactly symmetric.
import { T_MAX, T_MIN } from './base-shape';
import type { SkinLayout } from './skin-layout';

export interface SkinVertex {
  /** Column angle: ≥ 0 on the actor's left half, < 0 on the mirrored half. */
  readonly theta: number;
  readonly t: number;
  /** +1 above the eye line or upper copy of its slit, −1 below or lower copy, 0 on the line outside the slit. */
  readonly eyeSide: number;
  readonly mouthSide: number;
  /** Vertex on the midline (x = 0): its own mirror. */
  readonly centre: boolean;
  /** Index of the canonical (θ ≥ 0) vertex this one mirrors, or its own index. */
  readonly source: number;
}

export interface SkinGrid {
  readonly vertices: readonly SkinVertex[];
  /** Mirror image of every vertex (x → −x). */
  readonly mirror: Uint32Array;
  readonly indices: Uint32Array;
  /** Number of canonical (θ ≥ 0) vertices; they come first. */
  readonly halfCount: number;
}

export function buildSkinGrid(L: SkinLayout): SkinGrid {
  const verts: SkinVertex[] = [];
  const tris: number[] = [];
  const add = (theta: number, t: number, eyeSide: number, mouthSide: number, centre: boolean): number => {
    verts.push({ theta, t, eyeSide, mouthSide, centre, source: verts.length });
    return verts.length - 1;
  };
  const side = (t: number, row: number): number => (t > row ? 1 : t < row ? -1 : 0);

  const poleBottom = add(0, T_MIN, -1, -1, true);
  const poleTop = add(0, T_MAX, 1, 1, true);

  // Front patch: grid[r][c] = [below-slit vertex, above-slit vertex] (the same one off the slits).
  const front: [number, number][][] = [];
  for (const t of L.frontRows) {
    const row: [number, number][] = [];
    L.frontCols.forEach((theta, c) => {
      const centre = c === 0;
      const inEye = t === L.eyeRow && c > L.eyeInnerCol && c < L.eyeOuterCol;
      const inMouth = t === L.mouthRow && c < L.mouthCornerCol;
      if (inEye) {
        const lo = add(theta, t, -1, side(t, L.mouthRow), centre);
        const up = add(theta, t, 1, side(t, L.mouthRow), centre);
        row.push([lo, up]);
      } else if (inMouth) {
        const lo = add(theta, t, side(t, L.eyeRow), -1, centre);
        const up = add(theta, t, side(t, L.eyeRow), 1, centre);
        row.push([lo, up]);
      } else {
        const v = add(theta, t, side(t, L.eyeRow), side(t, L.mouthRow), centre);
        row.push([v, v]);
      }
    });
    front.push(row);
  }
  const back: number[][] = L.backRows.map((t) =>
    L.backCols.map((theta, c) => add(theta, t, side(t, L.eyeRow), side(t, L.mouthRow), c === L.backCols.length - 1)),
  );

  // Quads (c,r) (c+1,r) (c+1,r+1) (c,r+1) are counter-clockwise seen from outside.
  const quad = (a: number, b: number, c: number, d: number): void => {
    tris.push(a, b, c, a, c, d);
  };
  const patch = (rows: number, cols: number, below: (r: number, c: number) => number, above: (r: number, c: number) => number): void => {
    for (let c = 0; c + 1 < cols; c++) {
      tris.push(poleBottom, below(0, c + 1), below(0, c));
      for (let r = 0; r + 1 < rows; r++) quad(above(r, c), above(r, c + 1), below(r + 1, c + 1), below(r + 1, c));
      tris.push(above(rows - 1, c), above(rows - 1, c + 1), poleTop);
    }
  };
  // Quads above a slit row use its upper copies; quads below use its lower copies.
  patch(
    front.length,
    L.frontCols.length,
    (r, c) => front[r]![c]![0],
    (r, c) => front[r]![c]![1],
  );
  patch(
    back.length,
    L.backCols.length,
    (r, c) => back[r]![c]!,
    (r, c) => back[r]![c]!,
  );

  // Zip the last front column to the first back column, walking up both in t order.
  const A = front.map((row) => row[row.length - 1]![0]);
  const B = back.map((row) => row[0]!);
  const tA = L.frontRows,
    tB = L.backRows;
  tris.push(poleBottom, B[0]!, A[0]!);
  let i = 0,
    j = 0;
  while (i + 1 < A.length || j + 1 < B.length) {
    const advanceA = j + 1 >= B.length || (i + 1 < A.length && tA[i + 1]! <= tB[j + 1]!);
    if (advanceA) {
      tris.push(A[i]!, B[j]!, A[i + 1]!);
      i++;
    } else {
      tris.push(A[i]!, B[j]!, B[j + 1]!);
      j++;
    }
  }
  tris.push(A[A.length - 1]!, B[B.length - 1]!, poleTop);

  return mirrorHalf(verts, tris);
}

function mirrorHalf(half: SkinVertex[], tris: number[]): SkinGrid {
  const halfCount = half.length;
  const vertices: SkinVertex[] = [...half];
  const mirror: number[] = half.map((_, i) => i);
  for (let i = 0; i < halfCount; i++) {
    const v = half[i]!;
    if (v.centre) continue;
    mirror[i] = vertices.length;
    mirror.push(i);
    vertices.push({ ...v, theta: -v.theta, source: i });
  }
  const indices = new Uint32Array(tris.length * 2);
  indices.set(tris);
  // The mirror image of a triangle has the opposite winding; swap two corners to keep it outward.
  for (let k = 0; k < tris.length; k += 3) {
    indices[tris.length + k] = mirror[tris[k]!]!;
    indices[tris.length + k + 1] = mirror[tris[k + 2]!]!;
    indices[tris.length + k + 2] = mirror[tris[k + 1]!]!;
  }
  return { vertices, mirror: Uint32Array.from(mirror), indices, halfCount };
}
