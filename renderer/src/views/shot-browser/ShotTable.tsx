// The shot list: one dense row per shot. Click selects, double-click or Enter opens, ↑/↓ move.
import type { ShotSummary } from '../../../../electron/common/api/schemas';
import { StatusBadge } from '../common/StatusBadge';
import { Icon } from '../common/Icon';
import { formatDate, formatDuration, formatFps, formatRange, formatSize } from './format';

interface Props {
  shots: ShotSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
  onShowWarnings: (id: number) => void;
}

export function ShotTable({ shots, selectedId, onSelect, onOpen, onShowWarnings }: Props) {
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
            <th className="c-name">Shot</th>
            <th className="c-num c-frames">Frames</th>
            <th className="c-range">Range</th>
            <th className="c-num c-fps">FPS</th>
            <th className="c-size">Size</th>
            <th className="c-plates">Plates</th>
            <th className="c-status">Status</th>
            <th className="c-warn">Warnings</th>
            <th className="c-date">Imported</th>
          </tr>
        </thead>
        <tbody>
          {shots.map((s) => (
            <tr
              key={s.id}
              className={s.id === selectedId ? 'selected' : undefined}
              data-testid="shot-row"
              data-shot-id={s.id}
              data-name={s.name}
              aria-selected={s.id === selectedId}
              onMouseDown={() => onSelect(s.id)}
              onDoubleClick={() => onOpen(s.id)}
            >
              <td className="c-name">
                <span className="shot-name">{s.name}</span>
              </td>
              <td className="c-num c-frames num">
                {s.frameCount}
                <span className="faint"> · {formatDuration(s.frameCount, s.fps)}</span>
              </td>
              <td className="c-range num dim">{formatRange(s.firstFrame, s.lastFrame)}</td>
              <td className="c-num c-fps num">{formatFps(s.fps)}</td>
              <td className="c-size num dim">{formatSize(s.width, s.height)}</td>
              <td className="c-plates">
                <span className="plate-tag">RGB</span>
                {s.hasNormal ? <span className="plate-tag normal">NRM</span> : null}
              </td>
              <td className="c-status">
                <StatusBadge status={s.status} importing={s.importState === 'importing'} />
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
