// The curve editor of the shot view: channel list | graph | inspector, with its toolbar, over the
// session useCurveShot opened; says plainly when there is nothing to edit yet.
import type { ShotDetail } from '../../../electron/common/api/schemas';
import { ChannelList } from './ChannelList';
import { CurveToolbar } from './CurveToolbar';
import { useCurveEditor } from './editor-store';
import { Graph } from './Graph';
import { Inspector } from './Inspector';
import './curves.css';

export function CurveEditor({ shot }: { shot: ShotDetail }) {
  const phase = useCurveEditor((s) => s.phase);
  const message = useCurveEditor((s) => s.message);

  if (phase !== 'ready') return <NotReady phase={phase} message={message} shotName={shot.name} />;
  return (
    <div className="curve-editor" data-testid="curve-editor">
      <CurveToolbar />
      <div className="curve-body">
        <ChannelList />
        <Graph />
        <Inspector />
      </div>
    </div>
  );
}

function NotReady({ phase, message, shotName }: { phase: string; message: string; shotName: string }) {
  if (phase === 'loading' || phase === 'idle') {
    return (
      <div className="curve-editor empty" data-testid="curve-editor-loading">
        <span className="spinner" /> Loading curves…
      </div>
    );
  }
  if (phase === 'solving') {
    return (
      <div className="curve-editor empty" data-testid="curve-editor-solving">
        <div className="curve-empty-card">
          <span className="spinner" />
          <h3>Solving…</h3>
          <p className="dim">The curves appear here when the solve finishes{message ? ` (${message})` : ''}.</p>
        </div>
      </div>
    );
  }
  if (phase === 'error') {
    return (
      <div className="curve-editor empty" data-testid="curve-editor-error">
        <div className="curve-empty-card">
          <h3>Cannot show the curves</h3>
          <p className="dim">{message}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="curve-editor empty" data-testid="curve-editor-unsolved">
      <div className="curve-empty-card">
        <h3>Not solved yet</h3>
        <p className="dim">
          {message ? `${message}. ` : ''}Solve this shot to get its control curves: use <strong>Solve</strong> in the shot’s toolbar, or from a terminal
        </p>
        <code className="mono">rigsolve solve --project &lt;project&gt; --shot {shotName}</code>
        <p className="dim">The plate and timeline work meanwhile.</p>
      </div>
    </div>
  );
}
