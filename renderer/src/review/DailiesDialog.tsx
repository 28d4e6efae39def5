// "Dailies…" in review: a movie of this shot, plate | head with burn-ins (and the open notes'
// drawings, if asked), H.264, written on the host; progress with the time left while it renders.
import { useRef, useState } from 'react';
import type { DailiesResult, ShotDetail } from '../../../electron/common/api/schemas';
import { api } from '../api/current';
import { toApiCallError } from '../api/errors';
import { useApp } from '../state/app-store';
import { notify } from '../state/toasts';
import { Dialog } from '../ui/Dialog';
import { dailiesProgressText, defaultDailiesPath, formatSeconds } from './dailies-format';

export function DailiesDialog({ shot, onClose }: { shot: ShotDetail; onClose: () => void }) {
  const project = useApp((s) => s.project);
  const [out, setOut] = useState(() => defaultDailiesPath(project?.path, shot.name));
  const [notes, setNotes] = useState(true);
  const [overlay, setOverlay] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<DailiesResult | null>(null);
  const started = useRef(0);
  const job = useApp((s) => Object.values(s.jobs).find((j) => j.kind === 'dailies') ?? null);

  const render = async () => {
    setBusy(true);
    setError(null);
    started.current = performance.now();
    try {
      const r = await api().call('dailies.render', { shotIds: [shot.id], out: out.trim(), notes, overlay });
      setResult(r);
      notify('Dailies written', r.path, 'success');
    } catch (err) {
      setError(toApiCallError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Dailies of ${shot.name}`}
      onClose={onClose}
      busy={busy}
      width={560}
      testId="dailies-dialog"
      footer={
        <>
          {busy ? (
            <button
              className="btn"
              data-testid="dailies-stop"
              disabled={!job}
              onClick={() =>
                job &&
                void api()
                  .call('dailies.cancel', { jobId: job.jobId })
                  .catch((err: unknown) => setError(toApiCallError(err).message))
              }
            >
              Stop
            </button>
          ) : (
            <button className="btn" onClick={onClose}>
              {result ? 'Close' : 'Cancel'}
            </button>
          )}
          <button className="btn primary" data-testid="dailies-render" disabled={busy || !out.trim()} onClick={() => void render()}>
            {busy ? 'Rendering…' : 'Render'}
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field-label">Movie (H.264, .mp4 or .mov)</span>
        <input className="input" data-testid="dailies-out" value={out} disabled={busy} onChange={(e) => setOut(e.target.value)} />
      </label>
      <label className="check dailies-option">
        <input type="checkbox" data-testid="dailies-notes" checked={notes} disabled={busy} onChange={(e) => setNotes(e.target.checked)} /> Drawn notes and their
        words on their frames
      </label>
      <label className="check dailies-option">
        <input type="checkbox" data-testid="dailies-overlay" checked={overlay} disabled={busy} onChange={(e) => setOverlay(e.target.checked)} /> Plate behind
        the head
      </label>
      <p className="faint">Plate | head at 1280×720, burn-ins: project, shot, take, frame, timecode, status, artist.</p>
      {busy ? (
        <div className="dailies-progress" data-testid="dailies-progress">
          <progress max={job?.total || 1} value={job?.done ?? 0} />
          <span className="dim num">{job ? dailiesProgressText(job, (performance.now() - started.current) / 1000) : 'Starting…'}</span>
        </div>
      ) : null}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
      {result ? (
        <p className="dim" data-testid="dailies-result">
          Wrote {result.path}: {result.frames} frames, {result.width}×{result.height} at {result.fps} fps, in {formatSeconds(result.renderSeconds)} (
          {result.framesPerSecond.toFixed(1)} frames/s).
        </p>
      ) : null}
    </Dialog>
  );
}
