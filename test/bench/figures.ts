// What every benchmark reports: a named figure with its unit; for ratios, both sides, measured in
// the same run, so the ratio can be checked from the file.
export interface BenchFigure {
  suite: string;
  name: string;
  value: number;
  unit: string;
  ratio?: { numerator: { name: string; value: number; unit: string }; denominator: { name: string; value: number; unit: string } };
  target?: string;
  notes?: string;
}

export type BenchSuite = { name: string; run: () => Promise<BenchFigure[]> };

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function ratioFigure(suite: string, name: string, numerator: BenchFigure, denominator: BenchFigure, target?: string): BenchFigure {
  return {
    suite,
    name,
    value: numerator.value / denominator.value,
    unit: 'ratio',
    ratio: {
      numerator: { name: numerator.name, value: numerator.value, unit: numerator.unit },
      denominator: { name: denominator.name, value: denominator.value, unit: denominator.unit },
    },
    ...(target ? { target } : {}),
  };
}
