import type { ShotStatus } from '../../../electron/common/api/schemas';

const LABELS: Record<ShotStatus, string> = {
  todo: 'To do',
  solving: 'Solving',
  cleanup: 'Cleanup',
  review: 'In review',
  approved: 'Approved',
  needsFixes: 'Needs fixes',
};

export function StatusBadge({ status, importing }: { status: ShotStatus; importing?: boolean }) {
  if (importing) return <span className="badge importing">Importing…</span>;
  return <span className={`badge ${status}`}>{LABELS[status]}</span>;
}
