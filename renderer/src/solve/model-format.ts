// How a model's manifest reads in the picker. Its card leads with the evaluation headline (MAE
// beside the best constant, skill overall and per region); the rest of the evaluation is free-form
// (whatever the training run measured), so it is flattened to label/value rows.
import type { EvaluationHeadline, ModelSummary } from '../../../electron/common/api/schemas';
import { REGIONS } from '../../../electron/common/controls';
import { baseName } from '../state/paths';

export function modelName(m: ModelSummary): string {
  return m.id ?? baseName(m.path).replace(/\.onnx$/i, '');
}

/** Why this model cannot be chosen, or null. */
export function modelRefusal(m: ModelSummary): string | null {
  return m.problem;
}

/** Numbers with four significant digits (small errors stay readable), others as text. */
export function formatFigure(v: unknown): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    if (Number.isInteger(v)) return String(v);
    return Math.abs(v) >= 1000 ? v.toFixed(0) : String(Number(v.toPrecision(4)));
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map(formatFigure).join(', ');
  return v === null || v === undefined ? '—' : JSON.stringify(v);
}

/** "mae" / {mouth: {mae}} → [["mae", "0.0123"], ["mouth · mae", …]], nested objects two deep. */
export function evaluationRows(evaluation: Readonly<Record<string, unknown>>, depth = 2, prefix = ''): [label: string, value: string][] {
  const rows: [string, string][] = [];
  for (const [k, v] of Object.entries(evaluation)) {
    const label = prefix ? `${prefix} · ${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth > 1) rows.push(...evaluationRows(v as Record<string, unknown>, depth - 1, label));
    else rows.push([label, formatFigure(v)]);
  }
  return rows;
}

/** The model to preselect: the one used last if still usable, else the default, else the first usable. */
export function preferredModel(models: readonly ModelSummary[], lastPath: string | null): ModelSummary | null {
  const usable = models.filter((m) => m.problem === null);
  return usable.find((m) => m.path === lastPath) ?? usable.find((m) => m.isDefault) ?? usable[0] ?? null;
}

/** What the model card says of a model's measured quality. */
export type ModelEvaluationView = { kind: 'headline'; headline: HeadlineView } | { kind: 'none'; message: string };

export interface HeadlineView {
  /** "3 natural-motion shots, 900 frames, seeds 9101-9103 · inputs: both". */
  set: string;
  /** MAE, best constant, all-zeros, skill, mean r: label and value. */
  figures: [label: string, value: string][];
  /** Overall skill below 0: the model is worse than predicting a constant. */
  worseThanConstant: boolean;
  regions: RegionRow[];
}

export interface RegionRow {
  region: string;
  mae: string;
  skill: string;
  /** Skill below 0: this region is solved worse than a constant. */
  worse: boolean;
  /** "MAE 0.11 against 0.10 for the best constant; mean r 0.20". */
  title: string;
}

export const WORSE_THAN_CONSTANT = 'worse than a constant';

const f3 = (x: number): string => x.toFixed(3);
const skillText = (s: number | null): string => (s === null ? '—' : s.toFixed(2));
const rText = (r: number | null): string => (r === null ? '—' : r.toFixed(2));

/** The card's evaluation: the headline when the manifest has one, else why there are no figures. */
export function modelEvaluation(m: Pick<ModelSummary, 'headline' | 'headlineProblem' | 'evaluation'>): ModelEvaluationView {
  if (m.headline) return { kind: 'headline', headline: headlineView(m.headline) };
  if (m.headlineProblem) return { kind: 'none', message: `This model's evaluation figures cannot be read (${m.headlineProblem})` };
  if (Object.keys(m.evaluation).length === 0) return { kind: 'none', message: "No evaluation figures in this model's manifest" };
  return { kind: 'none', message: "No headline figures (MAE, skill per region) in this model's manifest" };
}

export function headlineView(h: EvaluationHeadline): HeadlineView {
  const order = (region: string): number => {
    const i = (REGIONS as readonly string[]).indexOf(region);
    return i < 0 ? REGIONS.length : i;
  };
  return {
    set: `${h.set} · inputs: ${h.mode}`,
    figures: [
      ['MAE', f3(h.mae)],
      ['best constant', f3(h.constMae)],
      ['all-zeros', f3(h.zeroMae)],
      ['skill', skillText(h.skill)],
      ['mean r', rText(h.meanR)],
    ],
    worseThanConstant: h.skill < 0,
    regions: Object.entries(h.regions)
      .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
      .map(([region, g]) => ({
        region,
        mae: f3(g.mae),
        skill: skillText(g.skill),
        worse: g.skill !== null && g.skill < 0,
        title: `MAE ${f3(g.mae)} against ${f3(g.constMae)} for the best constant; mean r ${rText(g.meanR)}`,
      })),
  };
}
