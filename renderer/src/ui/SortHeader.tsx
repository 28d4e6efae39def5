// A sortable column header: click sorts by it, again reverses; an arrow shows the direction.
import type { SortKey, SortSpec } from '../state/browser-view-store';

export function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: SortKey;
  sort: SortSpec | undefined;
  onSort: ((k: SortKey) => void) | undefined;
}) {
  if (!sort || !onSort) return <>{label}</>;
  const on = sort.key === sortKey;
  return (
    <button
      className={`sort-header${on ? ' on' : ''}`}
      data-testid={`sort-${sortKey}`}
      aria-sort={on ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      onClick={() => onSort(sortKey)}
    >
      {label}
      <span className="sort-arrow">{on ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
    </button>
  );
}
