// Control values → morph-target influences. The name look-ups happen once (when the rig loads or
// the published control list changes); the per-frame copy is plain index arithmetic over typed
// arrays, so playback allocates nothing.

/** A mesh's morph targets by name (three's morphTargetDictionary, as built at load). */
export type MorphDictionary = Readonly<Record<string, number>>;

/** A corrective shape added to a mesh as an extra morph target, driven by w[a]·w[b]. */
export interface CorrectiveTarget {
  readonly name: string;
  readonly a: string;
  readonly b: string;
  /** Morph index of the corrective on its mesh. */
  readonly morph: number;
}

/** What one mesh needs per update, resolved against one control list. */
export interface MeshBinding {
  /** Morph index per control (the sampler's order), -1 where the mesh has no such target. */
  readonly morphOf: Int32Array;
  /** Triples (control a, control b, morph index) of the correctives this mesh can drive. */
  readonly correctives: Int32Array;
  /** Influences written by this binding (others stay 0): the mesh's target count. */
  readonly targetCount: number;
}

export function bindMesh(
  controls: readonly string[],
  dictionary: MorphDictionary,
  targetCount: number,
  correctives: readonly CorrectiveTarget[] = [],
): MeshBinding {
  const morphOf = new Int32Array(controls.length).fill(-1);
  controls.forEach((name, c) => {
    const m = Object.prototype.hasOwnProperty.call(dictionary, name) ? dictionary[name] : undefined;
    if (m !== undefined && m >= 0 && m < targetCount) morphOf[c] = m;
  });
  const index = new Map(controls.map((n, i) => [n, i]));
  const triples: number[] = [];
  for (const k of correctives) {
    const a = index.get(k.a);
    const b = index.get(k.b);
    // A corrective whose controls are not published stays at 0, as the rig evaluation does.
    if (a !== undefined && b !== undefined && k.morph >= 0 && k.morph < targetCount) triples.push(a, b, k.morph);
  }
  return { morphOf, correctives: Int32Array.from(triples), targetCount };
}

/**
 * Writes the influences for `values` (control order of the binding): each control's value into
 * its target, w[a]·w[b] into each corrective; every other target is zeroed, so targets that no
 * published control drives rest at neutral. `values` null means neutral. `influences`: three's
 * morphTargetInfluences, or a CPU blend's weights (cpu-blend.ts).
 */
export function applyBinding(binding: MeshBinding, values: Float32Array | null, influences: Float32Array | number[]): void {
  const n = Math.min(binding.targetCount, influences.length);
  for (let i = 0; i < n; i++) influences[i] = 0;
  if (!values) return;
  const morphOf = binding.morphOf;
  const count = Math.min(morphOf.length, values.length);
  for (let c = 0; c < count; c++) {
    const m = morphOf[c]!;
    if (m >= 0) influences[m] = values[c]!;
  }
  const k = binding.correctives;
  for (let i = 0; i < k.length; i += 3) influences[k[i + 2]!] = correctiveWeight(values[k[i]!] ?? 0, values[k[i + 1]!] ?? 0);
}

/** A corrective's influence: the product of its two controls' values (rig evaluation, types.ts). */
export function correctiveWeight(a: number, b: number): number {
  return a * b;
}
