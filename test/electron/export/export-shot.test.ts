import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importCapture } from '../../../electron/capture/import-capture';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { commitEdit } from '../../../electron/db/layers';
import { readCurves } from '../../../electron/db/takes';
import { exportShot } from '../../../electron/export/export-shot';
import { finalCurves } from '../../../electron/export/final-curves';
import { openProject, type ProjectSession } from '../../../electron/project/session';
import { SolverClient } from '../../../electron/solver/client';
import { loadModelInfo } from '../../../electron/solver/manifest';
import { solveShot } from '../../../electron/solver/solve-shot';
import { FIXTURE_MODEL, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let project: ProjectSession;
let shotId: number;
let takeId: number;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  project = openProject(join(dir, 'x.rigsolve'));
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1001, count: 30, width: 64, height: 64 });
  shotId = (
    await importCapture(
      project.db,
      { shotName: 'sh030', rgbSource: join(dir, 'rgb'), normalSource: null, fps: 25, normalConvention: 'opengl' },
      { cacheDir: project.cacheDir },
    )
  ).shot.id;
  const client = new SolverClient();
  takeId = (await solveShot(project.db, shotId, { model: await loadModelInfo(FIXTURE_MODEL), client, rigControls: DEFAULT_CONTROL_NAMES, device: 'cpu' }))
    .takeId;
  client.dispose();
});
afterAll(async () => {
  project.close();
  await cleanup();
});

describe('final curves and export', () => {
  it('are the raw take until the animator corrects it, then raw + correction', () => {
    const raw = readCurves(project.db, takeId).get('jawOpen')!;
    const before = finalCurves(project.db, shotId);
    expect(Array.from(before.values[before.controls.indexOf('jawOpen')]!)).toEqual(Array.from(raw));
    commitEdit(project.db, shotId, {
      label: 'key',
      ops: [
        {
          op: 'setKeys',
          control: 'jawOpen',
          keys: [
            { frame: 1010, value: 0.1, interp: 'linear' },
            { frame: 1020, value: 0.1, interp: 'linear' },
          ],
        },
        { op: 'setFalloff', frames: 0 },
      ],
    });
    const after = finalCurves(project.db, shotId);
    const jaw = after.values[after.controls.indexOf('jawOpen')]!;
    expect(jaw[15]).toBeCloseTo(Math.min(1, raw[15]! + 0.1), 6);
    expect(jaw[0]).toBeCloseTo(raw[0]!, 6);
  });

  it('writes CSV and .anim files from the CLI', async () => {
    const out = join(dir, 'out', 'sh030.anim');
    const r = runCli(
      'export',
      '--project',
      join(dir, 'x.rigsolve'),
      '--shot',
      'sh030',
      '--format',
      'anim',
      '--out',
      out,
      '--reduce',
      '0.001',
      '--range',
      '1005-1025',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote .*sh030\.anim: 102 controls × 21 frames from take \d+, 2142 keys reduced to \d+ \(max error 0\.00\d+\)/);
    const text = await readFile(out, 'utf8');
    expect(text).toMatch(/^animVersion 1\.1;\nmayaVersion \d+;\ntimeUnit pal;/);
    expect(text).toContain('startTime 1005;');
    const bad = runCli('export', '--project', join(dir, 'x.rigsolve'), '--shot', 'sh030', '--format', 'fbx', '--out', out);
    expect(bad.status).toBe(2);
    const csv = await exportShot(project.db, shotId, { format: 'csv', out: join(dir, 'out', 'a.csv') });
    expect(csv.frames).toBe(30);
    expect((await readFile(csv.path, 'utf8')).split('\n')[1]!.startsWith('1001,')).toBe(true);
  });

  it('refuses ranges outside the shot and unsolved shots with a reason', async () => {
    expect(() => finalCurves(project.db, shotId, { range: { from: 990, to: 1010 } })).toThrow(/outside the shot/);
  });
});

describe('batch export', () => {
  it('exports every approved shot, one file each, and reports shots it could not export', async () => {
    const { setShotStatus } = await import('../../../electron/db/review');
    const { exportApproved } = await import('../../../electron/export/export-shot');
    setShotStatus(project.db, shotId, 'approved', 'Sup');
    const r = await exportApproved(project.db, { format: 'csv', outDir: join(dir, 'batch') });
    expect(r.exported.map((e) => [e.shot, e.path.endsWith('sh030.csv')])).toEqual([['sh030', true]]);
    expect(r.failed).toEqual([]);
  });
});
