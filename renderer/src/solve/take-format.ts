// How a take reads in the picker.
import type { TakeSummary } from '../../../electron/common/api/schemas';
import { formatDate } from '../state/format';
import { formatDurationMs, providerLabel } from './progress-format';

/** "Take 3" for a solve; "Take 2 · ground truth (truth.csv)" for curves from a file, so the truth is never taken for a solve. */
export function takeLabel(t: Pick<TakeSummary, 'id'> & Partial<Pick<TakeSummary, 'name'>>): string {
  return t.name ? `Take ${t.id} · ${t.name}` : `Take ${t.id}`;
}

const STATES: Record<TakeSummary['state'], string> = { running: 'solving', complete: 'complete', cancelled: 'stopped', failed: 'failed' };

export function takeStateLabel(t: Pick<TakeSummary, 'state' | 'framesDone'>): string {
  return t.state === 'cancelled' ? `stopped at ${t.framesDone} frames` : STATES[t.state];
}

/** "fixture-pooled · CPU · 2025-03-10 14:02 · 3.2 s". */
export function takeDetails(t: TakeSummary): string {
  return [t.modelId, providerLabel(t.provider), formatDate(t.createdAt), formatDurationMs(t.durationMs)].join(' · ');
}

/** Why a take cannot be made active, or null. */
export function takeRefusal(t: Pick<TakeSummary, 'state' | 'active'>, readOnly: boolean): string | null {
  if (readOnly) return 'Read-only review: the active take is the animator’s choice';
  if (t.active) return null;
  if (t.state !== 'complete') return 'Only a complete take can be active; solve again to finish it';
  return null;
}
