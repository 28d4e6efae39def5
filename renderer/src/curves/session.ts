// The curve editor's link to one shot: loads its take and layer, publishes the preview sampler,
// follows other windows' edits and new solves, and commits edits in order. Edits show at once
// (the model's temporary state holds every commit not yet confirmed, plus a drag's live ops) and
// the database's answer replaces them, so a slow save never makes a key jump back.
import type { EditOp, LayerState } from '../../../electron/common/edits';
import { api } from '../api/current';
import { useApp } from '../state/app-store';
import { notify, reportError } from '../state/toasts';
import { bumpControlValues, clearControlValues, publishControlValues } from '../state/control-values';
import { provideShotEdits } from '../state/shot-edits';
import { CurveModel } from './curve-model';
import { editorState, useCurveEditor } from './editor-store';
import { loadTake, type LayerWithHistory } from './load-take';
import { isStringArray, readPref } from './prefs';
import { parseKeyId } from './selection';

interface Session {
  shotId: number;
  fps: number;
  model: CurveModel | null;
  pending: { label: string; ops: readonly EditOp[] }[];
  live: readonly EditOp[] | null;
  chain: Promise<unknown>;
  offs: (() => void)[];
  loadSeq: number;
}

let session: Session | null = null;

export function currentModel(): CurveModel | null {
  return session?.model ?? null;
}

function layerOf(l: LayerWithHistory): LayerState {
  return { keys: l.keys, filters: l.filters, falloff: l.falloff };
}

// Other features' edits of the open shot (the preview's field of view) go through this session's
// commit: in order with the curve edits, and the undo labels follow them.
provideShotEdits((shotId, label, ops) => (session?.shotId === shotId ? commit(label, ops) : null));

/** Opens the editor on a shot; returns the function that closes it. */
export function openCurveSession(shotId: number, fps: number): () => void {
  closeSession();
  const s: Session = { shotId, fps, model: null, pending: [], live: null, chain: Promise.resolve(), offs: [], loadSeq: 0 };
  session = s;
  useCurveEditor.setState({ shotId, phase: 'loading', message: '', model: null, layer: null, keySel: new Set(), solo: new Set(), view: null, status: '' });
  void reload(s);
  s.offs.push(
    api().on('layer.changed', (p) => {
      if (p.shotId === shotId) void refreshLayer(s);
    }),
    api().on('solve.finished', (p) => {
      if (p.shotId === shotId) void reload(s);
    }),
    api().on('solve.progress', (p) => {
      if (p.shotId !== shotId) return;
      const st = editorState();
      if (st.phase !== 'ready') useCurveEditor.setState({ phase: 'solving', message: `${p.done} / ${p.total} frames` });
    }),
    api().on('shots.changed', (p) => {
      // Another take made active (take picker): reload if it is not the one shown.
      if (p.shotId === shotId) void reloadIfTakeChanged(s);
    }),
  );
  return () => {
    if (session === s) closeSession();
  };
}

function closeSession(): void {
  const s = session;
  if (!s) return;
  for (const off of s.offs) off();
  session = null;
  clearControlValues();
  useCurveEditor.setState({ shotId: null, phase: 'idle', model: null, layer: null, keySel: new Set(), view: null });
}

async function reload(s: Session): Promise<void> {
  const seq = ++s.loadSeq;
  try {
    const r = await loadTake(s.shotId, s.fps);
    if (session !== s || seq !== s.loadSeq) return;
    // Without a take the shot still has a history (the field of view): its labels, for undo and redo.
    if (r.kind !== 'ready') void refreshLayer(s);
    if (r.kind === 'unsolved') useCurveEditor.setState({ phase: 'unsolved', message: '', model: null });
    else if (r.kind === 'solving') useCurveEditor.setState({ phase: 'solving', message: r.done > 0 ? `${r.done} frames solved` : '', model: null });
    else if (r.kind === 'failed') useCurveEditor.setState({ phase: 'unsolved', message: r.message, model: null });
    else {
      const model = new CurveModel(r.take, layerOf(r.layer));
      s.model = model;
      s.pending = [];
      s.live = null;
      model.subscribe(() => bumpControlValues());
      const names = r.take.channels.map((c) => c.name);
      const st = editorState();
      const keep = st.selected.filter((n) => names.includes(n));
      const remembered = readPref('curves.selected', [] as string[], isStringArray).filter((n) => names.includes(n));
      const selected =
        keep.length > 0 ? keep : remembered.length > 0 ? remembered : r.take.channels.filter((c) => c.region === 'mouthCorner').map((c) => c.name);
      useCurveEditor.setState({
        phase: 'ready',
        message: '',
        model,
        layer: model.committed,
        selected,
        anchor: selected[0] ?? null,
        keySel: new Set(),
        undoLabel: r.layer.undoLabel,
        redoLabel: r.layer.redoLabel,
      });
      publishControlValues(s.shotId, names, (frame, mode, out) => model.sample(frame, mode, out));
    }
  } catch (err) {
    if (session !== s || seq !== s.loadSeq) return;
    const e = reportError(err, 'Loading curves');
    useCurveEditor.setState({ phase: 'error', message: e.message, model: null });
  }
}

async function reloadIfTakeChanged(s: Session): Promise<void> {
  try {
    const takes = await api().call('takes.list', { shotId: s.shotId });
    const active = takes.find((t) => t.active && t.state === 'complete');
    if (session === s && (active?.id ?? null) !== (s.model?.take.takeId ?? null)) await reload(s);
  } catch {
    // A list failure here only means no reload; the next event tries again.
  }
}

/** Another window or a reviewer changed the layer: take theirs (our own echo is skipped). */
async function refreshLayer(s: Session): Promise<void> {
  if (s.pending.length > 0) return;
  try {
    const l = await api().call('layer.get', { shotId: s.shotId });
    if (session !== s || s.pending.length > 0) return;
    accept(s, l);
  } catch (err) {
    reportError(err, 'Refreshing curves');
  }
}

function applyTemp(s: Session): void {
  if (!s.model) return;
  const ops = [...s.pending.flatMap((p) => p.ops), ...(s.live ?? [])];
  s.model.setTemp(ops.length > 0 ? ops : null);
}

function accept(s: Session, l: LayerWithHistory): void {
  if (!s.model) {
    useCurveEditor.setState({ undoLabel: l.undoLabel, redoLabel: l.redoLabel });
    return;
  }
  s.model.setBase(layerOf(l));
  applyTemp(s);
  const layer = s.model.committed;
  const keySel = new Set(
    [...editorState().keySel].filter((id) => {
      const { control, frame } = parseKeyId(id);
      return s.model!.keysOf(control).some((k) => k.frame === frame);
    }),
  );
  useCurveEditor.setState({ layer, undoLabel: l.undoLabel, redoLabel: l.redoLabel, keySel });
}

/** A drag's or a slider's temporary ops (rebuilt from its start by the caller); null ends them. */
export function setLive(ops: readonly EditOp[] | null): void {
  const s = session;
  if (!s) return;
  s.live = ops;
  applyTemp(s);
}

/** A read-only reviewer's host refuses edits: say so here instead of failing on the server. */
function readOnly(): boolean {
  if (!useApp.getState().project?.readOnly) return false;
  notify('Read-only', 'This project is open for review: curve edits are not saved.');
  setLive(null);
  return true;
}

/**
 * Commits one transaction (one undo step). Shown at once, saved in order; true once stored. Curve
 * edits need the take; an edit of the shot itself (setFov) is committed without one.
 */
export function commit(label: string, ops: readonly EditOp[]): Promise<boolean> {
  const s = session;
  if (!s || (!s.model && ops.some((op) => op.op !== 'setFov')) || ops.length === 0) {
    setLive(null);
    return Promise.resolve(false);
  }
  if (readOnly()) return Promise.resolve(false);
  const entry = { label, ops };
  s.pending.push(entry);
  s.live = null;
  applyTemp(s);
  useCurveEditor.setState({ saving: true, status: label });
  const run = s.chain.then(async (): Promise<boolean> => {
    try {
      const l = await api().call('edits.apply', { shotId: s.shotId, transaction: { label, ops: [...ops] } });
      if (session !== s) return true;
      s.pending = s.pending.filter((p) => p !== entry);
      accept(s, l);
      return true;
    } catch (err) {
      if (session !== s) return false;
      s.pending = s.pending.filter((p) => p !== entry);
      applyTemp(s);
      reportError(err, `Could not save “${label}”`);
      return false;
    } finally {
      if (session === s && s.pending.length === 0) useCurveEditor.setState({ saving: false });
    }
  });
  s.chain = run;
  return run;
}

function history(kind: 'undo' | 'redo'): Promise<void> {
  // The shot's history, with or without a take (an unsolved shot's field of view).
  const s = session;
  if (!s) return Promise.resolve();
  const label = kind === 'undo' ? editorState().undoLabel : editorState().redoLabel;
  const run = s.chain.then(async () => {
    try {
      const l = await api().call(kind === 'undo' ? 'edits.undo' : 'edits.redo', { shotId: s.shotId });
      if (session !== s) return;
      accept(s, l);
      useCurveEditor.setState({ status: label ? `${kind === 'undo' ? 'Undid' : 'Redid'} “${label}”` : `Nothing to ${kind}` });
    } catch (err) {
      reportError(err, kind === 'undo' ? 'Undo' : 'Redo');
    }
  });
  s.chain = run;
  return run;
}

export const undo = (): Promise<void> => history('undo');
export const redo = (): Promise<void> => history('redo');

/** Waits for every commit, undo and redo sent so far (tests, and before leaving a shot). */
export function settled(): Promise<unknown> {
  return session?.chain ?? Promise.resolve();
}
