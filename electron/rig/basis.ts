// The rig as plain arrays over all its vertices (parts concatenated in rig.parts order), for the
// trainer's mesh-space loss (the synth-data writer saves them as .npy):
//   positions = neutral + Σ w[c]·deltas[c] + Σₖ w[pairs[k,0]]·w[pairs[k,1]]·correctives[k]
import type { Rig } from './types';

export interface RigBasis {
  readonly vertexCount: number;
  readonly controlCount: number;
  readonly correctiveCount: number;
  /** [V, 3] */
  readonly neutral: Float32Array;
  /** [C, V, 3] (zeros where a control leaves a part still) */
  readonly deltas: Float32Array;
  /** [K, V, 3] */
  readonly correctives: Float32Array;
  /** [K, 2] control indices (a, b) of each corrective */
  readonly pairs: Int32Array;
  readonly correctiveNames: readonly string[];
  /** First vertex of each part, plus the total: [parts + 1] */
  readonly partOffsets: Int32Array;
  /** Triangles over the concatenated vertices: [T, 3] */
  readonly indices: Uint32Array;
}

export function rigBasisArrays(rig: Rig): RigBasis {
  const offsets = new Int32Array(rig.parts.length + 1);
  rig.parts.forEach((p, k) => (offsets[k + 1] = offsets[k]! + p.vertexCount));
  const V = offsets[rig.parts.length]!;
  const C = rig.controls.length;
  // Correctives are grouped by name across parts (a part without one contributes zeros).
  const kinds = new Map<string, { a: number; b: number }>();
  for (const p of rig.parts) for (const c of p.correctives) if (!kinds.has(c.name)) kinds.set(c.name, { a: c.a, b: c.b });
  const names = [...kinds.keys()];
  const K = names.length;

  const neutral = new Float32Array(V * 3);
  const deltas = new Float32Array(C * V * 3);
  const correctives = new Float32Array(K * V * 3);
  const triangles = rig.parts.reduce((n, p) => n + p.indices.length, 0);
  const indices = new Uint32Array(triangles);
  let t = 0;
  rig.parts.forEach((p, k) => {
    const o = offsets[k]! * 3;
    neutral.set(p.neutral, o);
    p.deltas.forEach((d, c) => {
      if (d && c < C) deltas.set(d, c * V * 3 + o);
    });
    for (const c of p.correctives) correctives.set(c.delta, names.indexOf(c.name) * V * 3 + o);
    for (let i = 0; i < p.indices.length; i++) indices[t++] = p.indices[i]! + offsets[k]!;
  });
  const pairs = new Int32Array(K * 2);
  names.forEach((n, k) => {
    pairs[k * 2] = kinds.get(n)!.a;
    pairs[k * 2 + 1] = kinds.get(n)!.b;
  });
  return { vertexCount: V, controlCount: C, correctiveCount: K, neutral, deltas, correctives, pairs, correctiveNames: names, partOffsets: offsets, indices };
}
