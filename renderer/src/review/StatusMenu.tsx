// A shot's review status as a badge that opens the workflow menu: to do → in cleanup → in review
// → approved, or needs fixes (asks for a note). Entries the user's role may not set are shown
// disabled with the reason. Who set it and when is under the badge (or in its tooltip).
import { useState } from 'react';
import type { ShotSummary } from '../../../electron/common/api/schemas';
import { useApp } from '../state/app-store';
import { StatusBadge } from '../ui/StatusBadge';
import { FeatureIcon } from '../ui/icons';
import { NeedsFixesDialog } from './NeedsFixesDialog';
import { Isolated, Popover } from '../ui/Popover';
import { changeStatus } from './status-actions';
import { formatAge } from './status-filter';
import { statusOptions, type Role } from './status-workflow';

type ShotLike = Pick<ShotSummary, 'id' | 'name' | 'status' | 'statusBy' | 'statusAt' | 'importState'>;

export function statusByline(shot: Pick<ShotSummary, 'statusBy' | 'statusAt'>, now = Date.now()): string {
  if (!shot.statusBy && !shot.statusAt) return '';
  return [shot.statusBy, formatAge(shot.statusAt, now)].filter(Boolean).join(' · ');
}

export function StatusMenu({ shot, showByline = false }: { shot: ShotLike; showByline?: boolean }) {
  const readOnly = useApp((s) => s.project?.readOnly ?? false);
  const role: Role = readOnly ? 'reviewer' : 'artist';
  const [asking, setAsking] = useState(false);
  const byline = statusByline(shot);
  const importing = shot.importState === 'importing';

  return (
    <span className="status-menu" data-testid="status-menu" data-status={shot.status}>
      <Popover
        trigger={(open, toggle) => (
          <button
            className={`badge-button${open ? ' open' : ''}`}
            data-testid="status-badge"
            disabled={importing}
            title={byline ? `Set by ${byline}. Click to change.` : 'Click to change the review status'}
            onMouseDown={(e) => {
              e.preventDefault();
              e.stopPropagation();
            }}
            onDoubleClick={(e) => e.stopPropagation()}
            onClick={(e) => {
              e.stopPropagation();
              toggle();
            }}
          >
            <StatusBadge status={shot.status} importing={importing} />
            {!importing ? <FeatureIcon name="chevron" /> : null}
          </button>
        )}
      >
        {(close) => (
          <div className="status-options" onDoubleClick={(e) => e.stopPropagation()}>
            <div className="menu-title">{role === 'reviewer' ? 'Review decision' : 'Shot status'}</div>
            {statusOptions(shot.status, role).map((o) => (
              <button
                key={o.status}
                role="menuitem"
                className="menu-item"
                data-testid={`status-option-${o.status}`}
                disabled={!o.allowed}
                title={o.reason ?? undefined}
                onMouseDown={(e) => e.stopPropagation()}
                onClick={(e) => {
                  e.stopPropagation();
                  close();
                  if (o.needsNote) setAsking(true);
                  else void changeStatus(shot.id, o.status);
                }}
              >
                <span className={`status-swatch ${o.status}`} />
                {o.label}
                {o.needsNote ? <span className="faint">…</span> : null}
                {shot.status === o.status ? <span className="menu-current faint">current</span> : null}
              </button>
            ))}
          </div>
        )}
      </Popover>
      {showByline && byline ? (
        <span className="status-byline faint" data-testid="status-byline" title={shot.statusAt ?? undefined}>
          {byline}
        </span>
      ) : null}
      {asking ? (
        <Isolated>
          <NeedsFixesDialog shotId={shot.id} shotName={shot.name} onClose={() => setAsking(false)} />
        </Isolated>
      ) : null}
    </span>
  );
}
