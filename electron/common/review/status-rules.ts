// The shot-status workflow, in one place: to do → in cleanup → in review → approved, or needs
// fixes (with a note); "solving" belongs to the solve queue. The API refuses what these functions
// refuse, the database moves a shot through a solve with them, and the menus offer only what they
// allow, so nobody picks an entry that the host would refuse.
import type { ShotStatus } from '../api/schemas';

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

/** What a reviewer may decide; everything else is the artist's. */
export const REVIEWER_STATUSES: ReadonlySet<ShotStatus> = new Set<ShotStatus>(['review', 'approved', 'needsFixes']);

export interface StatusRefusal {
  /** 'forbidden': the role may never; 'badInput': not now, or not like this. */
  code: 'forbidden' | 'badInput';
  message: string;
}

/** Why `role` may not move a shot from `from` to `to` at all, or null when it may. */
export function transitionRefusal(from: ShotStatus, to: ShotStatus, role: Role): StatusRefusal | null {
  if (to === 'solving') return { code: 'badInput', message: 'A shot is marked solving by a solve, not by hand' };
  if (from === 'solving') return { code: 'badInput', message: 'A solve is running on this shot' };
  if (role === 'reviewer' && !REVIEWER_STATUSES.has(to)) return { code: 'forbidden', message: 'A reviewer may set in review, approved or needs fixes' };
  return null;
}

/** "Needs fixes" says what needs fixing. */
export function needsNote(to: ShotStatus): boolean {
  return to === 'needsFixes';
}

/** Only a solved shot (one with an active take) can be approved. */
export function needsSolve(to: ShotStatus): boolean {
  return to === 'approved';
}

export interface StatusChange {
  from: ShotStatus;
  to: ShotStatus;
  role: Role;
  /** The note that goes with the change, if any. */
  note: string | null;
  /** The shot has an active take. */
  solved: boolean;
}

/** Why the host refuses a status change, or null when it makes it. Setting the current status again is allowed (a new stamp, a new note). */
export function statusChangeRefusal(c: StatusChange): StatusRefusal | null {
  const refusal = transitionRefusal(c.from, c.to, c.role);
  if (refusal) return refusal;
  if (needsNote(c.to) && !c.note) return { code: 'badInput', message: 'Say what needs fixing: "needs fixes" takes a note' };
  if (needsSolve(c.to) && !c.solved) return { code: 'badInput', message: 'The shot has no solve to approve' };
  return null;
}

/** Why the menu does not offer `to` for a shot in `from`, or null when it does. */
export function statusRefusal(from: ShotStatus, to: ShotStatus, role: Role): string | null {
  const refusal = transitionRefusal(from, to, role);
  if (refusal) return refusal.message;
  if (from === to) return 'Already in this state';
  return null;
}

export interface StatusOption {
  status: ShotStatus;
  label: string;
  /** False: shown disabled, with `reason`. */
  allowed: boolean;
  reason: string | null;
  /** A note must go with it (needs fixes). */
  needsNote: boolean;
}

/** The menu's entries for a shot in `from`, every settable status, refused ones with why. */
export function statusOptions(from: ShotStatus, role: Role): StatusOption[] {
  return STATUS_ORDER.filter((s) => s !== 'solving').map((status) => {
    const reason = statusRefusal(from, status, role);
    return { status, label: STATUS_LABELS[status], allowed: reason === null, reason, needsNote: needsNote(status) };
  });
}

/** The one-click next step of the workflow (the primary button in review mode), if any. */
export function nextStatus(from: ShotStatus, role: Role): ShotStatus | null {
  const next: Partial<Record<ShotStatus, ShotStatus>> = { todo: 'cleanup', cleanup: 'review', needsFixes: 'review', review: 'approved' };
  const to = next[from] ?? null;
  return to !== null && statusRefusal(from, to, role) === null ? to : null;
}

// ---- the solve queue's moves -------------------------------------------------------------------

/** A queued solve marks the shot solving, whatever it was. */
export const STATUS_WHILE_SOLVING: ShotStatus = 'solving';

/** After a solve completes and its take becomes active: a shot that was waiting for it goes to cleanup; a reviewed one keeps its status. */
export function statusAfterSolve(current: ShotStatus): ShotStatus {
  return current === 'todo' || current === 'solving' ? 'cleanup' : current;
}

/** After a solve stops without a result (cancelled, failed): back to cleanup if the shot has a take, else to do. */
export function statusAfterSolveStopped(current: ShotStatus, solved: boolean): ShotStatus {
  if (current !== 'solving') return current;
  return solved ? 'cleanup' : 'todo';
}
