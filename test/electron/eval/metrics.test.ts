import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { controlErrors, controlRegions, DistanceStats, jitter, median, pearson, vertexDistancesMm } from '../../../electron/eval/metrics';
import { parseTruthCsv } from '../../../electron/eval/run-eval';
import { tempDir } from '../../helpers/temp';

describe('evaluation metrics', () => {
  it('control MAE per region and overall', () => {
    const truth = Float32Array.from([0, 0, 0, 1, 1, 1]);
    const pred = Float32Array.from([0.1, 0, 0.3, 1, 0.8, 1]);
    const r = controlErrors(pred, truth, ['a', 'a', 'b']);
    expect(r.mae).toBeCloseTo(0.6 / 6, 6);
    expect(r.byRegion.find((g) => g.region === 'a')!.mae).toBeCloseTo(0.3 / 4, 6);
    expect(r.byRegion.find((g) => g.region === 'b')!.mae).toBeCloseTo(0.3 / 2, 6);
  });

  it('puts every MAE beside the all-zeros and best-constant baselines, with skill and r (hand-computed)', () => {
    // Two controls over four frames. a moves: truth 0 0 1 1 (median 0.5), solve 0 0.5 0.5 1.
    // b stands still at 0.2 (median 0.2: the best constant is exact), solve 0.2 0.2 0.3 0.1.
    const truth = Float32Array.from([0, 0.2, 0, 0.2, 1, 0.2, 1, 0.2]);
    const pred = Float32Array.from([0, 0.2, 0.5, 0.2, 0.5, 0.3, 1, 0.1]);
    const r = controlErrors(pred, truth, ['brow', 'jaw'], ['a', 'b']);
    const [a, b] = r.byControl;
    expect(a).toMatchObject({ control: 'a', region: 'brow', median: 0.5 });
    expect(a!.mae).toBeCloseTo(0.25, 6); // (0 + .5 + .5 + 0) / 4
    expect(a!.zeroMae).toBeCloseTo(0.5, 6);
    expect(a!.constMae).toBeCloseTo(0.5, 6); // |t − 0.5| = 0.5 everywhere
    expect(a!.skill).toBeCloseTo(0.5, 6); // 1 − .25 / .5
    expect(a!.r).toBeCloseTo(0.5 / Math.sqrt(0.5), 6); // sab .5, saa 1, sbb .5
    expect(b!.median).toBeCloseTo(0.2, 6);
    expect(b!.mae).toBeCloseTo(0.05, 6);
    expect(b!.constMae).toBeCloseTo(0, 6);
    expect(b!.skill).toBeNull(); // a constant truth: no constant to beat
    expect(b!.r).toBeNull(); // does not move: not counted in mean r
    expect(r.mae).toBeCloseTo(0.15, 6);
    expect(r.zeroMae).toBeCloseTo(0.35, 6);
    expect(r.constMae).toBeCloseTo(0.25, 6);
    expect(r.skill).toBeCloseTo(1 - 0.3 / 0.5, 6); // sums, not a mean of control skills
    expect(r.meanR).toBeCloseTo(a!.r!, 6);
    expect(r.moving).toBe(1);
    expect(r.byRegion.map((g) => [g.region, g.controls, g.moving, g.meanR === null])).toEqual([
      ['brow', 1, 1, false],
      ['jaw', 1, 0, true],
    ]);
    expect(r.byRegion[0]!.skill).toBeCloseTo(0.5, 6);
    expect(r.byRegion[1]!.skill).toBeNull();
  });

  it('a constant solve of a moving control counts r = 0, and scores skill ≤ 0', () => {
    const truth = Float32Array.from([0, 0, 0, 0.9, 0.1, 0]);
    const pred = new Float32Array(6).fill(0.05);
    const r = controlErrors(pred, truth, ['eyelid']);
    expect(r.byControl[0]!.r).toBe(0);
    expect(r.meanR).toBe(0);
    expect(r.skill!).toBeLessThanOrEqual(0);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBe(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('scores a CSV pair exactly as ../shared/tools/score_solve.cjs does', async () => {
    const { truthCsv, solveCsv } = csvPair();
    const t = parseTruthCsv(truthCsv);
    const s = parseTruthCsv(solveCsv);
    const r = controlErrors(s.rows, t.rows, controlRegions(t.controls), t.controls);
    // Reference: `node score_solve.cjs T.csv S.csv controls.tsv` on this pair (rounded to 4 places there).
    const reference = {
      mae: 0.1037,
      zeroMae: 0.2631,
      constMae: 0.135,
      skill: 0.2316,
      corr: 0.8363,
      moving: 51,
      regions: {
        brow: 0.0882,
        eyelid: 0.1102,
        gaze: 0.1157,
        nose: 0.0846,
        cheek: 0.0848,
        mouthCorner: 0.1168,
        lips: 0.1122,
        mouth: 0.0838,
        chin: 0.0923,
        jaw: 0.0831,
        tongue: 0.0751,
        neck: 0.147,
      } as Record<string, number>,
    };
    const script = resolve(process.cwd(), '../shared/tools/score_solve.cjs');
    const controlsTsv = resolve(process.cwd(), '../shared/design/controls.tsv');
    if (existsSync(script) && existsSync(controlsTsv)) {
      // Where the yardstick is at hand, the reference is checked against it too.
      const { dir, cleanup } = await tempDir();
      try {
        await writeFile(join(dir, 'T.csv'), truthCsv);
        await writeFile(join(dir, 'S.csv'), solveCsv);
        const out = spawnSync(process.execPath, [script, join(dir, 'T.csv'), join(dir, 'S.csv'), controlsTsv], { encoding: 'utf8' });
        expect(JSON.parse(out.stdout)).toMatchObject(reference);
      } finally {
        await cleanup();
      }
    }
    expect(r.mae).toBeCloseTo(reference.mae, 4);
    expect(r.zeroMae).toBeCloseTo(reference.zeroMae, 4);
    expect(r.constMae).toBeCloseTo(reference.constMae, 4);
    expect(r.skill!).toBeCloseTo(reference.skill, 4);
    expect(r.meanR!).toBeCloseTo(reference.corr, 4);
    expect(r.moving).toBe(reference.moving);
    expect(Object.fromEntries(r.byRegion.map((g) => [g.region, Number(g.mae.toFixed(4))]))).toEqual(reference.regions);
    expect(r.byControl).toHaveLength(102);
  });

  it('vertex distances use deltas and correctives (a hand-made two-vertex rig)', () => {
    // control 0 moves vertex 0 by 1 cm in x; control 1 moves vertex 1 by 2 cm in y; corrective (0,1) moves vertex 1 by 1 cm in z.
    const basis = {
      vertexCount: 2,
      neutral: new Float32Array(6),
      deltas: Float32Array.from([0.01, 0, 0, 0, 0, 0, /* c1 */ 0, 0, 0, 0, 0.02, 0]),
      correctives: Float32Array.from([0, 0, 0, 0, 0, 0.01]),
      pairs: [[0, 1]] as const,
    };
    const d = vertexDistancesMm(basis, Float32Array.from([1, 1]), Float32Array.from([0.5, 0]));
    expect(d[0]).toBeCloseTo(5, 4); // 0.5 × 1 cm
    expect(d[1]).toBeCloseTo(Math.hypot(20, 10), 4); // 1 × 2 cm in y, (1·1 − 0.5·0) × 1 cm in z
  });

  it('distance statistics: mean exactly, 95th percentile to 0.01 mm', () => {
    const s = new DistanceStats();
    s.add(Float32Array.from({ length: 1000 }, (_, i) => i / 100)); // 0 … 9.99 mm
    expect(s.mean).toBeCloseTo(4.995, 6);
    expect(Math.abs(s.quantile(0.95) - 9.5)).toBeLessThanOrEqual(0.011);
  });

  it('jitter is the mean absolute frame-to-frame change', () => {
    expect(jitter(Float32Array.from([0, 1, 0.5, 1, 0.5, 1]), 2)).toBeCloseTo((0.5 + 0 + 0 + 0) / 4, 6);
  });
});

describe('active vertices', () => {
  it('are the vertices some shape moves by more than 1 µm', async () => {
    const { activeVertices } = await import('../../../electron/eval/metrics');
    const basis = {
      vertexCount: 3,
      neutral: new Float32Array(9),
      deltas: Float32Array.from([0.01, 0, 0, 0, 0, 0, 0, 0, 5e-7]),
      correctives: Float32Array.from([0, 0, 0, 0, 0.002, 0, 0, 0, 0]),
      pairs: [[0, 0]] as const,
    };
    expect(Array.from(activeVertices(basis))).toEqual([0, 1]);
  });
});

/** A truth/solve pair over the default controls, 30 frames: still, bursting, noisy and constant controls; some solves constant. */
function csvPair(): { truthCsv: string; solveCsv: string } {
  const names = DEFAULT_CONTROL_NAMES;
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const frames = 30;
  const t: number[][] = [];
  const p: number[][] = [];
  names.forEach((_, c) => {
    const kind = c % 4;
    for (let f = 0; f < frames; f++) {
      const burst = Math.max(0, Math.sin((f + c) / 3));
      const truth = kind === 0 ? 0 : kind === 1 ? Math.round(burst * 100) / 100 : kind === 2 ? Math.round(rand() * 100) / 100 : 0.25;
      const solve = kind === 3 ? 0.3 : c % 7 === 0 ? 0.1 : Math.round(Math.min(1, Math.max(0, 0.7 * truth + 0.2 * rand() - 0.05)) * 100) / 100;
      (t[f] ??= [])[c] = truth;
      (p[f] ??= [])[c] = solve;
    }
  });
  const csv = (rows: number[][]): string => [`frame,${names.join(',')}`, ...rows.map((r, f) => [f + 1, ...r].join(','))].join('\n') + '\n';
  return { truthCsv: csv(t), solveCsv: csv(p) };
}
