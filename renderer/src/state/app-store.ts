// Project-wide state: the open project, its shots, the host connection and running jobs.
import { create } from 'zustand';
import type { EventPayload } from '../../../electron/common/api/contract';
import type { ProjectInfo, ShotSummary } from '../../../electron/common/api/schemas';
import type { ConnectionState } from '../api/connection';

export type JobProgress = EventPayload<'job.progress'>;

interface AppState {
  project: ProjectInfo | null;
  /** Why the project could not be read (shown in place of the shot list). */
  projectError: string | null;
  shots: ShotSummary[];
  shotsLoaded: boolean;
  /** Why the last shot-list load failed (shown with a retry instead of an endless spinner). */
  shotsError: string | null;
  connection: ConnectionState;
  jobs: Record<string, JobProgress>;
}

export const useApp = create<AppState>()(() => ({
  project: null,
  projectError: null,
  shots: [],
  shotsLoaded: false,
  shotsError: null,
  connection: { state: 'connecting' },
  jobs: {},
}));

/** Folds one progress event in; finished jobs are dropped so the list only shows live work. */
export function applyJobProgress(jobs: Record<string, JobProgress>, p: JobProgress): Record<string, JobProgress> {
  const next = { ...jobs };
  if (p.finished) delete next[p.jobId];
  else next[p.jobId] = p;
  return next;
}
