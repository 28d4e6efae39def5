// What the curve editor's keys, buttons and the head preview can ask for. Each edit is built by
// a pure function (key-edits.ts) and committed as one undo step through the session.
import type { Interp, KeyMode, TangentType } from '../../../electron/common/curves/keys';
import { usePlayhead } from '../state/playhead';
import { useControlValues } from '../state/control-values';
import { clearCompare, setCompareCurves } from '../state/compare-store';
import { notify } from '../state/toasts';
import { restoreOps } from './buffer-curve';
import { drawnChannels, regionChannels, type ChannelDef } from './channels';
import { editorState, useCurveEditor } from './editor-store';
import {
  breakTangentOps,
  copySelected,
  deleteOps,
  dragOps,
  interpOps,
  keyFrameRange,
  keyModeOps,
  pasteOps,
  setKeyOps,
  tangentOps,
  type TangentSide,
} from './key-edits';
import { keyFieldOps, parseEntry, type KeyField } from './key-field';
import { isStringRecord, readPref, writePref } from './prefs';
import { commit, currentModel } from './session';
import { byControl, keyId } from './selection';
import { frameBox, shotTimeAxis, type FrameBox } from './view';

/** The channels whose curves are drawn (and that S keys). */
export function drawn(): ChannelDef[] {
  const st = editorState();
  const model = st.model;
  if (!model) return [];
  return drawnChannels(model.take.channels, new Set(st.selected), st.hidden, st.solo);
}

/**
 * Selects controls (their curves show; `primary` becomes the active one). The head preview asks
 * for this when a region of the face is clicked.
 */
export function selectControls(names: readonly string[], primary?: string): void {
  const model = editorState().model;
  const known = model ? names.filter((n) => model.indexOf(n) >= 0) : [...names];
  const anchor = primary !== undefined && known.includes(primary) ? primary : (known[0] ?? null);
  useCurveEditor.setState({ selected: known, anchor, solo: new Set() });
  writePref('curves.selected', known);
}

/** Selects every control of a region (brow, eyelid, … as in electron/common/controls REGIONS). */
export function selectRegion(region: string): void {
  const model = editorState().model;
  if (model) selectControls(regionChannels(model.take.channels, region));
}

export function setSelectedControls(selected: readonly string[], anchor: string | null): void {
  useCurveEditor.setState({ selected, anchor });
  writePref('curves.selected', selected);
}

export function toggleHidden(name: string): void {
  const hidden = new Set(editorState().hidden);
  if (hidden.has(name)) hidden.delete(name);
  else hidden.add(name);
  useCurveEditor.setState({ hidden });
  writePref('curves.hidden', [...hidden]);
}

export function toggleSolo(name: string, add: boolean): void {
  const cur = editorState().solo;
  const solo = add ? new Set(cur) : new Set<string>(cur.has(name) && cur.size === 1 ? [] : [name]);
  if (add) {
    if (solo.has(name)) solo.delete(name);
    else solo.add(name);
  }
  useCurveEditor.setState({ solo });
}

/** A user's colour for a channel; only user choices are kept (defaults may improve later). */
export function setChannelColor(name: string, hex: string): void {
  useCurveEditor.setState({ colors: { ...editorState().colors, [name]: hex } });
  writePref('curves.colors', { ...readPref('curves.colors', {}, isStringRecord), [name]: hex });
}

function playheadFrame(): number {
  return usePlayhead.getState().frame;
}

/** S: a key at the playhead on every drawn control, in the editor's key mode, holding what is there. */
export function setKeyAtPlayhead(): void {
  const model = currentModel();
  if (!model) return;
  const names = drawn().map((c) => c.name);
  if (names.length === 0) {
    notify('No control selected', 'Select a control in the channel list to key it.');
    return;
  }
  const frame = playheadFrame();
  const ops = setKeyOps(model.layer, model, names, frame, editorState().keyMode);
  useCurveEditor.setState({ keySel: new Set(names.map((n) => keyId(n, frame))) });
  void commit(names.length === 1 ? `Set key on ${names[0]} at ${frame}` : `Set keys on ${names.length} controls at ${frame}`, ops);
}

/** Ctrl+A: every key of the given controls (the shown ones by default) becomes the selection. */
export function selectAllKeys(controls: readonly string[] = drawn().map((c) => c.name)): void {
  const model = currentModel();
  if (!model) return;
  const sel = new Set<string>();
  for (const name of controls) for (const k of model.keysOf(name)) sel.add(keyId(name, k.frame));
  useCurveEditor.setState({ keySel: sel, status: `${sel.size} key${sel.size === 1 ? '' : 's'} selected` });
}

/** ◆ on a region's row: its controls are shown and every key they have is selected. */
export function selectRegionKeys(region: string): void {
  const model = editorState().model;
  if (!model) return;
  const names = regionChannels(model.take.channels, region);
  selectControls(names);
  selectAllKeys(names);
}

/**
 * Up/Down, Alt+Left/Right: the selected keys nudged by a frame or a value step, as a drag of that
 * size would move them (whole frames, within each mode's range, landing replaces), one undo step.
 * False when no key is selected (the arrows keep their other meaning).
 */
export function nudgeSelectedKeys(dFrame: number, dValue: number): boolean {
  const model = currentModel();
  const sel = editorState().keySel;
  if (!model || sel.size === 0) return false;
  const r = dragOps(model.layer, sel, { dFrame, dValue });
  useCurveEditor.setState({ keySel: r.selection });
  const what = dFrame !== 0 ? `${dFrame > 0 ? '+' : ''}${dFrame} f` : `${dValue > 0 ? '+' : ''}${+dValue.toFixed(4)}`;
  void commit(`Nudge ${sel.size} key${sel.size === 1 ? '' : 's'} ${what}`, r.ops);
  return true;
}

export function deleteSelectedKeys(): void {
  const model = currentModel();
  const sel = editorState().keySel;
  if (!model || sel.size === 0) return;
  useCurveEditor.setState({ keySel: new Set() });
  void commit(sel.size === 1 ? 'Delete key' : `Delete ${sel.size} keys`, deleteOps(model.layer, sel));
}

export const INTERP_LABEL: Readonly<Record<Interp, string>> = { smooth: 'Smooth', linear: 'Linear', step: 'Step' };

export function setInterp(interp: Interp): void {
  const model = currentModel();
  const sel = editorState().keySel;
  if (!model) return;
  if (sel.size === 0) {
    notify('No key selected', 'Select keys to change how the curve leaves them.');
    return;
  }
  void commit(`${INTERP_LABEL[interp]} interpolation on ${sel.size} key${sel.size === 1 ? '' : 's'}`, interpOps(model.layer, sel, interp));
}

export const KEY_MODE_LABEL: Readonly<Record<KeyMode, string>> = { pose: 'Pose', offset: 'Offset' };

/** The mode of the keys S, sliders and poses make from now on (kept per machine). */
export function setNewKeyMode(mode: KeyMode): void {
  useCurveEditor.setState({ keyMode: mode });
  writePref('curves.keyMode', mode);
}

/** The selected keys become pose (or offset) keys; the curve does not move at any of them. */
export function setSelectedKeyMode(mode: KeyMode): void {
  const model = currentModel();
  const sel = editorState().keySel;
  if (!model) return;
  if (sel.size === 0) {
    notify('No key selected', 'Select keys to make them pose or offset keys.');
    return;
  }
  void commit(`${KEY_MODE_LABEL[mode]} mode on ${sel.size} key${sel.size === 1 ? '' : 's'}`, keyModeOps(model.layer, model, sel, mode));
}

const FIELD_LABEL: Readonly<Record<KeyField, string>> = { frame: 'frame', value: 'value', final: 'final value' };

/**
 * Typed into the key field: a number sets every selected key's `field`, `+=`, `-=`, `*=`, `/=`
 * change each from its own. Returns false (and says why) when the entry cannot be used.
 */
export function typeKeyField(field: KeyField, text: string): boolean {
  const model = currentModel();
  const sel = editorState().keySel;
  if (!model || sel.size === 0) return false;
  const entry = parseEntry(text);
  if (!entry) {
    notify('Not a number', `Type a number, or +=, -=, *=, /= and a number, for the ${FIELD_LABEL[field]}.`);
    return false;
  }
  const r = keyFieldOps(model.layer, model, sel, field, entry);
  if ('error' in r) {
    notify('Keys not changed', r.error);
    return false;
  }
  useCurveEditor.setState({ keySel: r.selection });
  const what = entry.op === '=' ? `${FIELD_LABEL[field]} ${entry.x}` : `${FIELD_LABEL[field]} ${entry.op}${entry.x}`;
  void commit(`Key ${what} on ${sel.size} key${sel.size === 1 ? '' : 's'}`, r.ops);
  return true;
}

export const TANGENT_LABEL: Readonly<Record<TangentType, string>> = {
  auto: 'Auto',
  spline: 'Spline',
  clamped: 'Clamped',
  linear: 'Linear',
  flat: 'Flat',
  step: 'Stepped',
  plateau: 'Plateau',
  fixed: 'Fixed',
};

/** Tangents menu: the selected keys' in, out or both tangents become `type`. */
export function setTangents(side: TangentSide, type: TangentType): void {
  const model = currentModel();
  const sel = editorState().keySel;
  if (!model) return;
  if (sel.size === 0) {
    notify('No key selected', 'Select keys to set their tangents.');
    return;
  }
  const where = side === 'both' ? '' : ` ${side}`;
  void commit(`${TANGENT_LABEL[type]}${where} tangents on ${sel.size} key${sel.size === 1 ? '' : 's'}`, tangentOps(model.layer, model, sel, side, type));
}

/** Break (shape in and out apart) or unify the selected keys' tangents. */
export function setTangentsBroken(broken: boolean): void {
  const model = currentModel();
  const sel = editorState().keySel;
  if (!model || sel.size === 0) return;
  void commit(`${broken ? 'Break' : 'Unify'} tangents on ${sel.size} key${sel.size === 1 ? '' : 's'}`, breakTangentOps(model.layer, model, sel, broken));
}

/** The buffer's dashed curves: the current final curves of every control, copied. */
function showBuffer(label: string): void {
  const model = currentModel();
  if (!model) return;
  const curves = new Map<string, Float32Array>();
  for (const c of model.take.channels) curves.set(c.name, model.final[c.index]!.slice());
  setCompareCurves(model.take.shotId, label, model.take.firstFrame, curves);
}

/** Keeps the curves as they are now (Maya's buffer curve snapshot), drawn dashed under the final ones. */
export function snapshotBuffer(): void {
  const model = currentModel();
  if (!model) return;
  showBuffer('buffer');
  useCurveEditor.setState({ buffer: { shotId: model.take.shotId, layer: model.layer }, status: 'Buffer kept: the curves as they are now' });
}

/** Swaps the curves with the buffer: the kept ones become the curves (one undo step), the current ones the buffer. */
export function swapBuffer(): void {
  const model = currentModel();
  const buffer = editorState().buffer;
  if (!model || !buffer || buffer.shotId !== model.take.shotId) return;
  const ops = restoreOps(model.layer, buffer.layer);
  if (ops.length === 0) {
    notify('Nothing to swap', 'The curves are the buffer’s already.');
    return;
  }
  showBuffer('buffer');
  useCurveEditor.setState({ buffer: { shotId: buffer.shotId, layer: model.layer } });
  void commit('Swap buffer curves', ops);
}

export function clearBuffer(): void {
  if (!editorState().buffer) return;
  useCurveEditor.setState({ buffer: null });
  clearCompare();
}

export function copyKeys(): void {
  const model = currentModel();
  if (!model) return;
  const clip = copySelected(model.layer, editorState().keySel);
  if (!clip) {
    notify('No key selected', 'Select keys to copy them.');
    return;
  }
  const n = Object.values(clip.controls).reduce((s, k) => s + k.length, 0);
  useCurveEditor.setState({ clipboard: clip, status: `Copied ${n} key${n === 1 ? '' : 's'}` });
}

export function pasteKeys(mirror: boolean): void {
  const model = currentModel();
  const clip = editorState().clipboard;
  if (!model) return;
  if (!clip) {
    notify('Nothing to paste', 'Copy keys first (Ctrl+C).');
    return;
  }
  const frame = playheadFrame();
  const { ops, selection } = pasteOps(model.layer, clip, frame, mirror);
  const known = ops.filter((o) => o.op !== 'setKeys' || model.indexOf(o.control) >= 0);
  useCurveEditor.setState({ keySel: selection });
  void commit(`${mirror ? 'Mirror-paste' : 'Paste'} keys at ${frame}`, known);
}

export function setFalloff(frames: number): void {
  const model = currentModel();
  if (!model || !Number.isFinite(frames)) return;
  const f = Math.max(0, Math.min(1000, Math.round(frames)));
  if (f === model.layer.falloff) return;
  void commit(`Falloff ${f} frames`, [{ op: 'setFalloff', frames: f }]);
}

/** B: the head preview shows the final curves or the raw solve (A/B). */
export function toggleAB(): void {
  const mode = useControlValues.getState().previewMode;
  useControlValues.setState({ previewMode: mode === 'raw' ? 'final' : 'raw' });
}

function curvesBox(channels: readonly ChannelDef[], from: number, to: number): FrameBox | null {
  const model = currentModel();
  if (!model || channels.length === 0) return null;
  const st = editorState();
  let lo = Infinity;
  let hi = -Infinity;
  const a = Math.max(0, from - model.take.firstFrame);
  const b = Math.min(model.take.length - 1, to - model.take.firstFrame);
  const scan = (v: Float32Array) => {
    for (let i = a; i <= b; i++) {
      const x = v[i]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  };
  // Every curve drawn for these channels: final, and the raw and filtered solves when shown.
  for (const c of channels) {
    scan(model.final[c.index]!);
    if (st.showRaw) scan(model.take.raw[c.index]!);
    if (st.showFiltered) scan(model.filtered[c.index]!);
  }
  return lo <= hi ? { frame0: from, frame1: to, value0: lo, value1: hi } : null;
}

/** A: frame every drawn curve over the whole shot, on both axes. */
export function frameAll(): void {
  const st = editorState();
  const model = currentModel();
  if (!model || !st.view) return;
  const box = curvesBox(drawn(), model.take.firstFrame, model.lastFrame) ?? { frame0: model.take.firstFrame, frame1: model.lastFrame, value0: 0, value1: 1 };
  // Values fitted with a margin; time as the timeline lays the shot (one time axis).
  useCurveEditor.setState({ view: shotTimeAxis(frameBox(st.view, box), model.take.firstFrame, model.lastFrame) });
}

/**
 * F: frame the selected keys (Maya's F) on both axes: their frames with some room either side,
 * and every value the keyed controls' curves take over that span, so the curve a key shapes is
 * in view with it. With no key selected, what is drawn (A).
 */
export function frameSelection(): void {
  const st = editorState();
  const model = currentModel();
  if (!model || !st.view) return;
  const range = keyFrameRange(st.keySel);
  if (!range) {
    frameAll();
    return;
  }
  const pad = Math.max(4, Math.round((range.to - range.from) * 0.15));
  const frame0 = range.from - pad;
  const frame1 = range.to + pad;
  let lo = Infinity;
  let hi = -Infinity;
  const keyed: ChannelDef[] = [];
  for (const [control, frames] of byControl(st.keySel)) {
    const c = model.indexOf(control);
    if (c < 0) continue;
    keyed.push(model.take.channels[c]!);
    for (const f of frames) {
      const v = model.finalAt(c, f);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const curves = curvesBox(keyed, frame0, frame1);
  if (curves) {
    lo = Math.min(lo, curves.value0);
    hi = Math.max(hi, curves.value1);
  }
  if (lo > hi) return;
  useCurveEditor.setState({ view: frameBox(st.view, { frame0, frame1, value0: lo, value1: hi }) });
}
