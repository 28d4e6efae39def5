// The solve queue as the UI sees it: the latest progress of the running shot (from solve.progress
// events), what is queued, the provider in use and its fallback notice. One store for the browser
// rows, the shot view's bar and the status bars, fed once by startSolveSync().
import { create } from 'zustand';
import type { EventPayload } from '../../../electron/common/api/contract';
import type { DeviceChoice } from '../../../electron/common/api/schemas';
import { api } from '../api/current';
import { useApp } from '../state/app-store';
import { notify, reportError } from '../state/toasts';

export type SolveProgressEvent = EventPayload<'solve.progress'>;
export type SolveFinishedEvent = EventPayload<'solve.finished'>;

export interface SolveState {
  /** Latest progress per shot (only the running one is live; cleared when it finishes). */
  progress: Record<number, SolveProgressEvent>;
  runningShotId: number | null;
  queued: readonly number[];
  provider: string | null;
  notice: string | null;
  /** Last completed solve per shot this session (the bar shows how it ended). */
  finished: Record<number, SolveFinishedEvent>;
}

export const useSolve = create<SolveState>()(() => ({ progress: {}, runningShotId: null, queued: [], provider: null, notice: null, finished: {} }));

/** Folds a progress event in (pure, for tests). */
export function applyProgress(s: SolveState, p: SolveProgressEvent): Partial<SolveState> {
  return {
    progress: { ...s.progress, [p.shotId]: p },
    runningShotId: p.shotId,
    queued: s.queued.filter((id) => id !== p.shotId),
    provider: p.provider || s.provider,
  };
}

/** Folds a finished event in (pure, for tests). */
export function applyFinished(s: SolveState, f: SolveFinishedEvent): Partial<SolveState> {
  const progress = { ...s.progress };
  delete progress[f.shotId];
  return { progress, runningShotId: s.runningShotId === f.shotId ? null : s.runningShotId, finished: { ...s.finished, [f.shotId]: f } };
}

export async function refreshSolveStatus(): Promise<void> {
  try {
    const st = await api().call('solve.status', {});
    useSolve.setState((s) => {
      const progress = { ...s.progress };
      // Progress of a shot that is no longer running is stale (its finished event was missed).
      for (const id of Object.keys(progress).map(Number)) if (st.running?.shotId !== id) delete progress[id];
      return { runningShotId: st.running?.shotId ?? null, queued: st.queued, provider: st.provider ?? s.provider, notice: st.notice, progress };
    });
  } catch {
    // A host without a solver (an older build) just shows no solve state.
  }
}

const shotName = (id: number) => useApp.getState().shots.find((s) => s.id === id)?.name ?? `shot ${id}`;

/** Wires the solve events into the store; returns the teardown. Mounted once, by the top bar. */
export function startSolveSync(): () => void {
  const a = api();
  const offs = [
    a.on('solve.progress', (p) => useSolve.setState((s) => applyProgress(s, p))),
    a.on('solve.finished', (f) => {
      useSolve.setState((s) => applyFinished(s, f));
      const failed = f.failedFrames.length > 0 ? ` · ${f.failedFrames.length} failed frame${f.failedFrames.length === 1 ? '' : 's'}` : '';
      if (f.ok) notify(`Solved ${shotName(f.shotId)}`, `${f.message}${failed}`, 'success');
      else if (!/cancel/i.test(f.message)) notify(`Solve of ${shotName(f.shotId)} failed`, f.message, 'error');
      void refreshSolveStatus();
    }),
    a.onConnection((c) => {
      if (c.state === 'open') void refreshSolveStatus();
    }),
  ];
  void refreshSolveStatus();
  return () => offs.forEach((off) => off());
}

export async function startSolve(shotIds: readonly number[], modelPath: string | null, device: DeviceChoice): Promise<boolean> {
  try {
    await api().call('solve.start', { shotIds: [...shotIds], modelPath, device });
    await refreshSolveStatus();
    return true;
  } catch (err) {
    reportError(err, 'Solve');
    return false;
  }
}

export async function cancelSolve(shotId: number | null): Promise<void> {
  try {
    const st = await api().call('solve.cancel', { shotId });
    useSolve.setState({ queued: st.queued });
  } catch (err) {
    reportError(err, 'Cancel solve');
  }
}

/** Where a shot stands in the queue: running, queued at a position (1-based), or idle. */
export function queueState(
  s: Pick<SolveState, 'runningShotId' | 'queued'>,
  shotId: number,
): { state: 'running' } | { state: 'queued'; position: number } | { state: 'idle' } {
  if (s.runningShotId === shotId) return { state: 'running' };
  const i = s.queued.indexOf(shotId);
  return i >= 0 ? { state: 'queued', position: i + 1 } : { state: 'idle' };
}
