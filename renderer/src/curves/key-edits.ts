// The curve editor's edits as pure functions from the layer (and evaluated curves) to EditOps:
// set key, delete, interpolation, key mode, drag, copy/paste/mirror, slider, pose. The store
// commits them with edits.apply; a drag feeds them to the model as a temporary transaction first.
import { mirrorControlName } from '../../../electron/common/controls';
import {
  copyKeys,
  deleteKeysAt,
  interpOf,
  keyMode,
  keyTangentTypes,
  moveKeys,
  pasteKeys,
  setKey,
  TANGENT_OF_INTERP,
  TANGENT_TYPES,
  type Interp,
  type Key,
  type KeyClip,
  type KeyMode,
  type KeySlopes,
  type TangentType,
} from '../../../electron/common/curves/keys';
import type { EditOp, LayerState } from '../../../electron/common/edits';
import { byControl, keyId } from './selection';

/** Corrections beyond ±1 always clamp on a 0…1 control; keeping keys inside keeps them grabbable. */
export const KEY_LIMIT = 1;
/** A pose key's range: the default rig's controls run 0…1 (evaluation clamps the final there). */
export const POSE_MIN = 0;
export const POSE_MAX = 1;

const clampKey = (v: number): number => Math.max(-KEY_LIMIT, Math.min(KEY_LIMIT, v));
const clampPose = (v: number): number => Math.max(POSE_MIN, Math.min(POSE_MAX, v));

/** The values a key of a mode may hold. */
export function keyBounds(mode: KeyMode): { lo: number; hi: number } {
  return mode === 'pose' ? { lo: POSE_MIN, hi: POSE_MAX } : { lo: -KEY_LIMIT, hi: KEY_LIMIT };
}

/** What the evaluated curves tell the edits (a CurveModel satisfies it). */
export interface CurveReader {
  correctionAt(name: string, frame: number): number;
  filteredAt(channel: number, frame: number): number;
  finalAt(channel: number, frame: number): number;
  indexOf(name: string): number;
}

/**
 * The value a key of `mode` at `frame` holds so that the control's final value there is `target`:
 * the target itself for a pose key, what the correction must add to the filtered solve for an
 * offset key.
 */
export function keyValueFor(reader: CurveReader, control: string, frame: number, mode: KeyMode, target: number): number {
  if (mode === 'pose') return clampPose(target);
  const c = reader.indexOf(control);
  return clampKey(target - (c >= 0 ? reader.filteredAt(c, frame) : 0));
}

/**
 * `S`: a key at `frame` on each control holding the final value already there (a pose key) or the
 * correction already there (an offset key), so the curve does not move at the key (the animator
 * then drags it). An existing key is kept as it is.
 */
export function setKeyOps(layer: LayerState, reader: CurveReader, controls: readonly string[], frame: number, mode: KeyMode): EditOp[] {
  return controls.map((control) => {
    const keys = layer.keys[control] ?? [];
    const existing = keys.find((k) => k.frame === frame);
    if (existing) return { op: 'setKeys', control, keys: [...keys] };
    const c = reader.indexOf(control);
    const value = mode === 'pose' ? clampPose(c >= 0 ? reader.finalAt(c, frame) : 0) : clampKey(reader.correctionAt(control, frame));
    return { op: 'setKeys', control, keys: setKey(keys, { frame, value, interp: 'smooth', mode }) };
  });
}

/**
 * The selected keys in `mode`, each holding the value that keeps the control's final value at its
 * frame as it is now: an offset key becomes a pose of the value it gave, a pose key the offset it
 * made from the solve under it.
 */
export function keyModeOps(layer: LayerState, reader: CurveReader, selected: Iterable<string>, mode: KeyMode): EditOp[] {
  const ops: EditOp[] = [];
  for (const [control, frames] of byControl(selected)) {
    const c = reader.indexOf(control);
    if (c < 0) continue;
    const keys = (layer.keys[control] ?? []).map((k) =>
      frames.has(k.frame) && keyMode(k) !== mode ? { ...k, mode, value: keyValueFor(reader, control, k.frame, mode, reader.finalAt(c, k.frame)) } : k,
    );
    ops.push({ op: 'setKeys', control, keys });
  }
  return ops;
}

export function deleteOps(layer: LayerState, selected: Iterable<string>): EditOp[] {
  return [...byControl(selected)].map(([control, frames]) => ({ op: 'setKeys', control, keys: deleteKeysAt(layer.keys[control] ?? [], frames) }));
}

export function interpOps(layer: LayerState, selected: Iterable<string>, interp: Interp): EditOp[] {
  return [...byControl(selected)].map(([control, frames]) => ({
    op: 'setKeys',
    control,
    // A key with tangent types gets the out tangent the shorthand stands for (it would win otherwise).
    keys: (layer.keys[control] ?? []).map((k) =>
      frames.has(k.frame) ? (k.outTangent === undefined ? { ...k, interp } : { ...k, interp, outTangent: TANGENT_OF_INTERP[interp] }) : k,
    ),
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

/** The value offset limited so every moved key stays within its mode's bounds (offsets ±KEY_LIMIT, poses 0…1). */
export function limitValueDelta(keys: readonly Key[], dValue: number): number {
  if (keys.length === 0) return dValue;
  let down = Infinity;
  let up = Infinity;
  for (const k of keys) {
    const b = keyBounds(keyMode(k));
    down = Math.min(down, k.value - b.lo);
    up = Math.min(up, b.hi - k.value);
  }
  return Math.max(-Math.max(0, down), Math.min(Math.max(0, up), dValue));
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
 * A control's slider: the final value at `frame` becomes `target` by a key there: an existing key
 * keeps its mode, tangents and interpolation; a new one is made in `mode` (see keyValueFor).
 */
export function sliderOps(layer: LayerState, reader: CurveReader, control: string, frame: number, target: number, mode: KeyMode): EditOp[] {
  const c = reader.indexOf(control);
  if (c < 0) return [];
  const keys = layer.keys[control] ?? [];
  const existing = keys.find((k) => k.frame === frame);
  const m = existing ? keyMode(existing) : mode;
  const value = keyValueFor(reader, control, frame, m, target);
  const key: Key = existing ? { ...existing, value } : { frame, value, interp: 'smooth', mode: m };
  return [{ op: 'setKeys', control, keys: setKey(keys, key) }];
}

/** Keys at `frame` that bring each control of `values` to its value (a pose, applied). */
export function poseOps(layer: LayerState, reader: CurveReader, values: Readonly<Record<string, number>>, frame: number, mode: KeyMode): EditOp[] {
  return Object.entries(values).flatMap(([control, v]) => sliderOps(layer, reader, control, frame, v, mode));
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

// ── tangents ─────────────────────────────────────────────────────────────────────────────────

export type TangentSide = 'in' | 'out' | 'both';

/** Tangent types an in tangent can have (step is how a curve leaves a key). */
export const IN_TANGENT_TYPES: readonly TangentType[] = TANGENT_TYPES.filter((t) => t !== 'step');

/** What a tangent edit needs of the evaluated curves: each key's slopes as drawn now. */
export interface SlopeReader {
  slopesOf(control: string): KeySlopes;
}

/** A key with its tangent type(s) set; interp follows the out tangent (the three-way shorthand). */
function withTangent(k: Key, side: 'in' | 'out', type: TangentType, slope?: number): Key {
  const next: Key = { ...k };
  if (side === 'in') {
    next.inTangent = type;
    if (type === 'fixed' && slope !== undefined) next.inSlope = slope;
  } else {
    next.outTangent = type;
    next.interp = interpOf(type);
    if (type === 'fixed' && slope !== undefined) next.outSlope = slope;
  }
  return next;
}

/**
 * The selected keys' tangents of `side` become `type` ('both', or either side of a unified key:
 * both sides, as Maya's Tangents menu does). A key made 'fixed' keeps the slope it has now, so
 * the curve does not move until its handle is dragged. Step is only ever an out tangent.
 */
export function tangentOps(layer: LayerState, reader: SlopeReader, selected: Iterable<string>, side: TangentSide, type: TangentType): EditOp[] {
  const ops: EditOp[] = [];
  for (const [control, frames] of byControl(selected)) {
    const keys = layer.keys[control] ?? [];
    const slopes = type === 'fixed' ? reader.slopesOf(control) : null;
    const next = keys.map((k, i) => {
      if (!frames.has(k.frame)) return k;
      const both = side === 'both' || !k.broken;
      let out = k;
      if ((side === 'in' || both) && type !== 'step') out = withTangent(out, 'in', type, slopes?.in[i]);
      if (side === 'out' || both) out = withTangent(out, 'out', type, slopes?.out[i]);
      return out;
    });
    ops.push({ op: 'setKeys', control, keys: next });
  }
  return ops;
}

/**
 * Break or unify the selected keys' tangents. Unifying gives the in tangent the out tangent's type
 * (a step out keeps its in) and a fixed pair the mean of its two slopes, as Maya's Unify does.
 */
export function breakTangentOps(layer: LayerState, reader: SlopeReader, selected: Iterable<string>, broken: boolean): EditOp[] {
  const ops: EditOp[] = [];
  for (const [control, frames] of byControl(selected)) {
    const keys = layer.keys[control] ?? [];
    const slopes = reader.slopesOf(control);
    const next = keys.map((k, i) => {
      if (!frames.has(k.frame)) return k;
      if (broken) return { ...k, broken: true };
      const t = keyTangentTypes(k, keys[i - 1]);
      const unified: Key = { ...k, broken: false, inTangent: t.out === 'step' ? t.in : t.out, outTangent: t.out };
      if (t.out === 'fixed' || t.in === 'fixed') {
        const mean = (slopes.in[i]! + slopes.out[i]!) / 2;
        unified.inTangent = 'fixed';
        unified.outTangent = t.out === 'step' ? 'step' : 'fixed';
        unified.inSlope = mean;
        unified.outSlope = mean;
      }
      unified.interp = interpOf(unified.outTangent!);
      return unified;
    });
    ops.push({ op: 'setKeys', control, keys: next });
  }
  return ops;
}

/**
 * A tangent handle dragged to `slope` (correction units per frame): that side becomes 'fixed' at
 * that slope, and so does the other side of a unified key (a step out tangent stays a step).
 * Rebuilt from the drag's start every move, like a key drag.
 */
export function handleOps(start: LayerState, control: string, frame: number, side: 'in' | 'out', slope: number): EditOp[] {
  const keys = start.keys[control] ?? [];
  const next = keys.map((k, i) => {
    if (k.frame !== frame) return k;
    let out = withTangent(k, side, 'fixed', slope);
    if (!k.broken) {
      const other = side === 'in' ? 'out' : 'in';
      const t = keyTangentTypes(k, keys[i - 1]);
      if (!(other === 'out' && t.out === 'step')) out = withTangent(out, other, 'fixed', slope);
    }
    return out;
  });
  return [{ op: 'setKeys', control, keys: next }];
}
