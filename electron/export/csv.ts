// CSV: a `frame` column, then one column per control (the layout of synth-shot's truth.csv).
import { formatValue, frameCount, type CurvesTable } from './curves-table';

export function toCsv(t: CurvesTable): string {
  const lines = [['frame', ...t.controls].join(',')];
  const n = frameCount(t);
  for (let i = 0; i < n; i++) {
    const row = [String(t.firstFrame + i)];
    for (const v of t.values) row.push(formatValue(v[i]!));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
