// Solve-quality figures, the same definitions as models/training's evaluate.py, so EVAL.md can be
// reproduced from Node: control MAE per region and overall, vertex error in millimetres (mean and
// 95th percentile over every active vertex of every sample: the vertices some shape moves by more
// than 1 µm, so the still back of the head does not dilute the figure), and frame-to-frame jitter. Pure.
import { DEFAULT_CONTROLS } from '../common/controls';
import type { RigBasisArrays } from './dataset';

export interface RegionError {
  region: string;
  mae: number;
  controls: number;
}

/** Region of each named control in the default control set ('other' for names it lacks). */
export function controlRegions(controls: readonly string[]): string[] {
  return controls.map((c) => DEFAULT_CONTROLS.find((d) => d.name === c)?.region ?? 'other');
}

/** pred and truth: [n, C] row-major. */
export function controlErrors(pred: Float32Array, truth: Float32Array, regions: readonly string[]): { overall: number; byRegion: RegionError[] } {
  const C = regions.length;
  const n = truth.length / C;
  const sums = new Map<string, { s: number; c: number }>();
  let total = 0;
  for (let c = 0; c < C; c++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(pred[i * C + c]! - truth[i * C + c]!);
    total += s;
    const r = sums.get(regions[c]!) ?? { s: 0, c: 0 };
    r.s += s;
    r.c += 1;
    sums.set(regions[c]!, r);
  }
  return {
    overall: total / (n * C),
    byRegion: [...sums.entries()].map(([region, r]) => ({ region, mae: r.s / (r.c * n), controls: r.c })),
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
export function vertexDistancesMm(basis: RigBasisArrays, pred: Float32Array, truth: Float32Array, out = new Float32Array(basis.vertexCount), only?: Uint32Array): Float32Array {
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
