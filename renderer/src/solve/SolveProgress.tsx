// Solve progress in three sizes: the strip under the shot view's toolbar, the cell in a shot
// browser row, and the status-bar line with the provider and throughput.
import { useApp } from '../state/app-store';
import { Icon } from '../ui/Icon';
import { FeatureIcon } from '../ui/icons';
import { formatRate, progressFraction, progressText, providerLabel } from './progress-format';
import { cancelSolve, queueState, useSolve } from './solve-store';

/** Under the shot view's toolbar while this shot is solving or queued; nothing otherwise. */
export function SolveProgressStrip({ shotId }: { shotId: number }) {
  const canCancel = useApp((s) => !(s.project?.readOnly ?? false));
  const p = useSolve((s) => s.progress[shotId]);
  const runningShotId = useSolve((s) => s.runningShotId);
  const queued = useSolve((s) => s.queued);
  const q = queueState({ runningShotId, queued }, shotId);
  if (q.state === 'idle') return null;
  const ahead = (runningShotId !== null ? 1 : 0) + (q.state === 'queued' ? q.position - 1 : 0);
  const frac = p ? progressFraction(p.done, p.total) : 0;
  return (
    <div className="solve-strip" data-testid="solve-progress" data-state={q.state} data-done={p?.done ?? 0} data-total={p?.total ?? 0}>
      <span className="solve-strip-title">
        <span className="spinner" />
        {q.state === 'running' ? 'Solving' : 'Queued'}
      </span>
      <div
        className={`progress solve-bar${p ? '' : ' indeterminate'}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={p?.total ?? 0}
        aria-valuenow={p?.done ?? 0}
      >
        <div style={{ width: `${(frac * 100).toFixed(1)}%` }} />
      </div>
      <span className="num solve-strip-text" data-testid="solve-progress-text">
        {p ? progressText(p) : q.state === 'queued' ? `${ahead} shot${ahead === 1 ? '' : 's'} ahead in the queue` : 'Starting the solver…'}
      </span>
      {p ? <span className="pill provider-pill">{providerLabel(p.provider)}</span> : null}
      {canCancel ? (
        <button
          className="btn ghost"
          data-testid="solve-cancel"
          title="Stop this solve (the take keeps the frames done; solving again resumes)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => void cancelSolve(shotId)}
        >
          <FeatureIcon name="stop" /> {q.state === 'running' ? 'Stop' : 'Remove from queue'}
        </button>
      ) : null}
    </div>
  );
}

function RowCancel({ shotId }: { shotId: number }) {
  const canCancel = useApp((s) => !(s.project?.readOnly ?? false));
  if (!canCancel) return null;
  return (
    <button
      className="row-cancel"
      data-testid="row-solve-cancel"
      title="Stop this solve / take it out of the queue"
      aria-label="Stop solve"
      onMouseDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onClick={(e) => {
        e.stopPropagation();
        void cancelSolve(shotId);
      }}
    >
      <FeatureIcon name="stop" />
    </button>
  );
}

/** A compact bar inside a shot browser row. */
export function RowSolveProgress({ shotId }: { shotId: number }) {
  const p = useSolve((s) => s.progress[shotId]);
  const runningShotId = useSolve((s) => s.runningShotId);
  const queued = useSolve((s) => s.queued);
  const q = queueState({ runningShotId, queued }, shotId);
  if (q.state === 'idle') return null;
  if (q.state === 'queued' || !p) {
    return (
      <span className="row-progress queued faint" data-testid="row-solve-progress" data-state={q.state}>
        {q.state === 'queued' ? `queued #${q.position}` : 'starting…'}
        <RowCancel shotId={shotId} />
      </span>
    );
  }
  const frac = progressFraction(p.done, p.total);
  return (
    <span className="row-progress" data-testid="row-solve-progress" data-state="running" data-done={p.done} title={progressText(p)}>
      <span className="progress">
        <span style={{ width: `${(frac * 100).toFixed(1)}%` }} />
      </span>
      <span className="num dim">{Math.round(frac * 100)}%</span>
      <RowCancel shotId={shotId} />
    </span>
  );
}

/** "CUDA · 85 frames/s · 2 queued", and the fallback notice when the provider asked for did not load. */
export function SolveStatusLine() {
  const running = useSolve((s) => s.runningShotId);
  const p = useSolve((s) => (s.runningShotId !== null ? s.progress[s.runningShotId] : undefined));
  const queued = useSolve((s) => s.queued.length);
  const provider = useSolve((s) => s.provider);
  const notice = useSolve((s) => s.notice);
  if (running === null && queued === 0 && !provider && !notice) return null;
  return (
    <span className="solve-status" data-testid="solve-status">
      <span className={`dot ${running !== null ? '' : 'idle'}`} />
      <span title="Execution provider of the solver">
        Solver <strong data-testid="solve-provider">{providerLabel(provider)}</strong>
      </span>
      {p ? <span className="num dim">{formatRate(p.framesPerSecond)} frames/s</span> : <span className="dim">{running !== null ? 'starting…' : 'idle'}</span>}
      {queued > 0 ? <span className="dim">{queued} queued</span> : null}
      {notice ? (
        <span className="solve-notice" data-testid="solve-notice" title={notice}>
          <Icon name="warn" /> {notice}
        </span>
      ) : null}
    </span>
  );
}
