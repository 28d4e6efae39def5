// What the dailies dialog shows while the movie renders: done / total, the rate and the time left.
import type { JobProgress } from '../state/app-store';

/** "120 / 300 frames · 11.2 frames/s · about 16 s left". */
export function dailiesProgressText(job: Pick<JobProgress, 'done' | 'total' | 'etaSeconds'>, elapsedSeconds: number): string {
  // The host's rate (it knows when the first frame started) where it sends an ETA; else the dialog's own.
  const left = job.total - job.done;
  const rate = job.etaSeconds && left > 0 ? left / job.etaSeconds : elapsedSeconds > 0 ? job.done / elapsedSeconds : 0;
  const eta = job.etaSeconds ?? (rate > 0 ? left / rate : null);
  const parts = [`${job.done} / ${job.total} frames`];
  if (rate > 0) parts.push(`${rate.toFixed(1)} frames/s`);
  if (eta !== null && job.done < job.total) parts.push(`about ${formatSeconds(eta)} left`);
  return parts.join(' · ');
}

export function formatSeconds(s: number): string {
  const t = Math.max(0, Math.round(s));
  return t < 60 ? `${t} s` : `${Math.floor(t / 60)} min ${String(t % 60).padStart(2, '0')} s`;
}

/** The movie's default path: beside the project, named after the shot. */
export function defaultDailiesPath(projectPath: string | undefined, shotName: string): string {
  const dir = projectPath ? projectPath.replace(/[\\/][^\\/]*$/, '') : '';
  const sep = projectPath?.includes('\\') && !projectPath.includes('/') ? '\\' : '/';
  return `${dir}${dir ? sep : ''}${shotName.replace(/[^A-Za-z0-9._-]+/g, '_')}_dailies.mp4`;
}
