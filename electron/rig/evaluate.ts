// Rig evaluation: position = neutral + Σ wᵢ·Δᵢ + Σₖ w[aₖ]·w[bₖ]·Cₖ per part, and optionally
// area-weighted vertex normals. Fast path: zero weights are skipped, and every delta is walked
// only over its precomputed runs of moving vertices (common/mesh/blend.ts, the same code the
// head preview blends with). The runs are computed once per rig and cached.
import type { Rig } from './types';
import { accumulateShape, blendShapes, deltaRuns, sparseShape, type SparseShape } from '../common/mesh/blend';
import { vertexNormals } from '../common/mesh/vertex-normals';

export { deltaRuns, vertexNormals };

export interface RigEvaluation {
  /** Per part (rig.parts order): positions, length vertexCount·3. */
  readonly positions: Float32Array[];
  /** Per part unit vertex normals (area-weighted), when asked for. */
  readonly normals: Float32Array[] | null;
}

export interface EvaluateOptions {
  readonly normals?: boolean;
}

interface PreparedPart {
  readonly shapes: readonly (SparseShape | null)[];
  readonly correctives: readonly (SparseShape & { readonly a: number; readonly b: number })[];
}

const cache = new WeakMap<Rig, PreparedPart[]>();

export function prepareRig(rig: Rig): readonly PreparedPart[] {
  let prepared = cache.get(rig);
  if (prepared) return prepared;
  prepared = rig.parts.map((part) => ({
    shapes: part.deltas.map((d) => (d ? sparseShape(d) : null)),
    correctives: part.correctives.flatMap((c) => {
      const s = sparseShape(c.delta);
      return s ? [{ ...s, a: c.a, b: c.b }] : [];
    }),
  }));
  cache.set(rig, prepared);
  return prepared;
}

/**
 * Evaluate the rig for one set of control weights (rig.controls order). `out` is reused when its
 * arrays fit, so an animation loop allocates nothing.
 */
export function evaluateRig(rig: Rig, weights: Float32Array, out?: RigEvaluation, options: EvaluateOptions = {}): RigEvaluation {
  const prepared = prepareRig(rig);
  const wantNormals = options.normals ?? false;
  const positions = rig.parts.map((p, k) => {
    const o = out?.positions[k];
    return o && o.length === p.neutral.length ? o : new Float32Array(p.neutral.length);
  });
  const normals = wantNormals
    ? rig.parts.map((p, k) => {
        const o = out?.normals?.[k];
        return o && o.length === p.neutral.length ? o : new Float32Array(p.neutral.length);
      })
    : null;
  rig.parts.forEach((part, k) => {
    const pos = positions[k]!;
    const prep = prepared[k]!;
    // One delta per control (types.ts): weights past the controls meet no shape and are ignored.
    blendShapes(part.neutral, prep.shapes, weights, pos);
    for (const c of prep.correctives) {
      const w = (weights[c.a] ?? 0) * (weights[c.b] ?? 0);
      if (w !== 0) accumulateShape(pos, c, w);
    }
    if (normals) vertexNormals(pos, part.indices, normals[k]);
  });
  return { positions, normals };
}
