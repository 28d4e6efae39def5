// The supervisor's decision at the top of the review column: the shot's status and who set it,
// one-click Approve / In review, Needs fixes (with a note), and previous / next shot so a batch
// of shots can be reviewed without going back to the list.
import { useMemo, useState } from 'react';
import type { ShotDetail, ShotStatus } from '../../../electron/common/api/schemas';
import { useApp } from '../state/app-store';
import { navigate } from '../state/route';
import { Icon } from '../ui/Icon';
import { StatusBadge } from '../ui/StatusBadge';
import { NeedsFixesDialog } from './NeedsFixesDialog';
import { DailiesDialog } from './DailiesDialog';
import { FeatureIcon } from '../ui/icons';
import { useBrowserView } from '../state/browser-view-store';
import { changeStatus } from './status-actions';
import { neighbourShots, sortShots } from './status-filter';
import { statusRefusal, type Role } from './status-workflow';
import { statusByline } from './StatusMenu';

export function ReviewDecision({ shot }: { shot: ShotDetail }) {
  const readOnly = useApp((s) => s.project?.readOnly ?? false);
  const shots = useApp((s) => s.shots);
  const role: Role = readOnly ? 'reviewer' : 'artist';
  const [asking, setAsking] = useState(false);
  const [dailies, setDailies] = useState(false);
  // The list's copy is refreshed on every status change; the shot prop may lag a moment.
  const live = shots.find((s) => s.id === shot.id) ?? shot;
  const statuses = useBrowserView((s) => s.statuses);
  const sort = useBrowserView((s) => s.sort);
  // Previous / next in the shot browser's order and status filter.
  const { prev, next } = useMemo(
    () => neighbourShots(sortShots(shots, sort), shot.id, (s) => statuses.size === 0 || statuses.has(s.status)),
    [shots, sort, statuses, shot.id],
  );
  const byline = statusByline(live);

  const button = (status: ShotStatus, label: string, cls: string, testId: string) => {
    const refusal = statusRefusal(live.status, status, role);
    return (
      <button
        className={`btn ${cls}`}
        data-testid={testId}
        disabled={refusal !== null}
        title={refusal ?? undefined}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => (status === 'needsFixes' ? setAsking(true) : void changeStatus(shot.id, status))}
      >
        {label}
      </button>
    );
  };

  return (
    <div className="review-decision" data-testid="review-decision">
      <div className="review-decision-head">
        <StatusBadge status={live.status} />
        <span className="faint review-byline" data-testid="review-byline">
          {byline}
        </span>
      </div>
      <div className="review-buttons">
        {button('approved', 'Approve', 'approve', 'review-approve')}
        {button('needsFixes', 'Needs fixes…', 'fixes', 'review-needs-fixes')}
        {button('review', 'In review', '', 'review-in-review')}
      </div>
      <div className="review-nav">
        <button
          className="btn ghost small"
          disabled={!prev}
          title={prev ? `Previous shot: ${prev.name}` : undefined}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => prev && navigate({ name: 'shot', shotId: prev.id, frame: null })}
        >
          <Icon name="back" /> {prev ? prev.name : 'First shot'}
        </button>
        <span className="toolbar-spacer" />
        {readOnly ? null : (
          <button
            className="btn ghost small"
            data-testid="dailies-button"
            title="Render dailies of this shot: plate | head with burn-ins, an H.264 movie"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setDailies(true)}
          >
            <FeatureIcon name="export" /> Dailies…
          </button>
        )}
        <span className="toolbar-spacer" />
        <button
          className="btn ghost small"
          disabled={!next}
          title={next ? `Next shot: ${next.name}` : undefined}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => next && navigate({ name: 'shot', shotId: next.id, frame: null })}
        >
          {next ? next.name : 'Last shot'}{' '}
          <span className="flip">
            <Icon name="back" />
          </span>
        </button>
      </div>
      {asking ? <NeedsFixesDialog shotId={shot.id} shotName={shot.name} onClose={() => setAsking(false)} /> : null}
      {dailies ? <DailiesDialog shot={shot} onClose={() => setDailies(false)} /> : null}
    </div>
  );
}
