// A seam for features beside the curve editor (the preview's field of view) to make an ordinary
// undoable edit of a shot (common/edits.ts: one transaction, in the shot's history, so Ctrl+Z and
// Ctrl+Shift+Z take it back and forth with the keys). The curve session provides the commit while
// it is open on the shot, so the edit queues behind its own and its undo labels follow; otherwise
// the edit goes to the host directly.
import type { EditOp } from '../../../electron/common/edits';
import { api } from '../api/current';
import { reportError } from './toasts';

/** Commits on `shotId`, true when stored; null when the provider does not hold that shot. */
type Committer = (shotId: number, label: string, ops: readonly EditOp[]) => Promise<boolean> | null;

let provider: Committer | null = null;

/** The curve session registers its commit; returns the function that withdraws it. */
export function provideShotEdits(c: Committer): () => void {
  provider = c;
  return () => {
    if (provider === c) provider = null;
  };
}

/** One undoable edit of the shot; false (the host's reason shown) when refused. */
export async function commitShotEdit(shotId: number, label: string, ops: readonly EditOp[]): Promise<boolean> {
  const viaSession = provider?.(shotId, label, ops);
  if (viaSession) return viaSession;
  try {
    await api().call('edits.apply', { shotId, transaction: { label, ops: [...ops] } });
    return true;
  } catch (err) {
    reportError(err, `Could not save “${label}”`);
    return false;
  }
}
