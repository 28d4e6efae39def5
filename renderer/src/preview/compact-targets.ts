// Drops the morph targets that leave a mesh still. The rig writer gives every mesh all 102
// controls (the teeth carry browDown_L as zeros): the blend need not carry them, and the
// dictionaries stay small. Pure, over index arrays.
import type { MorphDictionary } from './morph-map';

export interface Compaction {
  /** Old target indices kept, in order. */
  readonly keep: readonly number[];
  /** New index per old index, -1 where dropped. */
  readonly remap: Int32Array;
}

/** True when a target's delta moves nothing. */
export function isZero(delta: ArrayLike<number>): boolean {
  for (let i = 0; i < delta.length; i++) if (delta[i] !== 0) return false;
  return true;
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
