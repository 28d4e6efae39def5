// Editing shots' slates (scene, take, actor, start timecode) from the browser, with undo and redo:
// each edit remembers every shot's fields before and after, so Ctrl+Z puts them back as they were.
import { api } from '../../api/current';
import type { ShotSummary, SlateEdit } from '../../../../electron/common/api/schemas';
import { SLATE_FIELDS, type Slate } from '../../../../electron/common/slate/slate';
import { refreshShots } from '../../state/actions';
import { notify, reportError } from '../../state/toasts';

interface SlateStep {
  label: string;
  before: Map<number, Slate>;
  after: Map<number, Slate>;
}

const undoStack: SlateStep[] = [];
const redoStack: SlateStep[] = [];
const MAX_STEPS = 100;

export const slateOf = (s: Pick<ShotSummary, keyof Slate>): Slate => Object.fromEntries(SLATE_FIELDS.map((f) => [f, s[f]])) as Slate;

async function write(slates: Map<number, Slate>): Promise<void> {
  for (const [shotId, slate] of slates) await api().call('shot.setSlate', { shotId, slate });
}

function record(step: SlateStep): void {
  undoStack.push(step);
  if (undoStack.length > MAX_STEPS) undoStack.shift();
  redoStack.length = 0;
}

/** Sets one field of one shot; the host normalises it (a timecode to HH:MM:SS:FF) or says why not. */
export async function setSlateField(shot: ShotSummary, field: keyof Slate, value: string): Promise<boolean> {
  const edit: SlateEdit = { [field]: value.trim() === '' ? null : value };
  try {
    const after = await api().call('shot.setSlate', { shotId: shot.id, slate: edit });
    record({ label: `edit ${field}`, before: new Map([[shot.id, slateOf(shot)]]), after: new Map([[shot.id, slateOf(after)]]) });
    await refreshShots();
    return true;
  } catch (err) {
    reportError(err, 'Slate');
    return false;
  }
}

/** Fills the slates of `shots` from their names with `pattern`; says which did not match. */
export async function applyNamePattern(shots: readonly ShotSummary[], pattern: string): Promise<string | null> {
  try {
    const r = await api().call('shots.applyNamePattern', { shotIds: shots.map((s) => s.id), pattern });
    const fresh = await api().call('shots.list', {});
    const updated = new Set(r.updated);
    const before = new Map(shots.filter((s) => updated.has(s.id)).map((s) => [s.id, slateOf(s)]));
    const after = new Map(fresh.filter((s) => updated.has(s.id)).map((s) => [s.id, slateOf(s)]));
    if (before.size > 0) record({ label: 'slate from names', before, after });
    await refreshShots();
    notify(
      `Slate filled on ${r.updated.length} shot${r.updated.length === 1 ? '' : 's'}`,
      r.unmatched.length ? `The pattern does not match: ${r.unmatched.slice(0, 5).join(', ')}${r.unmatched.length > 5 ? '…' : ''}` : '',
      r.updated.length ? 'success' : 'info',
    );
    return null;
  } catch (err) {
    return reportError(err, 'Slate').message;
  }
}

export async function undoSlate(): Promise<void> {
  const step = undoStack.pop();
  if (!step) return;
  try {
    await write(step.before);
    redoStack.push(step);
    notify(`Undid ${step.label}`);
  } catch (err) {
    reportError(err, 'Undo');
  }
  await refreshShots();
}

export async function redoSlate(): Promise<void> {
  const step = redoStack.pop();
  if (!step) return;
  try {
    await write(step.after);
    undoStack.push(step);
    notify(`Redid ${step.label}`);
  } catch (err) {
    reportError(err, 'Redo');
  }
  await refreshShots();
}
