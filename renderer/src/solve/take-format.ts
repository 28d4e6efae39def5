// How a take reads in the picker.
import type { TakeSummary } from '../../../electron/common/api/schemas';
import { formatDate } from '../views/shot-browser/format';
import { formatDurationMs, providerLabel } from './progress-format';

export function takeLabel(t: Pick<TakeSummary, 'id'>): string {
  return `Take ${t.id}`;
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
