// How a model's manifest reads in the picker. Evaluation figures are free-form in the manifest
// (whatever the training run measured), so they are flattened to label/value rows.
import type { ModelSummary } from '../../../electron/common/api/schemas';
import { baseName } from '../views/shot-browser/paths';

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
