// Solve-quality figures, the same definitions as models/training's evaluate.py and the yardstick
// ../shared/tools/score_solve.cjs, so EVAL.md can be reproduced from Node: control MAE per region
// and overall, always beside the all-zeros predictor and the best constant per control (the
// truth's median: an oracle no solver has), skill = 1 − MAE / constant MAE, Pearson r per control;
// vertex error in millimetres (mean and 95th percentile over every active vertex of every sample:
// the vertices some shape moves by more than 1 µm, so the still back of the head does not dilute
// the figure), and frame-to-frame jitter. Pure.
import { DEFAULT_CONTROLS } from '../common/controls';
import type { RigBasisArrays } from './dataset';

/** A control "moves" when its truth's standard deviation over the set exceeds this (score_solve.cjs). */
export const MOVING_STD = 0.02;

/** Errors of one control, or summed over a region or the whole set, beside the two baselines. */
export interface ScoreFigures {
  /** Mean |solve − truth|. */
  mae: number;
  /** Mean |truth|: what predicting 0 everywhere scores. */
  zeroMae: number;
  /** Mean |truth − the truth's median per control|: the best constant per control (an oracle). */
  constMae: number;
  /** 1 − mae / constMae: 1 is perfect, 0 no better than a constant, below 0 worse. Null when the truth never moves (constMae 0). */
  skill: number | null;
}

export interface ControlScore extends ScoreFigures {
  control: string;
  region: string;
  /** Pearson r of solve against truth; 0 for a constant solve; null when the truth does not move (std ≤ MOVING_STD). */
  r: number | null;
  /** The constant the oracle predicts: the truth's median. */
  median: number;
}

export interface RegionError extends ScoreFigures {
  region: string;
  /** How many controls the region has. */
  controls: number;
  /** Mean r over the region's moving controls; null when none moves. */
  meanR: number | null;
  /** How many of its controls move. */
  moving: number;
}

export interface ControlErrors extends ScoreFigures {
  /** Mean r over the moving controls; null when none moves. */
  meanR: number | null;
  moving: number;
  byRegion: RegionError[];
  byControl: ControlScore[];
}

/** Region of each named control in the default control set ('other' for names it lacks). */
export function controlRegions(controls: readonly string[]): string[] {
  return controls.map((c) => DEFAULT_CONTROLS.find((d) => d.name === c)?.region ?? 'other');
}

/** The median (mean of the middle two for an even count), as score_solve.cjs takes it. */
export function median(values: ArrayLike<number>): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

/** Pearson r of b against a; 0 when b is constant (a constant solve follows nothing). */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** Population standard deviation. */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += values[i]!;
  m /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i]! - m) ** 2;
  return Math.sqrt(s / n);
}

const skillOf = (sum: number, constSum: number): number | null => (constSum > 0 ? 1 - sum / constSum : null);
const meanOf = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/**
 * Scores a solve against the truth, per control, per region and overall. pred and truth: [n, C]
 * row-major, columns in `regions` order (one region per control); `controls` names them
 * (defaults to c0, c1, … where only the regions are known).
 */
export function controlErrors(pred: Float32Array, truth: Float32Array, regions: readonly string[], controls?: readonly string[]): ControlErrors {
  const C = regions.length;
  const n = truth.length / C;
  const t = new Float64Array(n);
  const p = new Float64Array(n);
  const byControl: ControlScore[] = [];
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < n; i++) {
      t[i] = truth[i * C + c]!;
      p[i] = pred[i * C + c]!;
    }
    const med = median(t);
    let sum = 0;
    let zero = 0;
    let cons = 0;
    for (let i = 0; i < n; i++) {
      sum += Math.abs(t[i]! - p[i]!);
      zero += Math.abs(t[i]!);
      cons += Math.abs(t[i]! - med);
    }
    const moving = standardDeviation(t) > MOVING_STD;
    byControl.push({
      control: controls?.[c] ?? `c${c}`,
      region: regions[c]!,
      mae: sum / n,
      zeroMae: zero / n,
      constMae: cons / n,
      skill: skillOf(sum, cons),
      r: moving ? pearson(t, p) : null,
      median: med,
    });
  }
  // Region and overall figures are means over every value (sums over controls, as score_solve.cjs), not means of control means.
  const summarise = (scores: readonly ControlScore[]) => {
    const sum = scores.reduce((s, x) => s + x.mae, 0);
    const zero = scores.reduce((s, x) => s + x.zeroMae, 0);
    const cons = scores.reduce((s, x) => s + x.constMae, 0);
    const rs = scores.flatMap((x) => (x.r === null ? [] : [x.r]));
    return {
      mae: sum / scores.length,
      zeroMae: zero / scores.length,
      constMae: cons / scores.length,
      skill: skillOf(sum, cons),
      meanR: meanOf(rs),
      moving: rs.length,
    };
  };
  const regionNames = [...new Set(regions)];
  return {
    ...summarise(byControl),
    byRegion: regionNames.map((region) => {
      const scores = byControl.filter((x) => x.region === region);
      return { region, controls: scores.length, ...summarise(scores) };
    }),
    byControl,
  };
}

/** A vertex counts as moving when some shape displaces it by more than this (metres), as in training. */
export const ACTIVE_EPS_M = 1e-6;

/** Indices of the vertices some control or corrective moves. */
export function activeVertices(basis: RigBasisArrays): Uint32Array {
  const V = basis.vertexCount;
  const moved = new Uint8Array(V);
  const mark = (arr: Float32Array, shapes: number): void => {
    for (let k = 0; k < shapes; k++) {
      const base = k * V * 3;
      for (let v = 0; v < V; v++) {
        if (moved[v]) continue;
        const o = base + v * 3;
        if (Math.hypot(arr[o]!, arr[o + 1]!, arr[o + 2]!) > ACTIVE_EPS_M) moved[v] = 1;
      }
    }
  };
  mark(basis.deltas, basis.deltas.length / (V * 3));
  mark(basis.correctives, basis.pairs.length);
  const out: number[] = [];
  for (let v = 0; v < V; v++) if (moved[v]) out.push(v);
  return Uint32Array.from(out);
}

/**
 * Per-vertex distances (mm) between the rig evaluated at predicted and at true values, for one
 * sample: Δp = Σ (p_c − t_c)·Δ_c + Σ_k (p_a·p_b − t_a·t_b)·C_k (the neutral cancels).
 */
export function vertexDistancesMm(
  basis: RigBasisArrays,
  pred: Float32Array,
  truth: Float32Array,
  out = new Float32Array(basis.vertexCount),
  only?: Uint32Array,
): Float32Array {
  const V = basis.vertexCount;
  const d = new Float64Array(V * 3);
  const C = pred.length;
  for (let c = 0; c < C; c++) {
    const w = pred[c]! - truth[c]!;
    if (w === 0) continue;
    const base = c * V * 3;
    for (let j = 0; j < V * 3; j++) d[j]! += w * basis.deltas[base + j]!;
  }
  basis.pairs.forEach(([a, b], k) => {
    const w = pred[a]! * pred[b]! - truth[a]! * truth[b]!;
    if (w === 0) return;
    const base = k * V * 3;
    for (let j = 0; j < V * 3; j++) d[j]! += w * basis.correctives[base + j]!;
  });
  if (only) {
    only.forEach((v, i) => (out[i] = 1000 * Math.hypot(d[v * 3]!, d[v * 3 + 1]!, d[v * 3 + 2]!)));
    return out.subarray(0, only.length);
  }
  for (let v = 0; v < V; v++) out[v] = 1000 * Math.hypot(d[v * 3]!, d[v * 3 + 1]!, d[v * 3 + 2]!);
  return out;
}

/** Mean and 95th percentile of a large set of distances, by a histogram (0.01 mm bins). */
export class DistanceStats {
  private readonly bins = new Float64Array(200_001);
  private sum = 0;
  private count = 0;
  add(values: Float32Array): void {
    for (const v of values) {
      this.sum += v;
      this.count++;
      this.bins[Math.min(this.bins.length - 1, Math.floor(v * 100))]! += 1;
    }
  }
  get mean(): number {
    return this.sum / this.count;
  }
  quantile(q: number): number {
    const target = q * this.count;
    let acc = 0;
    for (let i = 0; i < this.bins.length; i++) {
      acc += this.bins[i]!;
      if (acc >= target) return (i + 1) / 100;
    }
    return Number.NaN;
  }
}

/** Mean |x[t] − x[t−1]| over frames and controls: how much a curve chatters. rows: [n, C]. */
export function jitter(rows: Float32Array, C: number): number {
  const n = rows.length / C;
  if (n < 2) return 0;
  let s = 0;
  for (let i = 1; i < n; i++) for (let c = 0; c < C; c++) s += Math.abs(rows[i * C + c]! - rows[(i - 1) * C + c]!);
  return s / ((n - 1) * C);
}
