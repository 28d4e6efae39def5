// The review workflow as the UI offers it: to do → in cleanup → in review → approved, or needs
// fixes (with a note). The API enforces the same rules; this only decides what the menu offers,
// so nobody picks an entry that the host would refuse.
import type { ShotStatus } from '../../../electron/common/api/schemas';

/** 'reviewer': a read-only review host (supervisor in a browser); 'artist': the app itself. */
export type Role = 'artist' | 'reviewer';

export const STATUS_LABELS: Record<ShotStatus, string> = {
  todo: 'To do',
  solving: 'Solving',
  cleanup: 'In cleanup',
  review: 'In review',
  approved: 'Approved',
  needsFixes: 'Needs fixes',
};

/** Menu and filter order: the workflow's order, "needs fixes" beside review. */
export const STATUS_ORDER: readonly ShotStatus[] = ['todo', 'solving', 'cleanup', 'review', 'needsFixes', 'approved'];

const REVIEWER: ReadonlySet<ShotStatus> = new Set<ShotStatus>(['review', 'approved', 'needsFixes']);

export interface StatusOption {
  status: ShotStatus;
  label: string;
  /** False: shown disabled, with `reason`. */
  allowed: boolean;
  reason: string | null;
  /** A note must go with it (needs fixes). */
  needsNote: boolean;
}

/** Why `role` may not move a shot from `from` to `to`, or null when it may. */
export function statusRefusal(from: ShotStatus, to: ShotStatus, role: Role): string | null {
  if (to === 'solving') return 'A shot is marked solving by a solve, not by hand';
  if (from === 'solving') return 'A solve is running on this shot';
  if (from === to) return 'Already in this state';
  if (role === 'reviewer' && !REVIEWER.has(to)) return 'A reviewer may set in review, approved or needs fixes';
  return null;
}

/** The menu's entries for a shot in `from`, every settable status, refused ones with why. */
export function statusOptions(from: ShotStatus, role: Role): StatusOption[] {
  return STATUS_ORDER.filter((s) => s !== 'solving').map((status) => {
    const reason = statusRefusal(from, status, role);
    return { status, label: STATUS_LABELS[status], allowed: reason === null, reason, needsNote: status === 'needsFixes' };
  });
}

/** The one-click next step of the workflow (the primary button in review mode), if any. */
export function nextStatus(from: ShotStatus, role: Role): ShotStatus | null {
  const next: Partial<Record<ShotStatus, ShotStatus>> = { todo: 'cleanup', cleanup: 'review', needsFixes: 'review', review: 'approved' };
  const to = next[from] ?? null;
  return to !== null && statusRefusal(from, to, role) === null ? to : null;
}
