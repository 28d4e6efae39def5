// The curve editor's edits as pure functions from the layer (and evaluated curves) to EditOps:
// set key, delete, interpolation, drag, copy/paste/mirror, slider, pose. The store commits them
// with edits.apply; a drag feeds them to the model as a temporary transaction first.
import { mirrorControlName } from '../../../electron/common/controls';
import { copyKeys, deleteKeysAt, moveKeys, pasteKeys, setKey, type Interp, type Key, type KeyClip } from '../../../electron/common/curves/keys';
import type { EditOp, LayerState } from '../../../electron/common/edits';
import { byControl, keyId } from './selection';

/** Corrections beyond ±1 always clamp on a 0…1 control; keeping keys inside keeps them grabbable. */
export const KEY_LIMIT = 1;

const clampKey = (v: number): number => Math.max(-KEY_LIMIT, Math.min(KEY_LIMIT, v));

/** What the evaluated curves tell the edits (a CurveModel satisfies it). */
export interface CurveReader {
  correctionAt(name: string, frame: number): number;
  filteredAt(channel: number, frame: number): number;
  indexOf(name: string): number;
}

/**
 * `S`: a key at `frame` on each control, holding the correction already there, so the final
 * curve does not move (the animator then drags it). An existing key keeps its interpolation.
 */
export function setKeyOps(layer: LayerState, reader: CurveReader, controls: readonly string[], frame: number): EditOp[] {
  return controls.map((control) => {
    const keys = layer.keys[control] ?? [];
    const existing = keys.find((k) => k.frame === frame);
    const value = existing ? existing.value : clampKey(reader.correctionAt(control, frame));
    return { op: 'setKeys', control, keys: setKey(keys, { frame, value, interp: existing?.interp ?? 'smooth' }) };
  });
}

export function deleteOps(layer: LayerState, selected: Iterable<string>): EditOp[] {
  return [...byControl(selected)].map(([control, frames]) => ({ op: 'setKeys', control, keys: deleteKeysAt(layer.keys[control] ?? [], frames) }));
}

export function interpOps(layer: LayerState, selected: Iterable<string>, interp: Interp): EditOp[] {
  return [...byControl(selected)].map(([control, frames]) => ({
    op: 'setKeys',
    control,
    keys: (layer.keys[control] ?? []).map((k) => (frames.has(k.frame) ? { ...k, interp } : k)),
  }));
}

export interface DragDelta {
  dFrame: number;
  dValue: number;
}

/**
 * Pointer movement since the drag's start → key offsets: whole frames (frame snapping), value in
 * units. With `constrain` (Shift) only the axis moved further on screen changes.
 */
export function dragDelta(dxPx: number, dyPx: number, pxPerFrame: number, pxPerValue: number, constrain: boolean): DragDelta {
  let dx = dxPx;
  let dy = dyPx;
  if (constrain) {
    if (Math.abs(dx) >= Math.abs(dy)) dy = 0;
    else dx = 0;
  }
  // `+ 0` turns Math.round's −0 into 0 (a −0 frame offset would print as "-0 f").
  return { dFrame: Math.round(dx / pxPerFrame) + 0, dValue: dy === 0 ? 0 : -dy / pxPerValue };
}

/** The value offset limited so every moved key stays within ±KEY_LIMIT. */
export function limitValueDelta(keys: readonly Key[], dValue: number): number {
  if (keys.length === 0) return dValue;
  let lo = Infinity;
  let hi = -Infinity;
  for (const k of keys) {
    lo = Math.min(lo, k.value);
    hi = Math.max(hi, k.value);
  }
  return Math.max(-KEY_LIMIT - lo, Math.min(KEY_LIMIT - hi, dValue));
}

export interface DragResult {
  ops: EditOp[];
  /** The moved keys' new ids. */
  selection: Set<string>;
}

/**
 * The temporary state of a key drag, rebuilt from the drag's start every move: the start keys
 * of each control with the selected ones moved by the delta (see keys.moveKeys).
 */
export function dragOps(start: LayerState, selected: ReadonlySet<string>, delta: DragDelta): DragResult {
  const sel = byControl(selected);
  const moving: Key[] = [];
  for (const [control, frames] of sel) for (const k of start.keys[control] ?? []) if (frames.has(k.frame)) moving.push(k);
  const dValue = limitValueDelta(moving, delta.dValue);
  const ops: EditOp[] = [];
  const selection = new Set<string>();
  for (const [control, frames] of sel) {
    ops.push({ op: 'setKeys', control, keys: moveKeys(start.keys[control] ?? [], frames, delta.dFrame, dValue) });
    for (const f of frames) selection.add(keyId(control, Math.round(f + delta.dFrame)));
  }
  return { ops, selection };
}

/** Ctrl+C: the selected keys, relative to the first selected frame. */
export function copySelected(layer: LayerState, selected: Iterable<string>): KeyClip | null {
  const sel = byControl(selected);
  if (sel.size === 0) return null;
  const only: Record<string, Key[]> = {};
  let from = Infinity;
  let to = -Infinity;
  for (const [control, frames] of sel) {
    only[control] = (layer.keys[control] ?? []).filter((k) => frames.has(k.frame));
    for (const f of frames) {
      from = Math.min(from, f);
      to = Math.max(to, f);
    }
  }
  return copyKeys(only, from, to);
}

/** Ctrl+V at `frame`; with `mirror` (Ctrl+Shift+V) onto each control's left/right twin. */
export function pasteOps(layer: LayerState, clip: KeyClip, frame: number, mirror: boolean): { ops: EditOp[]; selection: Set<string> } {
  const pasted = pasteKeys(layer.keys, clip, frame, mirror ? mirrorControlName : null);
  const selection = new Set<string>();
  for (const [name, keys] of Object.entries(clip.controls)) {
    const target = mirror ? mirrorControlName(name) : name;
    for (const k of keys) selection.add(keyId(target, k.frame + frame));
  }
  return { ops: Object.entries(pasted).map(([control, keys]) => ({ op: 'setKeys', control, keys })), selection };
}

/**
 * A control's slider: the final value at `frame` becomes `target` by a key there holding
 * target − filtered (what the correction must add). Clamping of the final is left to evaluation.
 */
export function sliderOps(layer: LayerState, reader: CurveReader, control: string, frame: number, target: number): EditOp[] {
  const c = reader.indexOf(control);
  if (c < 0) return [];
  const keys = layer.keys[control] ?? [];
  const existing = keys.find((k) => k.frame === frame);
  const value = clampKey(target - reader.filteredAt(c, frame));
  return [{ op: 'setKeys', control, keys: setKey(keys, { frame, value, interp: existing?.interp ?? 'smooth' }) }];
}

/** Keys at `frame` that bring each control of `values` to its value (a pose, applied). */
export function poseOps(layer: LayerState, reader: CurveReader, values: Readonly<Record<string, number>>, frame: number): EditOp[] {
  return Object.entries(values).flatMap(([control, v]) => sliderOps(layer, reader, control, frame, v));
}

/** The frame range [min, max] of a set of key ids, or null. */
export function keyFrameRange(ids: Iterable<string>): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  for (const frames of byControl(ids).values()) {
    for (const f of frames) {
      from = Math.min(from, f);
      to = Math.max(to, f);
    }
  }
  return from <= to ? { from, to } : null;
}
