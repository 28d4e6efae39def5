// Delivery: every approved shot to one folder, one file per shot, named after the shot. The host
// carries on past a shot it cannot export and lists it, so one bad shot does not hold back the rest.
import { useEffect, useMemo, useState } from 'react';
import type { ExportFormat } from '../../../electron/common/api/schemas';
import type { RememberedExport } from '../../../electron/common/export/options';
import { toApiCallError } from '../api/errors';
import { FeatureIcon } from '../ui/icons';
import { useApp } from '../state/app-store';
import { Dialog } from '../ui/Dialog';
import { DirectoryField } from './DirectoryField';
import { DEFAULT_TOLERANCE, exportFileName, formatMaxError, reductionText } from './export-form';
import { exportApprovedShots, rememberedExportSettings, type ExportApprovedResult } from './export-client';
import { initialDir, initialFormat, rememberExport } from './ExportDialog';
import { FORMATS, formatInfo } from './formats';
import './export.css';

export function BatchExportDialog({ onClose }: { onClose: () => void }) {
  const project = useApp((s) => s.project);
  const shots = useApp((s) => s.shots);
  const approved = useMemo(() => shots.filter((x) => x.status === 'approved'), [shots]);
  const [format, setFormat] = useState<ExportFormat>(initialFormat);
  const [dir, setDir] = useState(() => initialDir(project?.path ?? null));
  const [tolerance, setTolerance] = useState(String(DEFAULT_TOLERANCE));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportApprovedResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The shot dialog's node name, start frame and timecode offset, as the project last used them.
  const [last, setLast] = useState<RememberedExport | null>(null);
  useEffect(() => {
    let live = true;
    rememberedExportSettings()
      .then((r) => live && setLast(r))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const info = formatInfo(format);
  const carried = [
    info.options.nodeName && last?.nodeName ? `node ${last.nodeName}` : null,
    info.options.startFrame && last?.startFrame != null ? `start frame ${last.startFrame}` : null,
    info.options.timecode && last?.timecodeOffset ? `timecode offset ${last.timecodeOffset}` : null,
    last?.headMotion === false ? 'no head motion' : info.options.headNode && last?.headNode ? `head node ${last.headNode}` : null,
  ].filter((x): x is string => x !== null);
  const tol = Number(tolerance);
  const tolOk = !info.keyed || (tolerance.trim() !== '' && Number.isFinite(tol) && tol >= 0 && tol <= 1);
  const ok = info.available && dir.trim() !== '' && tolOk && approved.length > 0;

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setResult(
        await exportApprovedShots({
          format,
          outDir: dir.trim(),
          tolerance: info.keyed ? tol : null,
          nodeName: last?.nodeName ?? null,
          startFrame: last?.startFrame ?? null,
          timecodeOffset: last?.timecodeOffset ?? null,
          headMotion: last?.headMotion ?? null,
          headNode: last?.headNode ?? null,
        }),
      );
      rememberExport(dir.trim(), format);
    } catch (err) {
      setFailure(toApiCallError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Export approved shots"
      onClose={onClose}
      busy={busy}
      width={700}
      testId="batch-export-dialog"
      footer={
        <>
          <span className="dim">
            {approved.length} approved shot{approved.length === 1 ? '' : 's'}
          </span>
          <span className="spacer" />
          <button className="btn" onClick={onClose} disabled={busy}>
            {result ? 'Close' : 'Cancel'}
          </button>
          <button className="btn primary" data-testid="batch-export-submit" disabled={!ok || busy} onClick={() => void submit()}>
            {busy ? <span className="spinner" /> : <FeatureIcon name="export" />} Export {approved.length}
          </button>
        </>
      }
    >
      {approved.length === 0 ? <div className="export-warn">No shot is approved yet. Approve shots in review, then deliver them here.</div> : null}
      <div className="export-grid">
        <span className="field-label">Format</span>
        <div className="format-list" role="radiogroup" aria-label="Format">
          {FORMATS.map((f) => (
            <label key={f.format} className={`format-option${format === f.format ? ' on' : ''}${f.available ? '' : ' coming'}`} title={f.hint}>
              <input type="radio" name="batch-format" checked={format === f.format} disabled={!f.available || busy} onChange={() => setFormat(f.format)} />
              {f.label}
              {!f.available ? <span className="tag">coming</span> : null}
            </label>
          ))}
        </div>
        <span className="field-label">Tolerance</span>
        <div className="tolerance-row">
          <input
            className={`input num tolerance-input${tolOk ? '' : ' invalid'}`}
            value={info.keyed ? tolerance : ''}
            placeholder={info.keyed ? '' : 'every frame'}
            disabled={!info.keyed || busy}
            onChange={(e) => setTolerance(e.target.value)}
          />
          <span className="field-hint">
            {info.keyed ? 'Largest value error a removed key may cause; 0 keeps every frame.' : `${info.label} keeps a value on every frame.`}
          </span>
        </div>
        {carried.length > 0 ? (
          <>
            <span className="field-label">Settings</span>
            <span className="field-hint" data-testid="batch-export-settings">
              {carried.join(' · ')} (the project’s last export)
            </span>
          </>
        ) : null}
        <span className="field-label">Folder</span>
        <DirectoryField value={dir} onChange={setDir} disabled={busy} testId="batch-export-dir" />
        <span className="field-label">Files</span>
        <span className="dim mono batch-names" title={approved.map((s) => exportFileName(s.name, format)).join('\n')}>
          {approved
            .slice(0, 4)
            .map((s) => exportFileName(s.name, format))
            .join(', ')}
          {approved.length > 4 ? `, … (${approved.length})` : ''}
        </span>
      </div>
      {failure ? (
        <div className="export-failure" role="alert">
          {failure}
        </div>
      ) : null}
      {result ? (
        <div className="batch-result" data-testid="batch-export-result">
          <div className="batch-result-head">
            <span className="ok-text">{result.exported.length} exported</span>
            {result.failed.length > 0 ? <span className="bad-text"> · {result.failed.length} failed</span> : null}
          </div>
          <table className="batch-table">
            <thead>
              <tr>
                <th>Shot</th>
                <th>Keys</th>
                <th className="c-num">Max error</th>
              </tr>
            </thead>
            <tbody>
              {result.exported.map((r) => (
                <tr key={r.path} title={r.path}>
                  <td>{r.shot}</td>
                  <td className="num dim">{reductionText(r.keysBefore, r.keysAfter)}</td>
                  <td className="c-num num">{formatMaxError(r.maxError)}</td>
                </tr>
              ))}
              {result.failed.map((f) => (
                <tr key={`failed-${f.shot}`} className="failed">
                  <td>{f.shot}</td>
                  <td colSpan={2} className="bad-text">
                    {f.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Dialog>
  );
}
