// synth-shot then import: a shot's truth.csv becomes a take only when asked (--truth-take), named
// as the ground truth, and then matches the truth at every frame; without the flag, no take.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { HEAD_CHANNELS } from '../../../electron/common/head';
import { headFromCurves, parseCurvesCsv } from '../../../electron/capture/curves-csv';
import { takeName } from '../../../electron/capture/curves-take';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { finalCurves } from '../../../electron/export/final-curves';
import { parseTruthCsv } from '../../../electron/eval/run-eval';
import { openProject } from '../../../electron/project/session';
import { findShotByName } from '../../../electron/db/shots';
import { activeTakeId, completeTake, createTake, listTakes } from '../../../electron/db/takes';
import { importCapture } from '../../../electron/capture/import-capture';
import { runCli as run } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  expect(run('synth-shot', '--out', join(dir, 'shot'), '--frames', '20', '--size', '64', '--seed', '11').status).toBe(0);
}, 120_000);
afterAll(() => cleanup());

const capture = (): string[] => ['--rgb', join(dir, 'shot', 'rgb'), '--normal', join(dir, 'shot', 'normal')];

it('imports a synthetic shot without a take unless asked: its truth.csv is never taken silently', () => {
  const imp = run('import', '--project', join(dir, 'plain.rigsolve'), '--shot', 'synth', ...capture());
  expect(imp.status, imp.stderr).toBe(0);
  expect(imp.stdout).not.toMatch(/take/);
  const project = openProject(join(dir, 'plain.rigsolve'), { create: false });
  try {
    const shot = findShotByName(project.db, 'synth')!;
    expect(listTakes(project.db, shot.id)).toEqual([]);
    expect(shot.status).toBe('todo');
  } finally {
    project.close();
  }
}, 120_000);

it('with --truth-take imports truth.csv as the active "ground truth (truth.csv)" take, matching the truth at every frame', async () => {
  const imp = run('import', '--project', join(dir, 'p.rigsolve'), '--shot', 'synth', ...capture(), '--truth-take');
  expect(imp.status, imp.stderr).toBe(0);
  expect(imp.stdout).toMatch(/note: ground truth \(truth\.csv\) imported as take \d+, the active take/);
  const truth = parseTruthCsv(await readFile(join(dir, 'shot', 'truth.csv'), 'utf8'));
  const project = openProject(join(dir, 'p.rigsolve'), { create: false });
  try {
    const shot = findShotByName(project.db, 'synth')!;
    expect(shot.status).toBe('cleanup');
    const [take] = listTakes(project.db, shot.id);
    expect(takeName(take!)).toBe('ground truth (truth.csv)');
    expect(activeTakeId(project.db, shot.id)).toBe(take!.id);
    const table = finalCurves(project.db, shot.id);
    expect(table.values[0]).toHaveLength(20);
    for (const name of DEFAULT_CONTROL_NAMES) {
      const c = truth.controls.indexOf(name);
      const v = table.values[table.controls.indexOf(name)]!;
      for (let i = 0; i < 20; i++) expect(Math.abs(v[i]! - truth.rows[i * truth.controls.length + c]!), `${name}@${i}`).toBeLessThan(1e-6);
    }
    // The true head motion comes with it: truth.csv's head columns, degrees and mm, said to be the truth.
    expect(take!.headMotion).toEqual({ rotation: 'truth', translation: 'truth', note: null });
    const head = headFromCurves(parseCurvesCsv(await readFile(join(dir, 'shot', 'truth.csv'), 'utf8')))!;
    HEAD_CHANNELS.forEach((h, k) => {
      const v = table.values[table.controls.indexOf(h)]!;
      for (let i = 0; i < 20; i++) expect(Math.abs(v[i]! - head.values[i * HEAD_CHANNELS.length + k]!), `${h}@${i}`).toBeLessThan(1e-4);
    });
    expect(Math.max(...table.values[table.controls.indexOf('headYaw')]!.map(Math.abs))).toBeGreaterThan(0.5);
  } finally {
    project.close();
  }
}, 120_000);

it('a truth take asked for on a solved shot comes in for comparison: the solve stays the active take', async () => {
  const project = openProject(join(dir, 'solved.rigsolve'), { create: true });
  try {
    const req = {
      shotName: 'synth',
      rgbSource: join(dir, 'shot', 'rgb'),
      normalSource: join(dir, 'shot', 'normal'),
      fps: 24,
      normalConvention: 'opengl' as const,
    };
    const { shot } = await importCapture(project.db, req, { cacheDir: project.cacheDir });
    // stands in for a solve: any complete take made active
    const solve = createTake(project.db, {
      shotId: shot.id,
      modelId: 'some-model',
      modelHash: 'h',
      provider: 'cpu',
      settings: {},
      settingsKey: 'k',
      notice: null,
    });
    completeTake(project.db, solve, shot.id, new Map([['jawOpen', new Float32Array(20)]]), [], 1);
    const report = await importCapture(project.db, { ...req, truthTake: true }, { cacheDir: project.cacheDir });
    expect(report.notes.join('\n')).toMatch(/ground truth \(truth\.csv\) imported as take \d+, for comparison \(the active take is unchanged\)/);
    expect(activeTakeId(project.db, shot.id)).toBe(solve);
    expect(listTakes(project.db, shot.id).map((t) => takeName(t))).toEqual([null, 'ground truth (truth.csv)']);
  } finally {
    project.close();
  }
}, 120_000);

it('refuses --truth-take with --curves, and --truth-take where there is no truth.csv, with one line each', async () => {
  const both = run('import', '--project', join(dir, 'q.rigsolve'), '--shot', 'synth', ...capture(), '--truth-take', '--curves', join(dir, 'shot', 'truth.csv'));
  expect(both.status).toBe(2);
  expect(both.stderr.trim()).toBe('rigsolve import: give either --truth-take or --curves FILE.csv, not both');
  await writeTestSequence({ dir: join(dir, 'plates', 'rgb'), first: 1, count: 3, width: 32, height: 32, kind: 'rgb' });
  const none = run('import', '--project', join(dir, 'q.rigsolve'), '--shot', 'plates', '--rgb', join(dir, 'plates', 'rgb'), '--truth-take');
  expect(none.status).toBe(2);
  expect(none.stderr.trim()).toBe(
    `rigsolve import: no truth.csv beside the capture to import as the ground-truth take (looked for ${join(dir, 'plates', 'truth.csv')})`,
  );
}, 120_000);

it('refuses a curves file none of whose columns is a control, instead of making an all-zero take active', async () => {
  const project = openProject(join(dir, 'junk-curves.rigsolve'));
  const rgb = join(dir, 'junk-curves-rgb');
  await writeTestSequence({ dir: rgb, first: 1, count: 4, width: 16, height: 16 });
  const junk = join(dir, 'junk-curves.csv');
  await writeFile(junk, 'time,speed,heading\n1,2,3\n');
  await expect(
    importCapture(
      project.db,
      { shotName: 'j', rgbSource: rgb, normalSource: null, fps: 24, normalConvention: 'opengl', curvesPath: junk },
      { cacheDir: project.cacheDir },
    ),
  ).rejects.toThrow(/junk-curves.csv: no column names a control of the shot's rig \(its columns: speed, heading\)/);
  // Checked before any work: no shot, no take.
  expect(findShotByName(project.db, 'j')).toBeNull();
  project.close();
});
