// Export one shot's final curves (filtered solve + corrections): format, take, frame range, key
// tolerance and destination; the result says how many keys the reduction kept and the largest
// error it introduced, so an animator can trust a lighter file.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExportFormat, ShotDetail, TakeSummary } from '../../../electron/common/api/schemas';
import { toApiCallError } from '../api/errors';
import { FeatureIcon } from '../ui/icons';
import { takeLabel } from '../solve';
import { takesNewestFirst, useTakes } from '../state/takes-store';
import { useApp } from '../state/app-store';
import { Dialog } from '../ui/Dialog';
import { DirectoryField } from './DirectoryField';
import {
  checkExportForm,
  DEFAULT_HEAD_NODE,
  DEFAULT_NODE_NAME,
  DEFAULT_TOLERANCE,
  defaultExportDir,
  exportFileName,
  formatMaxError,
  reductionText,
  swapExtension,
  type ExportFormState,
} from './export-form';
import { exportShotFile, rememberedExportSettings, type ExportShotResult } from './export-client';
import { FORMATS, formatInfo } from './formats';
import './export.css';

const NO_TAKES: readonly TakeSummary[] = [];
const LAST_DIR_KEY = 'rigsolve.export.dir';
const LAST_FORMAT_KEY = 'rigsolve.export.format';

function stored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function rememberExport(dir: string, format: ExportFormat): void {
  try {
    globalThis.localStorage?.setItem(LAST_DIR_KEY, dir);
    globalThis.localStorage?.setItem(LAST_FORMAT_KEY, format);
  } catch {
    // storage blocked: defaults next time
  }
}

export function initialDir(projectPath: string | null): string {
  return stored(LAST_DIR_KEY) ?? defaultExportDir(projectPath) ?? '';
}

export function initialFormat(): ExportFormat {
  const f = stored(LAST_FORMAT_KEY);
  return FORMATS.find((x) => x.format === f && x.available)?.format ?? 'anim';
}

/** The shot's in/out marks (the review's I / O): the "Marked" range. */
export interface MarkedRange {
  in: number | null;
  out: number | null;
}

export function ExportDialog({ shot, marks, onClose }: { shot: ShotDetail; marks: MarkedRange; onClose: () => void }) {
  const project = useApp((s) => s.project);
  const takes = useTakes((s) => (s.shotId === shot.id ? s.takes : NO_TAKES));
  const first = shot.firstFrame ?? 0;
  const last = shot.lastFrame ?? 0;
  const hasMarks = marks.in !== null && marks.out !== null;
  const [form, setForm] = useState<ExportFormState>(() => {
    const format = initialFormat();
    return {
      format,
      dir: initialDir(project?.path ?? null),
      fileName: exportFileName(shot.name, format),
      tolerance: String(DEFAULT_TOLERANCE),
      range: { kind: 'all', from: first, to: last },
      takeId: null,
      nodeName: '',
      startFrame: '',
      timecodeOffset: '',
      headMotion: true,
      headNode: '',
    };
  });
  // The project remembers its last export's format and settings: open with them, unless the
  // animator has already changed the form.
  const touched = useRef(false);
  useEffect(() => {
    let live = true;
    rememberedExportSettings()
      .then((last) => {
        if (!live || !last || touched.current) return;
        const format = formatInfo(last.format).available ? last.format : null;
        setForm((f) => ({
          ...f,
          ...(format ? { format, fileName: swapExtension(f.fileName, f.format, format) } : {}),
          tolerance: String(last.tolerance ?? DEFAULT_TOLERANCE),
          nodeName: last.nodeName ?? '',
          startFrame: last.startFrame === null ? '' : String(last.startFrame),
          timecodeOffset: last.timecodeOffset ?? '',
          headMotion: last.headMotion ?? true,
          headNode: last.headNode ?? '',
        }));
      })
      .catch(() => undefined); // nothing remembered: the defaults
    return () => {
      live = false;
    };
  }, []);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportShotResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const checked = useMemo(() => checkExportForm(form, { first, last }), [form, first, last]);
  const errors = checked.ok ? {} : checked.errors;
  const complete = takesNewestFirst(takes).filter((t) => t.state === 'complete');
  const active = complete.find((t) => t.active);
  const info = formatInfo(form.format);
  const timecodeBase = shot.startTimecode ? `from the shot’s start timecode, ${shot.startTimecode}` : 'its frame number, counted from 00:00:00:00';
  const set = (patch: Partial<ExportFormState>) => {
    touched.current = true;
    setForm((f) => ({ ...f, ...patch }));
    setResult(null);
    setFailure(null);
  };

  const submit = async () => {
    if (!checked.ok) return;
    setBusy(true);
    setFailure(null);
    try {
      const r = await exportShotFile({ shotId: shot.id, ...checked.request });
      setResult(r);
      rememberExport(form.dir.trim(), form.format);
    } catch (err) {
      setFailure(toApiCallError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Export ${shot.name}`}
      onClose={onClose}
      busy={busy}
      width={700}
      testId="export-dialog"
      footer={
        <>
          {result ? <span className="ok-text">Exported.</span> : null}
          <span className="spacer" />
          <button className="btn" onClick={onClose} disabled={busy}>
            {result ? 'Close' : 'Cancel'}
          </button>
          <button className="btn primary" data-testid="export-submit" disabled={!checked.ok || busy || !active} onClick={() => void submit()}>
            {busy ? <span className="spinner" /> : <FeatureIcon name="export" />} {result ? 'Export again' : 'Export'}
          </button>
        </>
      }
    >
      {!active ? <div className="export-warn">This shot has no complete take yet: solve it first.</div> : null}
      <div className="export-grid">
        <span className="field-label">Format</span>
        <div className="format-list" role="radiogroup" aria-label="Format">
          {FORMATS.map((f) => (
            <label key={f.format} className={`format-option${form.format === f.format ? ' on' : ''}${f.available ? '' : ' coming'}`} title={f.hint}>
              <input
                type="radio"
                name="format"
                data-testid={`export-format-${f.format}`}
                checked={form.format === f.format}
                disabled={!f.available || busy}
                onChange={() => set({ format: f.format, fileName: swapExtension(form.fileName, form.format, f.format) })}
              />
              {f.label}
              {!f.available ? <span className="tag">coming</span> : null}
            </label>
          ))}
        </div>
        <span />
        <span className="field-hint">{info.hint}</span>

        <span className="field-label">Take</span>
        <select
          className="input"
          data-testid="export-take"
          value={form.takeId ?? ''}
          disabled={busy}
          onChange={(e) => set({ takeId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">Active take{active ? ` (${takeLabel(active)})` : ''}</option>
          {complete
            .filter((t) => !t.active)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {takeLabel(t)} · {t.modelId}
              </option>
            ))}
        </select>

        <span className="field-label">Frames</span>
        <div className="range-choice">
          <label>
            <input type="radio" name="range" checked={form.range.kind === 'all'} onChange={() => set({ range: { kind: 'all', from: first, to: last } })} />{' '}
            Whole shot{' '}
            <span className="num dim">
              {first}–{last}
            </span>
          </label>
          <label className={hasMarks ? '' : 'faint'} title={hasMarks ? undefined : 'Mark a range with I and O on the timeline'}>
            <input
              type="radio"
              name="range"
              disabled={!hasMarks}
              checked={form.range.kind === 'marked'}
              onChange={() => hasMarks && set({ range: { kind: 'marked', from: marks.in!, to: marks.out! } })}
            />{' '}
            Marked <span className="num dim">{hasMarks ? `${marks.in}–${marks.out}` : '(I / O)'}</span>
          </label>
          <label>
            <input type="radio" name="range" checked={form.range.kind === 'custom'} onChange={() => set({ range: { ...form.range, kind: 'custom' } })} /> From
          </label>
          <input
            className="input num range-input"
            aria-label="First frame"
            disabled={form.range.kind !== 'custom'}
            value={form.range.from}
            onChange={(e) => set({ range: { ...form.range, from: Math.round(Number(e.target.value)) } })}
          />
          <span className="dim">to</span>
          <input
            className="input num range-input"
            aria-label="Last frame"
            disabled={form.range.kind !== 'custom'}
            value={form.range.to}
            onChange={(e) => set({ range: { ...form.range, to: Math.round(Number(e.target.value)) } })}
          />
        </div>
        {errors.range ? (
          <>
            <span />
            <span className="field-error">{errors.range}</span>
          </>
        ) : null}

        <span className="field-label">Tolerance</span>
        <div className="tolerance-row">
          <input
            className={`input num tolerance-input${errors.tolerance ? ' invalid' : ''}`}
            data-testid="export-tolerance"
            value={info.keyed ? form.tolerance : ''}
            placeholder={info.keyed ? '' : 'every frame'}
            disabled={!info.keyed || busy}
            onChange={(e) => set({ tolerance: e.target.value })}
          />
          <span className="field-hint">
            {info.keyed
              ? 'Largest value error a removed key may cause (control values are 0–1); 0 keeps every frame.'
              : `${info.label} keeps a value on every frame.`}
          </span>
        </div>
        {errors.tolerance ? (
          <>
            <span />
            <span className="field-error">{errors.tolerance}</span>
          </>
        ) : null}

        <span className="field-label">Start frame</span>
        <div className="tolerance-row">
          <input
            className={`input num tolerance-input${errors.startFrame ? ' invalid' : ''}`}
            data-testid="export-start-frame"
            value={info.options.startFrame ? form.startFrame : ''}
            placeholder={info.options.startFrame ? String(form.range.kind === 'all' ? first : form.range.from) : '—'}
            disabled={!info.options.startFrame || busy}
            onChange={(e) => set({ startFrame: e.target.value })}
          />
          <span className="field-hint">
            {info.options.startFrame
              ? 'The number the first exported frame gets (1001 lines shots up in Maya); empty keeps the shot’s.'
              : `${info.label} has no frame numbers.`}
          </span>
        </div>
        {errors.startFrame ? (
          <>
            <span />
            <span className="field-error">{errors.startFrame}</span>
          </>
        ) : null}

        <span className="field-label">Timecode offset</span>
        <div className="tolerance-row">
          <input
            className={`input num tolerance-input${errors.timecodeOffset ? ' invalid' : ''}`}
            data-testid="export-timecode-offset"
            value={info.options.timecode ? form.timecodeOffset : ''}
            placeholder={info.options.timecode ? '00:00:00:00' : '—'}
            disabled={!info.options.timecode || busy}
            onChange={(e) => set({ timecodeOffset: e.target.value })}
          />
          <span className="field-hint">
            {info.options.timecode ? `Added to every frame’s timecode (${timecodeBase}); -00:00:01:00 moves it back.` : `${info.label} has no timecode.`}
          </span>
        </div>
        {errors.timecodeOffset ? (
          <>
            <span />
            <span className="field-error">{errors.timecodeOffset}</span>
          </>
        ) : null}

        <span className="field-label">blendShape node</span>
        <div className="tolerance-row">
          <input
            className={`input mono file-input${errors.nodeName ? ' invalid' : ''}`}
            data-testid="export-node-name"
            value={info.options.nodeName ? form.nodeName : ''}
            placeholder={info.options.nodeName ? DEFAULT_NODE_NAME : 'Maya only'}
            disabled={!info.options.nodeName || busy}
            onChange={(e) => set({ nodeName: e.target.value })}
          />
        </div>
        {errors.nodeName ? (
          <>
            <span />
            <span className="field-error">{errors.nodeName}</span>
          </>
        ) : null}

        <span className="field-label">Head motion</span>
        <div className="tolerance-row">
          <label className="check" title="The take's head rotation (degrees) and translation (mm), when it has them">
            <input
              type="checkbox"
              data-testid="export-head-motion"
              checked={form.headMotion}
              disabled={busy}
              onChange={(e) => set({ headMotion: e.target.checked })}
            />
            Export head motion
          </label>
          <input
            className={`input mono file-input${errors.headNode ? ' invalid' : ''}`}
            data-testid="export-head-node"
            value={info.options.headNode && form.headMotion ? form.headNode : ''}
            placeholder={info.options.headNode ? (form.headMotion ? DEFAULT_HEAD_NODE : 'no head motion') : 'columns, no node'}
            disabled={!info.options.headNode || !form.headMotion || busy}
            onChange={(e) => set({ headNode: e.target.value })}
            title="The node the head's rotation and translation go on (.anim, glTF)"
          />
        </div>
        {errors.headNode ? (
          <>
            <span />
            <span className="field-error">{errors.headNode}</span>
          </>
        ) : null}

        <span className="field-label">Folder</span>
        <DirectoryField value={form.dir} onChange={(dir) => set({ dir })} error={errors.dir} disabled={busy} testId="export-dir" />

        <span className="field-label">File name</span>
        <div>
          <input
            className={`input mono file-input${errors.fileName ? ' invalid' : ''}`}
            data-testid="export-file"
            value={form.fileName}
            disabled={busy}
            onChange={(e) => set({ fileName: e.target.value })}
          />
          {errors.fileName ? <span className="field-error">{errors.fileName}</span> : null}
        </div>
      </div>
      {failure ? (
        <div className="export-failure" role="alert">
          {failure}
        </div>
      ) : null}
      {result ? <ExportResultView result={result} /> : null}
    </Dialog>
  );
}

export function ExportResultView({ result }: { result: ExportShotResult }) {
  const take = useTakes((s) => s.takes.find((t) => t.id === result.takeId)) ?? { id: result.takeId };
  return (
    <div className="export-result" data-testid="export-result">
      <dl className="kv">
        <dt>Written</dt>
        <dd className="mono path" title={result.path}>
          {result.path}
        </dd>
        <dt>Content</dt>
        <dd className="num">
          {result.frames} frames × {result.controls} controls · {takeLabel(take)}
        </dd>
        <dt>Keys</dt>
        <dd className="num" data-testid="export-keys">
          {reductionText(result.keysBefore, result.keysAfter)}
        </dd>
        <dt>Max error</dt>
        <dd className="num" data-testid="export-max-error">
          {formatMaxError(result.maxError)}
        </dd>
      </dl>
    </div>
  );
}
