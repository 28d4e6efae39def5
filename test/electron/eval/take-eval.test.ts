// A shot solved through the app (synth-shot → import → solve → take) scores exactly what
// `rigsolve eval --shot` measures on the same frames: the path the shipped model's EVAL.md figures
// are reproduced by (issue #5's accuracy check) is the app's own.
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

interface Figures {
  mae: number;
  zeroMae: number;
  constMae: number;
  skill: number | null;
  meanR: number | null;
  frames: number;
  jitterPredicted: number;
  jitterTruth: number;
  byRegion: { region: string; mae: number; skill: number | null }[];
  byControl: { control: string; r: number | null; mae: number }[];
}

it('scores a solved take against truth.csv like the direct evaluation of the same frames', () => {
  const shot = join(dir, 'shot');
  const project = join(dir, 'p.rigsolve');
  expect(run('synth-shot', '--out', shot, '--frames', '16', '--size', '64', '--seed', '11').status).toBe(0);
  const imp = run('import', '--project', project, '--shot', 'held', '--rgb', join(shot, 'rgb'), '--normal', join(shot, 'normal'));
  expect(imp.status, imp.stderr).toBe(0);
  const solve = run('solve', '--project', project, '--shot', 'held', '--model', MODEL, '--device', 'cpu', '--batch', '4');
  expect(solve.status, solve.stderr).toBe(0);

  const scored = run('eval', '--project', project, '--solved-shot', 'held', '--truth', join(shot, 'truth.csv'), '--json');
  expect(scored.status, scored.stderr).toBe(0);
  const take = JSON.parse(scored.stdout) as Figures & { modelId: string };
  const direct = JSON.parse(run('eval', '--model', MODEL, '--shot', shot, '--json', '--batch', '4').stdout) as Figures;
  expect(take.frames).toBe(16);
  expect(take.mae).toBeGreaterThan(0);
  expect(take.mae).toBeCloseTo(direct.mae, 5);
  expect(take.jitterTruth).toBeCloseTo(direct.jitterTruth, 6);
  expect(take.jitterPredicted).toBeCloseTo(direct.jitterPredicted, 5);
  for (const g of direct.byRegion) expect(take.byRegion.find((r) => r.region === g.region)?.mae).toBeCloseTo(g.mae, 5);
  // the same baselines, skill and r both ways
  expect(take.zeroMae).toBeCloseTo(direct.zeroMae, 6);
  expect(take.constMae).toBeCloseTo(direct.constMae, 6);
  if (direct.skill === null)
    expect(take.skill).toBeNull(); // a shot too short to move: no constant to beat
  else expect(take.skill).toBeCloseTo(direct.skill, 4);
  expect(take.byControl).toHaveLength(102);
  expect(take.byControl.map((c) => c.control)).toEqual(direct.byControl.map((c) => c.control));

  const human = run('eval', '--project', project, '--solved-shot', 'held', '--truth', join(shot, 'truth.csv'));
  expect(human.stdout.split('\n')[0]).toMatch(/^take \d+ of shot "held" \(model .+\)$/);
}, 180_000);

it('refuses an unknown shot and an incomplete request with one line each', () => {
  const project = join(dir, 'p.rigsolve');
  const unknown = run('eval', '--project', project, '--solved-shot', 'nope', '--truth', join(dir, 'shot', 'truth.csv'));
  expect(unknown.status).toBe(2);
  expect(unknown.stderr.trim()).toBe('rigsolve eval: no shot named "nope" in the project');
  const partial = run('eval', '--project', project, '--solved-shot', 'held');
  expect(partial.status).toBe(2);
  expect(partial.stderr.trim()).toMatch(/needs --project FILE, --solved-shot NAME and --truth FILE/);
}, 60_000);
