// The open shot's takes (solve runs), kept current: reloaded when a solve of this shot finishes
// and when the shot changes (another window set the active take).
import { create } from 'zustand';
import type { TakeSummary } from '../../../electron/common/api/schemas';
import { api } from '../api/current';
import { toApiCallError } from '../api/errors';
import { reportError } from './toasts';

interface TakesState {
  shotId: number | null;
  takes: TakeSummary[];
  loaded: boolean;
  error: string | null;
}

export const useTakes = create<TakesState>()(() => ({ shotId: null, takes: [], loaded: false, error: null }));

let seq = 0;

export async function loadTakes(shotId: number): Promise<void> {
  const mine = ++seq;
  try {
    const takes = await api().call('takes.list', { shotId });
    if (mine === seq) useTakes.setState({ shotId, takes, loaded: true, error: null });
  } catch (err) {
    if (mine === seq) useTakes.setState({ shotId, loaded: true, error: toApiCallError(err).message });
  }
}

/** Loads the shot's takes and keeps them current; returns the teardown. */
export function watchTakes(shotId: number): () => void {
  useTakes.setState({ shotId, takes: [], loaded: false, error: null });
  void loadTakes(shotId);
  const a = api();
  const offs = [
    a.on('solve.finished', (f) => f.shotId === shotId && void loadTakes(shotId)),
    a.on('shots.changed', (p) => (p.shotId === null || p.shotId === shotId) && void loadTakes(shotId)),
  ];
  return () => {
    offs.forEach((off) => off());
    seq++;
    useTakes.setState({ shotId: null, takes: [], loaded: false, error: null });
  };
}

export function activeTake(takes: readonly TakeSummary[]): TakeSummary | null {
  return takes.find((t) => t.active) ?? null;
}

/** Newest first, as the picker lists them. */
export function takesNewestFirst(takes: readonly TakeSummary[]): TakeSummary[] {
  return [...takes].sort((a, b) => b.id - a.id);
}

export async function setActiveTake(shotId: number, takeId: number): Promise<void> {
  try {
    const takes = await api().call('take.setActive', { shotId, takeId });
    useTakes.setState({ shotId, takes, loaded: true, error: null });
  } catch (err) {
    reportError(err, 'Take');
  }
}
