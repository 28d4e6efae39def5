// Take comparison: two takes, or a take against the animator's final curves, summed up per
// control (mean and max absolute difference, largest first). A row jumps to its worst frame; the
// second take can be shown on a second head (state/compare-store + previewMode 'compare').
import { useEffect, useMemo, useState } from 'react';
import type { TakeSummary } from '../../../electron/common/api/schemas';
import { toApiCallError } from '../api/errors';
import { useControlValues } from '../state/control-values';
import { seek, usePlayhead } from '../state/playhead';
import { takeLabel } from '../solve';
import { takesNewestFirst, useTakes } from '../state/takes-store';
import { curvesFromSampler, diffCurves, diffSummary, type ControlDiff } from './compare-diff';
import { clearCompare, setCompareCurves, useCompare } from '../state/compare-store';
import { loadTakeCurves } from './take-curves';

/** 'final' is the curve editor's output (needs its sampler); a number is a take id. */
type Side = number | 'final';

const SHOWN_ROWS = 40;
/** A difference a viewer would notice on the face (control values are 0–1). */
const NOTICEABLE = 0.05;

function sideLabel(side: Side, takes: readonly TakeSummary[] | null): string {
  return side === 'final' ? 'Final curves' : takeLabel(takes?.find((t) => t.id === side) ?? { id: side });
}

async function curvesOf(side: Side): Promise<{ controls: readonly string[]; first: number; curves: ReadonlyMap<string, Float32Array> }> {
  if (side !== 'final') {
    const t = await loadTakeCurves(side);
    return { controls: t.header.controls, first: t.header.firstFrame, curves: t.curves };
  }
  const cv = useControlValues.getState();
  const ph = usePlayhead.getState();
  const sample = cv.sample;
  const curves = sample ? curvesFromSampler(cv.controls, ph.first, ph.last, (f, out) => sample(f, 'final', out)) : null;
  if (!curves) throw new Error('The final curves come from the curve editor; open it on this shot first.');
  return { controls: cv.controls, first: ph.first, curves };
}

export function ComparePanel({ shotId }: { shotId: number }) {
  const takes = useTakes((s) => (s.shotId === shotId ? s.takes : null));
  const hasFinal = useControlValues((s) => s.shotId === shotId && s.sample !== null);
  const onHead = useCompare((s) => s.shotId === shotId && s.curves !== null);
  const complete = useMemo(() => takesNewestFirst(takes ?? []).filter((t: TakeSummary) => t.state === 'complete' || t.framesDone > 0), [takes]);
  const active = complete.find((t) => t.active) ?? complete[0];
  const [a, setA] = useState<Side | null>(null);
  const [b, setB] = useState<Side | null>(null);
  const [result, setResult] = useState<{ diffs: ControlDiff[]; label: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Sensible defaults: the active take against the one before it (or the final curves).
  const sideA: Side | null = a ?? active?.id ?? null;
  const sideB: Side | null = b ?? complete.find((t) => t.id !== sideA)?.id ?? (hasFinal ? 'final' : null);

  useEffect(() => () => clearCompare(), [shotId]);

  const run = async () => {
    if (sideA === null || sideB === null) return;
    setBusy(true);
    setError(null);
    try {
      const [ca, cb] = await Promise.all([curvesOf(sideA), curvesOf(sideB)]);
      const offset = cb.first - ca.first;
      const lookupB = (c: string) => {
        const v = cb.curves.get(c);
        // Align B on A's frames (both cover the shot; a range export may not).
        return v && offset !== 0 ? Float32Array.from({ length: ca.curves.get(c)?.length ?? 0 }, (_, i) => v[i - offset] ?? Number.NaN) : v;
      };
      setResult({
        diffs: diffCurves(ca.controls, (c) => ca.curves.get(c), lookupB, ca.first),
        label: `${sideLabel(sideA, takes)} vs ${sideLabel(sideB, takes)}`,
      });
      if (onHead) setCompareCurves(shotId, sideLabel(sideB, takes), cb.first, cb.curves);
    } catch (err) {
      setError(toApiCallError(err).message);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  const showOnHead = async (on: boolean) => {
    if (!on || sideB === null) {
      clearCompare();
      return;
    }
    try {
      const cb = await curvesOf(sideB);
      setCompareCurves(shotId, sideLabel(sideB, takes), cb.first, cb.curves);
      useControlValues.setState({ previewMode: 'compare' });
    } catch (err) {
      setError(toApiCallError(err).message);
    }
  };

  if (!takes) return null;
  if (complete.length === 0) return <p className="dim panel-empty">Compare needs a take: solve the shot first.</p>;
  const options: Side[] = [...complete.map((t) => t.id), ...(hasFinal ? (['final'] as const) : [])];
  const top = result?.diffs[0]?.max ?? 0;
  const summary = result ? diffSummary(result.diffs, NOTICEABLE) : null;

  return (
    <div className="compare-panel" data-testid="compare-panel">
      <div className="compare-pick">
        <SideSelect label="A" value={sideA} options={options} takes={takes} onChange={(v) => setA(v)} testId="compare-a" />
        <span className="faint">vs</span>
        <SideSelect label="B" value={sideB} options={options.filter((o) => o !== sideA)} takes={takes} onChange={(v) => setB(v)} testId="compare-b" />
        <button
          className="btn small"
          data-testid="compare-run"
          disabled={busy || sideA === null || sideB === null || sideA === sideB}
          onClick={() => void run()}
        >
          {busy ? <span className="spinner" /> : null} Compare
        </button>
      </div>
      {!hasFinal ? <div className="faint compare-hint">Final curves join the choices once the curve editor has this shot open.</div> : null}
      {error ? <div className="field-error">{error}</div> : null}
      {result ? (
        <>
          <div className="compare-summary">
            <span>{result.label}</span>
            <label className="check" title="Show B on a second head in the preview">
              <input type="checkbox" data-testid="compare-on-head" checked={onHead} onChange={(e) => void showOnHead(e.target.checked)} /> second head
            </label>
          </div>
          {summary?.worst ? (
            <div className="compare-headline" data-testid="compare-headline">
              Largest:{' '}
              <button className="link-button mono" title="Go to its largest difference" onClick={() => jumpToWorst(summary.worst)}>
                {summary.worst.control}
              </button>{' '}
              <span className="num">{summary.worst.max.toFixed(3)}</span>
              {summary.worst.maxFrame !== null ? <span className="dim num"> at {summary.worst.maxFrame}</span> : null}
              <span className="dim">
                {' '}
                · {summary.over} of {summary.controls} controls differ by more than {NOTICEABLE}
              </span>
            </div>
          ) : null}
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th>Control</th>
                <th className="c-num">Mean</th>
                <th className="c-num">Max</th>
                <th className="c-num">at</th>
              </tr>
            </thead>
            <tbody>
              {result.diffs.slice(0, SHOWN_ROWS).map((d) => (
                <tr
                  key={d.control}
                  data-testid="compare-row"
                  title={d.maxFrame !== null ? `Go to frame ${d.maxFrame}` : undefined}
                  onClick={() => d.maxFrame !== null && seek(d.maxFrame)}
                >
                  <td className="mono">
                    <span className="diff-bar" style={{ width: `${top > 0 ? (d.max / top) * 100 : 0}%` }} />
                    <span className="diff-name">{d.control}</span>
                  </td>
                  <td className="c-num num">{d.mean.toFixed(3)}</td>
                  <td className="c-num num">{d.max.toFixed(3)}</td>
                  <td className="c-num num dim">{d.maxFrame ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.diffs.length > SHOWN_ROWS ? <div className="faint compare-hint">{result.diffs.length - SHOWN_ROWS} more controls differ less.</div> : null}
        </>
      ) : null}
    </div>
  );
}

function jumpToWorst(d: ControlDiff | null): void {
  if (d && d.maxFrame !== null) seek(d.maxFrame);
}

function SideSelect({
  label,
  value,
  options,
  takes,
  onChange,
  testId,
}: {
  label: string;
  value: Side | null;
  options: readonly Side[];
  takes: readonly TakeSummary[] | null;
  onChange: (v: Side) => void;
  testId: string;
}) {
  return (
    <select
      className="input compare-select"
      aria-label={`Compare ${label}`}
      data-testid={testId}
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value === 'final' ? 'final' : Number(e.target.value))}
    >
      {value === null ? <option value="">—</option> : null}
      {options.map((o) => (
        <option key={String(o)} value={String(o)}>
          {sideLabel(o, takes)}
        </option>
      ))}
    </select>
  );
}
