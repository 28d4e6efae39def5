// A facial rig as the solver, the synthetic renderer and the preview see it: blendshape
// parts that share one control set. The evaluation of every part is
//   position = neutral + Σ wᵢ·Δᵢ + Σₖ w[aₖ]·w[bₖ]·Cₖ        (ARCHITECTURE.md, default-head.md)
// Pure data (typed arrays), so it moves between worker threads and into numpy files as is.

/** What a part is made of; the renderer shades by material (skin, sclera, iris, teeth…). */
export type RigMaterial = 'skin' | 'lip' | 'brow' | 'sclera' | 'iris' | 'pupil' | 'teeth' | 'tongue' | 'mouthInterior';

export interface RigCorrective {
  /** Control indices whose product drives this shape. */
  readonly a: number;
  readonly b: number;
  readonly name: string;
  /** Per-vertex deltas of this part, length vertexCount*3. */
  readonly delta: Float32Array;
}

export interface RigPart {
  readonly name: string;
  readonly vertexCount: number;
  /** Neutral positions, metres, +X actor's left… see the rig's docs; length vertexCount*3. */
  readonly neutral: Float32Array;
  /** One delta array per control of the rig (length vertexCount*3), null where the control leaves this part still. */
  readonly deltas: readonly (Float32Array | null)[];
  readonly correctives: readonly RigCorrective[];
  /** Triangle list. */
  readonly indices: Uint32Array;
  /** Linear RGB albedo per vertex (0..1), length vertexCount*3. */
  readonly colors: Float32Array;
  /** Material per vertex (index into RIG_MATERIALS), length vertexCount. */
  readonly materials: Uint8Array;
}

export const RIG_MATERIALS: readonly RigMaterial[] = ['skin', 'lip', 'brow', 'sclera', 'iris', 'pupil', 'teeth', 'tongue', 'mouthInterior'];

export interface Rig {
  readonly name: string;
  /** Control names in the rig's order (the default head: controls.tsv order). */
  readonly controls: readonly string[];
  readonly parts: readonly RigPart[];
  /** sha256 of the GLB bytes it was loaded from (models record the rig they were trained on). */
  readonly hash: string;
}
