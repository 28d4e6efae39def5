// Per-frame warnings of one shot (from shot.frames), as a side drawer of the shot browser.
// Clicking a frame opens the shot on it.
import { api } from '../../api/current';
import type { FrameInfo, ShotSummary } from '../../../../electron/common/api/schemas';
import { navigate } from '../../state/route';
import { useQuery } from '../../state/use-query';
import { Icon } from '../../ui/Icon';
import { countIssues, issueLabel } from '../../state/format';

const MAX_ROWS = 2000;

export function WarningsPanel({ shot, onClose }: { shot: ShotSummary; onClose: () => void }) {
  const q = useQuery(() => api().call('shot.frames', { shotId: shot.id }), String(shot.id), shot.id);
  const bad: FrameInfo[] = (q.data ?? []).filter((f) => f.status !== 'ok');
  const summary = countIssues(bad.flatMap((f) => f.issues.map((i) => i.code)));

  return (
    <aside className="warnings-panel" data-testid="warnings-panel">
      <header className="panel-head">
        <Icon name="warn" />
        <span className="panel-title">Frame warnings</span>
        <span className="dim">{shot.name}</span>
        <button className="btn ghost icon" onClick={onClose} aria-label="Close warnings" title="Close">
          <Icon name="close" />
        </button>
      </header>
      {q.loading && !q.data ? (
        <div className="loading-center">
          <span className="spinner" /> Loading frames…
        </div>
      ) : q.error ? (
        <div className="panel-msg error">{q.error.message}</div>
      ) : (
        <>
          <div className="warn-summary">
            <span>
              <strong className="num">{bad.length}</strong> of <span className="num">{q.data?.length ?? 0}</span> frames
            </span>
            {summary.map(([code, n]) => (
              <span key={code} className="pill">
                {issueLabel(code)} <span className="num">{n}</span>
              </span>
            ))}
          </div>
          <ul className="warn-list">
            {bad.slice(0, MAX_ROWS).map((f) => (
              <li key={f.frame}>
                <button className="warn-row" title="Open the shot at this frame" onClick={() => navigate({ name: 'shot', shotId: shot.id, frame: f.frame })}>
                  <span className={`dot ${f.status === 'missing' ? 'bad' : 'warn'}`} />
                  <span className="num warn-frame">{f.frame}</span>
                  <span className="warn-msgs">
                    {f.issues.map((i, k) => (
                      <span key={k}>
                        <b>{issueLabel(i.code)}</b> {i.message}
                      </span>
                    ))}
                  </span>
                </button>
              </li>
            ))}
            {bad.length > MAX_ROWS ? <li className="faint warn-more">…and {bad.length - MAX_ROWS} more frames</li> : null}
            {bad.length === 0 ? <li className="faint warn-more">No frame has a warning.</li> : null}
          </ul>
        </>
      )}
    </aside>
  );
}
