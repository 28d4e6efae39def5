// synth-shot then import: the shot's truth comes in as a take, so its preview plays the truth.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { finalCurves } from '../../../electron/export/final-curves';
import { parseTruthCsv } from '../../../electron/eval/run-eval';
import { openProject } from '../../../electron/project/session';
import { findShotByName } from '../../../electron/db/shots';
import { runCli as run } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

it('imports a synthetic shot with its truth.csv as the active take, matching the truth at every frame', async () => {
  expect(run('synth-shot', '--out', join(dir, 'shot'), '--frames', '20', '--size', '64', '--seed', '11').status).toBe(0);
  const imp = run('import', '--project', join(dir, 'p.rigsolve'), '--shot', 'synth', '--rgb', join(dir, 'shot', 'rgb'), '--normal', join(dir, 'shot', 'normal'));
  expect(imp.status, imp.stderr).toBe(0);
  expect(imp.stdout).toMatch(/note: curves from truth\.csv imported as take \d+/);
  const truth = parseTruthCsv(await readFile(join(dir, 'shot', 'truth.csv'), 'utf8'));
  const project = openProject(join(dir, 'p.rigsolve'), { create: false });
  try {
    const shot = findShotByName(project.db, 'synth')!;
    expect(shot.status).toBe('cleanup');
    const table = finalCurves(project.db, shot.id);
    expect(table.values[0]).toHaveLength(20);
    for (const name of DEFAULT_CONTROL_NAMES) {
      const c = truth.controls.indexOf(name);
      const v = table.values[table.controls.indexOf(name)]!;
      for (let i = 0; i < 20; i++) expect(Math.abs(v[i]! - truth.rows[i * truth.controls.length + c]!), `${name}@${i}`).toBeLessThan(1e-6);
    }
  } finally {
    project.close();
  }
}, 120_000);
