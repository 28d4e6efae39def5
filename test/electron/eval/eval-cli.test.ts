// rigsolve eval runs end to end from Node on freshly rendered data (the small fixture model: the
// figures are not meaningful, their computation is).
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIXTURE_MODEL as MODEL, runCli as run } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

it('evaluates a model on synth-data and on a synth-shot, in every input mode', () => {
  expect(run('synth-data', '--out', join(dir, 'data'), '--count', '24', '--size', '32', '--seed', '99', '--shard', '10').status).toBe(0);
  for (const mode of ['both', 'rgb', 'normal']) {
    const r = run('eval', '--model', MODEL, '--data', join(dir, 'data'), '--mode', mode, '--json', '--batch', '8');
    expect(r.status, r.stderr).toBe(0);
    const figures = JSON.parse(r.stdout) as {
      samples: number;
      mae: number;
      zeroMae: number;
      constMae: number;
      skill: number;
      vertexMeanMm: number;
      vertexP95Mm: number;
      byRegion: { region: string; constMae: number }[];
      byControl: { control: string; region: string; r: number | null; mae: number; skill: number | null }[];
    };
    expect(figures.samples).toBe(24);
    // every MAE beside its baselines; the per-control table always in the JSON
    expect(figures.zeroMae).toBeGreaterThan(0);
    expect(figures.constMae).toBeGreaterThan(0);
    expect(figures.constMae).toBeLessThanOrEqual(figures.zeroMae + 1e-9); // the median is at least as good a constant as 0
    expect(figures.skill).toBeCloseTo(1 - figures.mae / figures.constMae, 9);
    expect(figures.byControl).toHaveLength(102);
    expect(figures.byRegion.every((g) => typeof g.constMae === 'number')).toBe(true);
    expect(figures.mae).toBeGreaterThan(0);
    expect(figures.mae).toBeLessThan(1);
    expect(figures.vertexP95Mm).toBeGreaterThanOrEqual(figures.vertexMeanMm * 0.5);
    expect(figures.byRegion.map((g) => g.region).sort()).toEqual([
      'brow',
      'cheek',
      'chin',
      'eyelid',
      'gaze',
      'jaw',
      'lips',
      'mouth',
      'mouthCorner',
      'neck',
      'nose',
      'tongue',
    ]);
  }
  expect(run('synth-shot', '--out', join(dir, 'shot'), '--frames', '12', '--size', '64', '--seed', '5').status).toBe(0);
  const shot = run('eval', '--model', MODEL, '--shot', join(dir, 'shot'), '--per-control');
  expect(shot.status, shot.stderr).toBe(0);
  expect(shot.stdout).toMatch(
    /12 frames: control MAE 0\.\d{4} \(all-zeros 0\.\d{4}, best constant 0\.\d{4}: skill (-?\d+\.\d{2}|—)\), jitter 0\.\d{4} \(truth 0\.\d{4}\)/,
  );
  expect(shot.stdout).toMatch(/mean Pearson r (-?\d\.\d{2}|—) over \d+ moving controls/);
  expect(shot.stdout).toMatch(/^jawOpen +jaw +/m); // the per-control table
  expect(shot.stdout.split('\n').filter((l) => /^\w+ +\w+ +(-?\d\.\d{2}|—) +\d\.\d{4} /.test(l))).toHaveLength(102);
}, 180_000);

it('refuses data of another input size with one line', () => {
  const r = run('synth-data', '--out', join(dir, 'data64'), '--count', '2', '--size', '64');
  expect(r.status).toBe(0);
  const e = run('eval', '--model', MODEL, '--data', join(dir, 'data64'));
  expect(e.status).toBe(2);
  expect(e.stderr.trim()).toBe('rigsolve eval: the data is 64², the model takes 32²');
}, 60_000);
