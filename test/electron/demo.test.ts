// First run: the demo project is created once (a synthetic capture of the default head with its
// truth as a take) and reopened afterwards.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDemoProject, startupProject, writeAppSettings } from '../../electron/demo/demo-project';
import { listShots } from '../../electron/db/shots';
import { listTakes } from '../../electron/db/takes';
import { openProject } from '../../electron/project/session';
import { tempDir } from '../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

it('creates the demo project on first run and reopens it, or the last project, later', async () => {
  const path = await startupProject(dir);
  expect(path).toBe(join(dir, 'demo', 'demo.rigsolve'));
  const project = openProject(path, { create: false });
  const [shot] = listShots(project.db);
  expect(shot).toMatchObject({ name: 'demo_head', frameCount: 144, hasNormal: true, importState: 'complete', warningCount: 0 });
  expect(listTakes(project.db, shot!.id).map((t) => [t.modelId, t.state])).toEqual([['curves-file', 'complete']]);
  project.close();
  const t = performance.now();
  expect(await ensureDemoProject(dir)).toBe(path);
  expect(performance.now() - t).toBeLessThan(2000); // not rendered again
  await writeAppSettings(dir, { lastProject: path });
  expect(await startupProject(dir)).toBe(path);
}, 300_000);
