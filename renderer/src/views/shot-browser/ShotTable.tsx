// The shot list: one dense row per shot. Click selects, double-click or Enter opens, ↑/↓ move.
import type { ShotSummary } from '../../../../electron/common/api/schemas';
import { Icon } from '../../ui/Icon';
import { formatDate, formatDuration, formatFps, formatRange, formatSize } from '../../state/format';
import { SortHeader } from '../../ui/SortHeader';
import type { SortKey, SortSpec } from '../../state/browser-view-store';
import { StatusMenu } from '../../review';
import type { ClickMods } from '../../state/shot-selection';
import { RowSolveProgress } from '../../solve';
import { api } from '../../api/current';
import { SLATE_FIELDS, SLATE_LABELS } from '../../../../electron/common/slate/slate';
import { SlateCell } from './SlateCell';

interface Props {
  shots: ShotSummary[];
  selectedId: number | null;
  /** Mouse clicks pass the modifiers (Ctrl/Cmd toggles, Shift extends); keys select one. */
  onSelect: (id: number, mods?: ClickMods) => void;
  onOpen: (id: number) => void;
  onShowWarnings: (id: number) => void;
  /** Multi-selection (batch solve); when absent, only selectedId is highlighted. */
  selectedIds?: ReadonlySet<number>;
  sort?: SortSpec;
  onSort?: (key: SortKey) => void;
  /** A read-only review host: slate fields are shown, not edited. */
  readOnly?: boolean;
}

/** Thumbnail width in CSS pixels; the host caches the proxy in the project's cache folder. */
const THUMB_WIDTH = 72;

export function ShotTable({ shots, selectedId, onSelect, onOpen, onShowWarnings, selectedIds, sort, onSort, readOnly = false }: Props) {
  const move = (delta: number) => {
    if (shots.length === 0) return;
    const i = shots.findIndex((s) => s.id === selectedId);
    const next = shots[Math.min(shots.length - 1, Math.max(0, i < 0 ? 0 : i + delta))];
    if (next) onSelect(next.id);
  };

  return (
    <div
      className="shot-table-wrap"
      tabIndex={0}
      data-testid="shot-table"
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') move(1);
        else if (e.key === 'ArrowUp') move(-1);
        else if (e.key === 'Enter' && selectedId !== null) onOpen(selectedId);
        else return;
        e.preventDefault();
      }}
    >
      <table className="shot-table">
        <thead>
          <tr>
            <th className="c-thumb" aria-label="Thumbnail" />
            <th className="c-name">
              <SortHeader label="Shot" sortKey="name" sort={sort} onSort={onSort} />
            </th>
            {SLATE_FIELDS.map((f) => (
              <th key={f} className={`c-slate c-${f}`}>
                <SortHeader label={SLATE_LABELS[f]} sortKey={f} sort={sort} onSort={onSort} />
              </th>
            ))}
            <th className="c-num c-frames">
              <SortHeader label="Frames" sortKey="frames" sort={sort} onSort={onSort} />
            </th>
            <th className="c-range">Range</th>
            <th className="c-num c-fps">FPS</th>
            <th className="c-plates">Plates</th>
            <th className="c-status">
              <SortHeader label="Status" sortKey="status" sort={sort} onSort={onSort} />
            </th>
            <th className="c-warn">Warnings</th>
            <th className="c-date">
              <SortHeader label="Imported" sortKey="imported" sort={sort} onSort={onSort} />
            </th>
          </tr>
        </thead>
        <tbody>
          {shots.map((s) => (
            <tr
              key={s.id}
              className={(selectedIds ? selectedIds.has(s.id) : s.id === selectedId) ? `selected${s.id === selectedId ? ' lead' : ''}` : undefined}
              data-testid="shot-row"
              data-shot-id={s.id}
              data-name={s.name}
              data-status={s.status}
              aria-selected={selectedIds ? selectedIds.has(s.id) : s.id === selectedId}
              onMouseDown={(e) => onSelect(s.id, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey })}
              onDoubleClick={() => onOpen(s.id)}
            >
              <td className="c-thumb">
                {s.thumbnailFrame !== null ? (
                  <img
                    className="shot-thumb"
                    data-testid="shot-thumb"
                    alt=""
                    loading="lazy"
                    draggable={false}
                    src={api().frameUrl(s.id, 'rgb', s.thumbnailFrame, THUMB_WIDTH * 2)}
                  />
                ) : (
                  <span className="shot-thumb empty" />
                )}
              </td>
              <td className="c-name">
                <span className="shot-name">{s.name}</span>
              </td>
              {SLATE_FIELDS.map((f) => (
                <td key={f} className={`c-slate c-${f}`}>
                  <SlateCell shot={s} field={f} readOnly={readOnly} />
                </td>
              ))}
              <td className="c-num c-frames num">
                {s.frameCount}
                <span className="faint"> · {formatDuration(s.frameCount, s.fps)}</span>
              </td>
              <td className="c-range num dim">{formatRange(s.firstFrame, s.lastFrame)}</td>
              <td className="c-num c-fps num">{formatFps(s.fps)}</td>
              <td className="c-plates" title={formatSize(s.width, s.height)}>
                <span className="plate-tag">RGB</span>
                {s.hasNormal ? <span className="plate-tag normal">NRM</span> : null}
              </td>
              <td className="c-status">
                <StatusMenu shot={s} showByline />
                <RowSolveProgress shotId={s.id} />
              </td>
              <td className="c-warn">
                {s.warningCount > 0 ? (
                  <button
                    className="warn-link"
                    data-testid="shot-warnings"
                    title="Show the frames with warnings"
                    onMouseDown={(e) => e.stopPropagation()}
                    onDoubleClick={(e) => e.stopPropagation()}
                    onClick={() => {
                      onSelect(s.id);
                      onShowWarnings(s.id);
                    }}
                  >
                    <Icon name="warn" />
                    <span className="num">{s.warningCount}</span>
                  </button>
                ) : (
                  <span className="faint">—</span>
                )}
              </td>
              <td className="c-date num dim">{formatDate(s.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
