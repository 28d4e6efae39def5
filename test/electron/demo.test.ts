// First run: the demo project is created once (a synthetic capture of the default head, solved by
// the shipped model as its active take, with its ground truth beside it as a comparison take) and
// reopened afterwards. A demo that cannot be solved still opens, and says why in one line.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { takeName } from '../../electron/capture/curves-take';
import { ensureDemoProject, startupProject } from '../../electron/demo/demo-project';
import { writeAppSettings } from '../../electron/project/settings';
import { listShots } from '../../electron/db/shots';
import { activeTakeId, listTakes } from '../../electron/db/takes';
import { openProject } from '../../electron/project/session';
import { loadModelInfo } from '../../electron/solver/manifest';
import { defaultModelPath } from '../../electron/solver/models-catalog';
import { tempDir } from '../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

it('creates the demo project on first run, solved by the shipped model, and reopens it, or the last project, later', async () => {
  const log: string[] = [];
  const path = await startupProject(join(dir, 'first'), (l) => log.push(l));
  expect(path).toBe(join(dir, 'first', 'demo', 'demo.rigsolve'));
  const shipped = (await loadModelInfo(defaultModelPath())).manifest.id;
  const project = openProject(path, { create: false });
  try {
    const [shot] = listShots(project.db);
    expect(shot).toMatchObject({ name: 'demo_head', frameCount: 144, hasNormal: true, importState: 'complete', warningCount: 0, status: 'cleanup' });
    const takes = listTakes(project.db, shot!.id);
    expect(takes.map((t) => [t.modelId, t.state, takeName(t)])).toEqual([
      ['curves-file', 'complete', 'ground truth (truth.csv)'],
      [shipped, 'complete', null],
    ]);
    expect(activeTakeId(project.db, shot!.id)).toBe(takes[1]!.id); // the solve, not the truth
  } finally {
    project.close();
  }
  expect(log).toContain("demo: the shot's ground truth (truth.csv) is take 1, for comparison");
  expect(log.some((l) => /^demo: the shot is solved \(take 2, the active take, 144 frames at [\d.]+ frames\/s\)$/.test(l))).toBe(true);

  const t = performance.now();
  expect(await ensureDemoProject(join(dir, 'first'))).toBe(path);
  expect(performance.now() - t).toBeLessThan(2000); // not rendered or solved again
  await writeAppSettings(join(dir, 'first'), { lastProject: path });
  expect(await startupProject(join(dir, 'first'))).toBe(path);
}, 600_000);

it('opens the demo with its ground-truth take when the model cannot be loaded, and says why in one line', async () => {
  // The capture the first test rendered, so this one does not render it again.
  await cp(join(dir, 'first', 'demo', 'capture'), join(dir, 'no-model', 'demo', 'capture'), { recursive: true });
  const log: string[] = [];
  const missing = join(dir, 'nowhere', 'model.onnx');
  const path = await ensureDemoProject(join(dir, 'no-model'), (l) => log.push(l), { modelPath: missing });
  const project = openProject(path, { create: false });
  try {
    const [shot] = listShots(project.db);
    expect(shot).toMatchObject({ name: 'demo_head', frameCount: 144, importState: 'complete', status: 'todo' });
    expect(listTakes(project.db, shot!.id).map((t) => [t.modelId, takeName(t)])).toEqual([['curves-file', 'ground truth (truth.csv)']]);
    expect(activeTakeId(project.db, shot!.id)).toBeNull(); // the truth never passes for a solve
  } finally {
    project.close();
  }
  expect(log.filter((l) => l.includes('not solved'))).toEqual([
    `demo: the shot is not solved (model not found: ${missing}); it opens unsolved, with its ground truth as a comparison take: solve it from the shot view`,
  ]);
}, 300_000);
