// Display formatting for shot metadata, shared by the browser and the shot view.
import type { FrameIssueCode } from '../../../electron/common/api/schemas';

export function formatSize(width: number | null, height: number | null): string {
  return width && height ? `${width} × ${height}` : '—';
}

/** 24 → "24", 23.976023976 → "23.976". */
export function formatFps(fps: number): string {
  return Number.isInteger(fps) ? String(fps) : String(Math.round(fps * 1000) / 1000);
}

export function formatRange(first: number | null, last: number | null): string {
  return first === null || last === null ? '—' : `${first}–${last}`;
}

export function formatDuration(frames: number, fps: number): string {
  if (fps <= 0) return '';
  const secs = frames / fps;
  const m = Math.floor(secs / 60);
  const s = secs - m * 60;
  return m > 0 ? `${m}m ${s.toFixed(0).padStart(2, '0')}s` : `${s.toFixed(1)}s`;
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const ISSUE_LABELS: Record<FrameIssueCode, string> = {
  gap: 'Gap in sequence',
  rgbMissing: 'RGB missing',
  normalMissing: 'Normal map missing',
  rgbUnreadable: 'RGB unreadable',
  normalUnreadable: 'Normal map unreadable',
  sizeMismatch: 'Size mismatch',
  normalSizeMismatch: 'Normal size mismatch',
};

export function issueLabel(code: FrameIssueCode): string {
  return ISSUE_LABELS[code];
}

/** Counts per issue code, most frequent first: the summary line above a long warning list. */
export function countIssues(codes: readonly FrameIssueCode[]): [FrameIssueCode, number][] {
  const counts = new Map<FrameIssueCode, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}
