// Maya's buffer curve: the curves kept as they were before a change, drawn dashed under the
// final ones (through the comparison overlay), and swapped with the current ones to see, and
// keep, either. The buffer is the correction layer that made those curves, so a swap is an
// ordinary edit (one undo step) and the curves it brings back are exactly the kept ones.
import type { EditOp, LayerState } from '../../../electron/common/edits';

export interface CurveBuffer {
  shotId: number;
  /** The layer the kept curves were evaluated from. */
  layer: LayerState;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The ops that turn `current` into `kept`: keys per control, filters per scope, the falloff; only what differs. */
export function restoreOps(current: LayerState, kept: LayerState): EditOp[] {
  const ops: EditOp[] = [];
  for (const control of new Set([...Object.keys(current.keys), ...Object.keys(kept.keys)])) {
    const want = kept.keys[control] ?? [];
    if (!sameJson(current.keys[control] ?? [], want)) ops.push({ op: 'setKeys', control, keys: want });
  }
  for (const scope of new Set([...Object.keys(current.filters), ...Object.keys(kept.filters)])) {
    const want = kept.filters[scope] ?? null;
    if (!sameJson(current.filters[scope] ?? null, want)) ops.push({ op: 'setFilter', scope, filter: want });
  }
  if (current.falloff !== kept.falloff) ops.push({ op: 'setFalloff', frames: kept.falloff });
  return ops;
}
