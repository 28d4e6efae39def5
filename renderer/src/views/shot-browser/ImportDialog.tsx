// Import capture: pick the RGB source (image folder or video) and optional normal-map folder,
// name the shot, import with live progress (job.progress), then show the full report.
import { useRef, useState } from 'react';
import type { ImportReport } from '../../../../electron/common/api/schemas';
import { api } from '../../api/current';
import { toApiCallError } from '../../api/errors';
import { useApp } from '../../state/app-store';
import { refreshShots } from '../../state/actions';
import { notify, reportError } from '../../state/toasts';
import { Dialog } from '../../ui/Dialog';
import { FolderPicker } from './FolderPicker';
import { ImportReportView } from './ImportReportView';
import { EMPTY_FORM, toImportRequest, validateImport, type FormErrors, type ImportForm } from './import-form';
import { defaultShotName, splitPath } from '../../state/paths';

type Phase = { name: 'form'; error: string | null } | { name: 'running' } | { name: 'report'; report: ImportReport };

interface Props {
  onClose: () => void;
  onOpenShot: (shotId: number) => void;
}

/** Remembered across openings so the next import starts where the last one was picked. */
let lastFolder: string | null = null;

function parentOf(path: string): string | null {
  const parts = splitPath(path);
  if (parts.length <= 1) return null;
  const sep = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  const joined = parts.slice(0, -1).join(sep);
  return path.startsWith('/') ? `/${joined}` : joined;
}

export function ImportDialog({ onClose, onOpenShot }: Props) {
  const [form, setForm] = useState<ImportForm>(EMPTY_FORM);
  const [nameEdited, setNameEdited] = useState(false);
  const [touched, setTouched] = useState(false);
  const [phase, setPhase] = useState<Phase>({ name: 'form', error: null });
  const jobs = useApp((s) => s.jobs);
  /** Set when the user sends a running import to the background: its result becomes a toast. */
  const background = useRef(false);
  const readOnly = useApp((s) => s.project?.readOnly ?? false);

  const checked = validateImport(form);
  // The pattern is said to be wrong as it is typed (the other fields wait for Import).
  const errors: FormErrors = touched ? checked : checked.namePattern ? { namePattern: checked.namePattern } : {};
  const running = phase.name === 'running';

  const setRgb = (path: string) => {
    lastFolder = parentOf(path) ?? path;
    setForm((f) => ({ ...f, rgbSource: path, shotName: nameEdited ? f.shotName : defaultShotName(path) }));
  };

  const submit = async () => {
    setTouched(true);
    if (Object.keys(validateImport(form)).length > 0) return;
    setPhase({ name: 'running' });
    try {
      const report = await api().call('capture.import', toImportRequest(form));
      void refreshShots();
      if (!background.current) return setPhase({ name: 'report', report });
      const n = report.warnings.length;
      notify(
        `Imported ${report.shot.name}`,
        `${report.framesImported} frames${n ? `, ${n} warning${n === 1 ? '' : 's'} (see the shot's warnings)` : ''}.`,
        n ? 'info' : 'success',
      );
    } catch (err) {
      if (background.current) reportError(err, `Import of ${form.shotName}`);
      else setPhase({ name: 'form', error: toApiCallError(err).message });
    }
  };

  if (phase.name === 'report') {
    return (
      <Dialog
        title="Import report"
        onClose={onClose}
        width={720}
        testId="import-report"
        footer={
          <>
            <button className="btn" data-testid="import-report-close" onClick={onClose}>
              Close
            </button>
            <button className="btn primary" data-testid="import-report-open" onClick={() => onOpenShot(phase.report.shot.id)}>
              Open shot
            </button>
          </>
        }
      >
        <ImportReportView report={phase.report} />
      </Dialog>
    );
  }

  const job = Object.values(jobs).find((j) => j.kind === 'import' || j.kind === 'extract');
  const field = (key: keyof ImportForm) => ({
    className: `input${errors[key] ? ' invalid' : ''}`,
    'aria-invalid': errors[key] ? true : undefined,
  });

  return (
    <Dialog
      title="Import capture"
      onClose={onClose}
      busy={running}
      width={780}
      testId="import-dialog"
      footer={
        <>
          {running ? (
            <div className="import-progress" data-testid="import-progress">
              <span className="job-label">{job ? job.label : 'Starting import…'}</span>
              <div className={`progress${job && job.total > 0 ? '' : ' indeterminate'}`}>
                <div style={{ width: job && job.total > 0 ? `${(100 * job.done) / job.total}%` : undefined }} />
              </div>
              <span className="num dim">{job && job.total > 0 ? `${job.done} / ${job.total}` : ''}</span>
            </div>
          ) : (
            <span className="spacer" />
          )}
          {running ? (
            <button
              className="btn"
              title="Close this dialog; the import goes on and reports when done"
              onClick={() => {
                background.current = true;
                onClose();
              }}
            >
              Run in background
            </button>
          ) : (
            <button className="btn" onClick={onClose}>
              Cancel
            </button>
          )}
          <button
            className="btn primary"
            data-testid="import-submit"
            disabled={running || readOnly}
            onClick={() => void submit()}
            title={readOnly ? 'The project is read-only' : undefined}
          >
            {running ? 'Importing…' : 'Import'}
          </button>
        </>
      }
    >
      <div className="import-layout">
        <FolderPicker startPath={lastFolder} disabled={running} onUseRgb={setRgb} onUseNormal={(p) => setForm((f) => ({ ...f, normalSource: p }))} />
        <div className="import-form">
          <div className="field">
            <label htmlFor="imp-rgb">RGB plates (image folder or video)</label>
            <input
              id="imp-rgb"
              {...field('rgbSource')}
              className={`${field('rgbSource').className} mono`}
              data-testid="import-rgb-source"
              value={form.rgbSource}
              spellCheck={false}
              placeholder="Pick in the browser on the left, or paste a path"
              disabled={running}
              onChange={(e) => setRgb(e.target.value)}
            />
            {errors.rgbSource ? <span className="field-error">{errors.rgbSource}</span> : null}
          </div>
          <div className="field">
            <label htmlFor="imp-normal">Normal maps (optional folder)</label>
            <div className="input-row">
              <input
                id="imp-normal"
                {...field('normalSource')}
                className={`${field('normalSource').className} mono`}
                data-testid="import-normal-source"
                value={form.normalSource}
                spellCheck={false}
                placeholder="None"
                disabled={running}
                onChange={(e) => setForm((f) => ({ ...f, normalSource: e.target.value }))}
              />
              {form.normalSource ? (
                <button
                  className="btn icon"
                  aria-label="Clear normal maps"
                  title="Clear"
                  disabled={running}
                  onClick={() => setForm((f) => ({ ...f, normalSource: '' }))}
                >
                  ×
                </button>
              ) : null}
            </div>
            {errors.normalSource ? <span className="field-error">{errors.normalSource}</span> : null}
          </div>
          {form.normalSource ? (
            <div className="field">
              <label htmlFor="imp-conv">Normal-map convention</label>
              <select
                id="imp-conv"
                className="input"
                data-testid="import-normal-convention"
                value={form.normalConvention}
                disabled={running}
                onChange={(e) => setForm((f) => ({ ...f, normalConvention: e.target.value === 'directx' ? 'directx' : 'opengl' }))}
              >
                <option value="opengl">OpenGL (+Y up)</option>
                <option value="directx">DirectX (+Y down) — converted on import</option>
              </select>
            </div>
          ) : null}
          <div className="field-row">
            <div className="field grow">
              <label htmlFor="imp-name">Shot name</label>
              <input
                id="imp-name"
                {...field('shotName')}
                data-testid="import-shot-name"
                value={form.shotName}
                disabled={running}
                onChange={(e) => {
                  setNameEdited(true);
                  setForm((f) => ({ ...f, shotName: e.target.value }));
                }}
              />
              {errors.shotName ? <span className="field-error">{errors.shotName}</span> : null}
            </div>
            <div className="field fps">
              <label htmlFor="imp-fps">FPS</label>
              <input
                id="imp-fps"
                {...field('fps')}
                className={`${field('fps').className} num`}
                data-testid="import-fps"
                value={form.fps}
                inputMode="decimal"
                placeholder="auto"
                disabled={running}
                onChange={(e) => setForm((f) => ({ ...f, fps: e.target.value }))}
              />
            </div>
          </div>
          {errors.fps ? (
            <span className="field-error">{errors.fps}</span>
          ) : (
            <span className="field-hint">FPS blank: the video’s rate, or the project default for image sequences.</span>
          )}
          <label className="check" title="Synthetic captures (rigsolve synth-shot) carry their true curves in truth.csv beside the plates">
            <input
              type="checkbox"
              data-testid="import-truth-take"
              checked={form.truthTake}
              disabled={running}
              onChange={(e) => setForm((f) => ({ ...f, truthTake: e.target.checked }))}
            />
            Also import the ground truth (truth.csv beside the capture) as a comparison take
          </label>
          <div className="field">
            <label htmlFor="imp-pattern">Slate from names</label>
            <input
              id="imp-pattern"
              {...field('namePattern')}
              data-testid="import-name-pattern"
              value={form.namePattern}
              placeholder="sc{scene}_tk{take}_{actor} (optional)"
              disabled={running}
              onChange={(e) => setForm((f) => ({ ...f, namePattern: e.target.value }))}
            />
            {errors.namePattern ? (
              <span className="field-error">{errors.namePattern}</span>
            ) : (
              <span className="field-hint">
                Scene, take, actor and start timecode from the shot name or the capture’s: {'{scene} {take} {actor} {timecode}'}, {'{*}'} skips.
              </span>
            )}
          </div>
          {phase.name === 'form' && phase.error ? (
            <div className="form-error" role="alert" data-testid="import-error">
              <strong>Import failed.</strong> {phase.error}
            </div>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
