// Setting a real shot's camera lens (its horizontal field of view) from the preview, with undo:
// each change remembers the field of view before it, and Undo puts it back (the shot's record is
// the host's, so the change and its undo are both API calls).
import { api } from '../api/current';
import type { ShotDetail } from '../../../electron/common/api/schemas';
import { notify, reportError } from '../state/toasts';

interface FovStep {
  shotId: number;
  before: number | null;
  after: number | null;
}

const undoStack: FovStep[] = [];
const MAX_STEPS = 100;

const said = (v: number | null): string => (v === null ? 'the default' : `${v}°`);

/** Sets the shot's field of view (null: the default); false, with the host's reason shown, when refused. */
export async function setShotFov(shot: Pick<ShotDetail, 'id' | 'fovDeg'>, fovDeg: number | null): Promise<boolean> {
  try {
    await api().call('shot.setFov', { shotId: shot.id, fovDeg });
    undoStack.push({ shotId: shot.id, before: shot.fovDeg, after: fovDeg });
    if (undoStack.length > MAX_STEPS) undoStack.shift();
    return true;
  } catch (err) {
    reportError(err, 'Field of view');
    return false;
  }
}

/** Whether the shot has a field-of-view change to undo. */
export function canUndoFov(shotId: number): boolean {
  return undoStack.some((s) => s.shotId === shotId);
}

/** Puts back the shot's field of view as it was before its last change. */
export async function undoFov(shotId: number): Promise<void> {
  const i = undoStack.map((s) => s.shotId).lastIndexOf(shotId);
  const step = undoStack[i];
  if (!step) return;
  try {
    await api().call('shot.setFov', { shotId, fovDeg: step.before });
    undoStack.splice(i, 1);
    notify(`Undid the field of view: back to ${said(step.before)}`);
  } catch (err) {
    reportError(err, 'Undo');
  }
}
