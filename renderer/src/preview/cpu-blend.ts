// The head's blendshapes evaluated on the CPU, not in three's morph shader. three's WebGL2 morph
// path reads every target from a texture for every vertex, every frame: with ~100 targets over
// ~24k vertices that is most of a frame on a GPU-less machine (SwiftShader: ~160 ms of a
// ~290 ms render, measured), while the sparse blend (common/mesh/blend.ts, the rig evaluation's
// own) takes about a millisecond and is skipped outright when the values did not change.
// Normals are recomputed from the blended surface, as the rig evaluation does, so a wide-open
// jaw is lit as the synthetic renders light it. Pure typed-array code: no three, no DOM.
import { blendShapes, sparseShape, type SparseShape } from '../../../electron/common/mesh/blend';
import { normaliseVectors, vertexNormals } from '../../../electron/common/mesh/vertex-normals';

/** What one mesh blends from; shapes are in its morph-target order (corrective targets included). */
export interface MeshBlend {
  readonly neutral: Float32Array;
  readonly shapes: readonly (SparseShape | null)[];
  /** Triangle list (an identity list for a non-indexed mesh). */
  readonly indices: ArrayLike<number>;
  /**
   * The file's normals minus those computed from the neutral surface, where they differ (an
   * authored, hard-edged or smoothed rig): added to the computed normals every frame so the
   * neutral face keeps its authored shading. Null when the file has none or they match.
   */
  readonly normalOffset: Float32Array | null;
}

/** Authored normals within this of the computed ones are taken as the computed ones. */
const NORMAL_MATCH = 1e-4;

export function makeMeshBlend(
  neutral: Float32Array,
  deltas: readonly Float32Array[],
  indices: ArrayLike<number>,
  fileNormals: ArrayLike<number> | null,
): MeshBlend {
  const shapes = deltas.map((d) => sparseShape(d));
  let normalOffset: Float32Array | null = null;
  if (fileNormals && fileNormals.length === neutral.length) {
    const computed = vertexNormals(neutral, indices);
    let worst = 0;
    for (let i = 0; i < computed.length; i++) {
      const d = fileNormals[i]! - computed[i]!;
      computed[i] = d;
      worst = Math.max(worst, Math.abs(d));
    }
    if (worst > NORMAL_MATCH) normalOffset = computed;
  }
  return { neutral, shapes, indices, normalOffset };
}

/** Unit normals of the blended positions, the authored offset applied (see MeshBlend). */
export function blendNormals(blend: MeshBlend, positions: Float32Array, out: Float32Array): Float32Array {
  vertexNormals(positions, blend.indices, out);
  const off = blend.normalOffset;
  if (!off) return out;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! + off[i]!;
  return normaliseVectors(out);
}

/**
 * One drawn mesh's blend: the weights to show (written by morph-map's applyBinding, in morph
 * order), and the positions and normals they give. update() does the work only when the weights
 * differ from those of the last blend: a held pose, an unkeyed stretch or a second pass over the
 * same frame costs a comparison of ~100 numbers.
 */
export class BlendState {
  readonly weights: Float32Array;
  private readonly blended: Float32Array;
  private fresh = false;

  constructor(
    readonly blend: MeshBlend,
    readonly positions: Float32Array,
    readonly normals: Float32Array,
  ) {
    this.weights = new Float32Array(blend.shapes.length);
    this.blended = new Float32Array(blend.shapes.length);
  }

  /** Blends if the weights changed since the last blend; true when the buffers were rewritten. */
  update(): boolean {
    if (this.fresh && sameValues(this.weights, this.blended)) return false;
    blendShapes(this.blend.neutral, this.blend.shapes, this.weights, this.positions);
    blendNormals(this.blend, this.positions, this.normals);
    this.blended.set(this.weights);
    this.fresh = true;
    return true;
  }
}

function sameValues(a: Float32Array, b: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
