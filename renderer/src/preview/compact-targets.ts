// Drops the morph targets that leave a mesh still. The rig writer gives every mesh all 102
// controls (the teeth carry browDown_L as zeros); three loops over every target of a mesh per
// vertex, so the eyes, teeth and tongue would pay for the whole face. Pure, over index arrays.
import type { MorphDictionary } from './morph-map';

export interface Compaction {
  /** Old target indices kept, in order. */
  readonly keep: readonly number[];
  /** New index per old index, -1 where dropped. */
  readonly remap: Int32Array;
}

export function compactTargets(isStill: readonly boolean[]): Compaction {
  const remap = new Int32Array(isStill.length).fill(-1);
  const keep: number[] = [];
  isStill.forEach((still, i) => {
    if (still) return;
    remap[i] = keep.length;
    keep.push(i);
  });
  return { keep, remap };
}

/** The dictionary with dropped targets removed and the rest renumbered. */
export function remapDictionary(dict: MorphDictionary, remap: Int32Array): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, i] of Object.entries(dict)) {
    const n = i >= 0 && i < remap.length ? remap[i]! : -1;
    if (n >= 0) out[name] = n;
  }
  return out;
}
