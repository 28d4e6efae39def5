// The key field: the selected keys' frame, value and final value typed in, as in Maya's Graph
// Editor: a number sets every selected key, and relative entry changes each from its own
// (`+=0.1`, `-=2`, `*=0.5`, `/=2`). Pure functions; the Inspector's key section commits the ops.
import { keyMode, sortKeys, type Key } from '../../../electron/common/curves/keys';
import type { EditOp, LayerState } from '../../../electron/common/edits';
import { keyBounds, keyValueFor, type CurveReader } from './key-edits';
import { byControl, keyId } from './selection';

export type EntryOp = '=' | '+=' | '-=' | '*=' | '/=';

export interface Entry {
  op: EntryOp;
  x: number;
}

/** A typed entry: a number, or a relative one (`+=0.1`, `-= 2`, `*=0.5`, `/=2`); null when it is neither. */
export function parseEntry(text: string): Entry | null {
  const m = /^\s*([+\-*/]=)?\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*$/i.exec(text);
  if (!m) return null;
  const x = Number(m[2]);
  if (!Number.isFinite(x)) return null;
  const op = (m[1] ?? '=') as EntryOp;
  if (op === '/=' && x === 0) return null;
  return { op, x };
}

export function applyEntry(e: Entry, current: number): number {
  switch (e.op) {
    case '=':
      return e.x;
    case '+=':
      return current + e.x;
    case '-=':
      return current - e.x;
    case '*=':
      return current * e.x;
    case '/=':
      return current / e.x;
  }
}

export type KeyField = 'frame' | 'value' | 'final';

export type KeyFieldResult = { ops: EditOp[]; selection: Set<string> } | { error: string };

/**
 * The ops that type `entry` into `field` of every selected key:
 *   value  the key's own value (a pose key's value, an offset key's offset), within its mode's range;
 *   final  the control's final value at the key (the key's value is what makes it so: keyValueFor);
 *   frame  the key's frame, rounded to a whole frame; a moved key replaces an unselected key it lands on.
 * Two selected keys of one control cannot land on one frame: that is refused, with the reason.
 */
export function keyFieldOps(layer: LayerState, reader: CurveReader, selected: Iterable<string>, field: KeyField, entry: Entry): KeyFieldResult {
  const ops: EditOp[] = [];
  const selection = new Set<string>();
  for (const [control, frames] of byControl(selected)) {
    const keys = layer.keys[control] ?? [];
    const c = reader.indexOf(control);
    if (field === 'frame') {
      const moved: Key[] = [];
      for (const k of keys) if (frames.has(k.frame)) moved.push({ ...k, frame: Math.round(applyEntry(entry, k.frame)) + 0 });
      const landed = new Set(moved.map((k) => k.frame));
      if (landed.size < moved.length) return { error: `Two selected keys of ${control} would land on one frame` };
      if (moved.some((k) => !Number.isSafeInteger(k.frame))) return { error: 'That is not a frame' };
      const kept = keys.filter((k) => !frames.has(k.frame) && !landed.has(k.frame));
      ops.push({ op: 'setKeys', control, keys: sortKeys([...kept, ...moved]) });
      for (const k of moved) selection.add(keyId(control, k.frame));
      continue;
    }
    const next = keys.map((k) => {
      if (!frames.has(k.frame)) return k;
      const mode = keyMode(k);
      let value: number;
      if (field === 'value') {
        const b = keyBounds(mode);
        value = Math.max(b.lo, Math.min(b.hi, applyEntry(entry, k.value)));
      } else value = keyValueFor(reader, control, k.frame, mode, applyEntry(entry, c >= 0 ? reader.finalAt(c, k.frame) : 0));
      return { ...k, value };
    });
    ops.push({ op: 'setKeys', control, keys: next });
    for (const f of frames) selection.add(keyId(control, f));
  }
  return { ops, selection };
}

/** What the field shows for the selected keys: their common value, or null when they differ (Maya shows it blank). */
export function commonValue(values: readonly number[], digits: number): string | null {
  if (values.length === 0) return null;
  const first = values[0]!.toFixed(digits);
  return values.every((v) => v.toFixed(digits) === first) ? first : null;
}
