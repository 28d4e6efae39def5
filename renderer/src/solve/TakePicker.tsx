// The takes of a shot (one per solve run): model, provider, date, duration, failed frames; the
// active one is what the curve editor and export use. A compact drop-down for the toolbar and a
// full list for the side panel share the rows.
import type { TakeSummary } from '../../../electron/common/api/schemas';
import { FeatureIcon } from '../ui/icons';
import { Popover } from '../ui/Popover';
import { takeDetails, takeLabel, takeRefusal, takeStateLabel } from './take-format';
import { activeTake, setActiveTake, takesNewestFirst, useTakes } from '../state/takes-store';

function TakeRow({ take, readOnly, onChosen }: { take: TakeSummary; readOnly: boolean; onChosen?: () => void }) {
  const refusal = takeRefusal(take, readOnly);
  const failed = take.failedFrames.length;
  return (
    <button
      className={`take-row${take.active ? ' active' : ''}`}
      role="menuitemradio"
      aria-checked={take.active}
      data-testid="take-row"
      data-take-id={take.id}
      data-active={take.active}
      disabled={refusal !== null && !take.active}
      title={refusal ?? (take.active ? 'The active take' : 'Make this the active take')}
      onClick={() => {
        if (!take.active && refusal === null) void setActiveTake(take.shotId, take.id);
        onChosen?.();
      }}
    >
      <span className={`take-radio${take.active ? ' on' : ''}`} />
      <span className="take-main">
        <span className="take-title">
          <strong>{takeLabel(take)}</strong>
          {take.state !== 'complete' ? <span className={`tag ${take.state === 'failed' ? 'bad' : 'warn'}`}>{takeStateLabel(take)}</span> : null}
          {failed > 0 ? (
            <span className="tag bad" title={`Frames the solver could not read: ${take.failedFrames.slice(0, 20).join(', ')}${failed > 20 ? '…' : ''}`}>
              {failed} failed frame{failed === 1 ? '' : 's'}
            </span>
          ) : null}
        </span>
        <span className="take-details dim">{takeDetails(take)}</span>
        {take.notice ? <span className="take-notice">{take.notice}</span> : null}
      </span>
    </button>
  );
}

/** Toolbar drop-down: "Take 3 ▾". */
export function TakeMenu({ shotId, readOnly }: { shotId: number; readOnly: boolean }) {
  const takes = useTakes((s) => (s.shotId === shotId ? s.takes : null));
  if (!takes || takes.length === 0) return null;
  const active = activeTake(takes);
  return (
    <Popover
      align="right"
      trigger={(open, toggle) => (
        <button
          className={`btn ghost take-trigger${open ? ' on' : ''}`}
          data-testid="take-picker"
          title="Takes of this shot"
          onMouseDown={(e) => e.preventDefault()}
          onClick={toggle}
        >
          <FeatureIcon name="takes" />
          {active ? (
            <span data-testid="active-take">{takeLabel(active)}</span>
          ) : (
            <span className="dim">{takes.some((t) => t.state === 'running') ? 'Solving…' : 'No active take'}</span>
          )}
          <span className="faint num">/{takes.length}</span>
          <FeatureIcon name="chevron" />
        </button>
      )}
    >
      {(close) => (
        <div className="take-menu">
          <div className="menu-title">Takes</div>
          {takesNewestFirst(takes).map((t) => (
            <TakeRow key={t.id} take={t} readOnly={readOnly} onChosen={close} />
          ))}
        </div>
      )}
    </Popover>
  );
}

/** Side-panel list. */
export function TakeList({ shotId, readOnly }: { shotId: number; readOnly: boolean }) {
  const takes = useTakes((s) => (s.shotId === shotId ? s.takes : null));
  const error = useTakes((s) => s.error);
  if (error) return <div className="field-error">{error}</div>;
  if (!takes) return null;
  if (takes.length === 0) return <p className="dim panel-empty">No takes yet. Solve the shot to make one: each solve run is kept as a take.</p>;
  return (
    <div className="take-list" data-testid="take-list">
      {takesNewestFirst(takes).map((t) => (
        <TakeRow key={t.id} take={t} readOnly={readOnly} />
      ))}
    </div>
  );
}
