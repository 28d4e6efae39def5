// The shot browser's status filter: one chip per status with its count. Click shows just that
// status (click again for all); Ctrl/Cmd+click adds or removes one, to see e.g. review + needs fixes.
import type { ShotStatus } from '../../../electron/common/api/schemas';
import type { StatusCounts } from './status-filter';
import { STATUS_LABELS, STATUS_ORDER } from './status-workflow';

interface Props {
  counts: StatusCounts;
  total: number;
  selected: ReadonlySet<ShotStatus>;
  onChange: (next: Set<ShotStatus>) => void;
}

export function nextStatusFilter(selected: ReadonlySet<ShotStatus>, status: ShotStatus, additive: boolean): Set<ShotStatus> {
  if (additive) {
    const next = new Set(selected);
    if (next.has(status)) next.delete(status);
    else next.add(status);
    return next;
  }
  return selected.size === 1 && selected.has(status) ? new Set() : new Set([status]);
}

export function StatusFilterBar({ counts, total, selected, onChange }: Props) {
  return (
    <div className="status-filter" role="group" aria-label="Filter by status" data-testid="status-filter">
      <button className={`chip${selected.size === 0 ? ' on' : ''}`} aria-pressed={selected.size === 0} onClick={() => onChange(new Set())}>
        All <span className="num">{total}</span>
      </button>
      {STATUS_ORDER.map((s) => (
        <button
          key={s}
          className={`chip ${s}${selected.has(s) ? ' on' : ''}${counts[s] === 0 ? ' empty' : ''}`}
          aria-pressed={selected.has(s)}
          data-testid={`status-chip-${s}`}
          title={`Show ${STATUS_LABELS[s].toLowerCase()} shots (Ctrl+click to combine)`}
          onClick={(e) => onChange(nextStatusFilter(selected, s, e.ctrlKey || e.metaKey))}
        >
          <span className={`status-swatch ${s}`} />
          {STATUS_LABELS[s]}{' '}
          <span className="num" data-testid={`status-count-${s}`}>
            {counts[s]}
          </span>
        </button>
      ))}
    </div>
  );
}
