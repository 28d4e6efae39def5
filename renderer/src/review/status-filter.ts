// Filtering, sorting and counting the shot list by review status (the supervisor's "what is
// waiting for me" view). Pure; the browser keeps the chosen filter and sort in its state.
import type { ShotStatus, ShotSummary } from '../../../electron/common/api/schemas';
import type { SortKey, SortSpec } from '../state/browser-view-store';
import { slateMatches } from '../../../electron/common/slate/slate';
import { STATUS_ORDER } from './status-workflow';

export type StatusCounts = Record<ShotStatus, number>;

export function countByStatus(shots: readonly Pick<ShotSummary, 'status'>[]): StatusCounts {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as StatusCounts;
  for (const s of shots) counts[s.status] += 1;
  return counts;
}

const rank = (s: ShotStatus) => STATUS_ORDER.indexOf(s);
const byName = (a: ShotSummary, b: ShotSummary) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });

function compare(a: ShotSummary, b: ShotSummary, key: SortKey): number {
  switch (key) {
    case 'name':
      return byName(a, b);
    case 'status':
      return rank(a.status) - rank(b.status);
    case 'frames':
      return a.frameCount - b.frameCount;
    case 'imported':
      return a.createdAt.localeCompare(b.createdAt);
    case 'statusAt':
      return (a.statusAt ?? '').localeCompare(b.statusAt ?? '');
    case 'scene':
    case 'captureTake':
    case 'actor':
    case 'startTimecode':
      return bySlate(a[key], b[key]);
  }
}

/** Slate fields sort naturally (sc2 before sc10); a shot without the field comes after those with one (before them, reversed). */
function bySlate(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

/** Stable sort; ties fall back to the name, so equal statuses list alphabetically. */
export function sortShots(shots: readonly ShotSummary[], sort: SortSpec): ShotSummary[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...shots].sort((a, b) => sign * compare(a, b, sort.key) || byName(a, b) || a.id - b.id);
}

/** Clicking a column header: the same key flips the direction, a new key starts ascending. */
export function toggleSort(current: SortSpec, key: SortKey): SortSpec {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/** Text matches the name, the status label or a slate field (scene, take, actor, timecode); an empty status set means every status. */
export function filterShots(shots: readonly ShotSummary[], text: string, statuses: ReadonlySet<ShotStatus>, label: (s: ShotStatus) => string): ShotSummary[] {
  const t = text.trim().toLowerCase();
  return shots.filter(
    (s) =>
      (statuses.size === 0 || statuses.has(s.status)) &&
      (!t || s.name.toLowerCase().includes(t) || label(s.status).toLowerCase().includes(t) || slateMatches(s, t)),
  );
}

/**
 * The shots before and after `currentId` in the list's order, among those `matches` accepts (the
 * browser's status filter), so a supervisor steps through what they filtered for; the current
 * shot need not match any more (it was just approved out of "in review").
 */
export function neighbourShots<S extends { id: number }>(
  sorted: readonly S[],
  currentId: number,
  matches: (s: S) => boolean,
): { prev: S | null; next: S | null } {
  const i = sorted.findIndex((s) => s.id === currentId);
  if (i < 0) return { prev: null, next: null };
  const prev = [...sorted.slice(0, i)].reverse().find(matches) ?? null;
  const next = sorted.slice(i + 1).find(matches) ?? null;
  return { prev, next };
}

/** "2 h ago"-style age of a status change, against `now` (ms). */
export function formatAge(iso: string | null, now: number): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  return d < 30 ? `${d} d ago` : new Date(t).toISOString().slice(0, 10);
}
