// The model card's figures come from the manifest's evaluation headline: typed where the manifest
// is read, carried through the API as the model list travels, and never the reason a model that
// solves is refused (older manifests have none; an unreadable one is set aside with its reason).
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAppContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import type { EvaluationHeadline, ModelSummary } from '../../../electron/common/api/schemas';
import { headlineOf, loadModelInfo, manifestPathFor } from '../../../electron/solver/manifest';
import { defaultModelPath } from '../../../electron/solver/models-catalog';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let shipped: Record<string, unknown>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  shipped = JSON.parse(await readFile(manifestPathFor(defaultModelPath()), 'utf8')) as Record<string, unknown>;
});
afterAll(() => cleanup());

const HEADLINE: EvaluationHeadline = {
  set: '3 natural-motion shots, 900 frames, seeds 9101-9103',
  mode: 'both',
  mae: 0.028,
  zeroMae: 0.052,
  constMae: 0.071,
  skill: 0.606,
  meanR: 0.81,
  regions: {
    jaw: { mae: 0.02, constMae: 0.09, skill: 0.78, meanR: 0.97 },
    gaze: { mae: 0.11, constMae: 0.1, skill: -0.1, meanR: 0.2 },
    tongue: { mae: 0.01, constMae: 0.01, skill: 0, meanR: null },
  },
};

/** A copy of the shipped model with its manifest's evaluation replaced. */
async function modelWith(folder: string, name: string, evaluation: unknown): Promise<string> {
  await mkdir(folder, { recursive: true });
  const onnx = join(folder, `${name}.onnx`);
  await copyFile(defaultModelPath(), onnx);
  await writeFile(join(folder, `${name}.manifest.json`), JSON.stringify({ ...shipped, evaluation }));
  return onnx;
}

it('reads a typed headline beside the free-form figures', async () => {
  const info = await loadModelInfo(
    await modelWith(join(dir, 'a'), 'm', { format: 'rigsolve-eval/1', headline: { ...HEADLINE, extra: 'ignored' }, rows: [1, 2] }),
  );
  expect(info.manifest.evaluation.headline).toEqual(HEADLINE);
  expect(info.manifest.evaluation.rows).toEqual([1, 2]);
  expect(info.headlineProblem).toBeNull();
});

it('older manifests: no evaluation, an empty one, or figures without a headline', async () => {
  for (const [i, evaluation] of [null, {}, { format: 'rigsolve-eval/1', zero_predictor_mae: 0.05 }].entries()) {
    const info = await loadModelInfo(await modelWith(join(dir, `old${i}`), 'm', evaluation));
    expect(info.manifest.evaluation.headline).toBeUndefined();
    expect(info.headlineProblem).toBeNull();
  }
});

it('sets an unreadable headline aside with its reason; the model still loads', async () => {
  const info = await loadModelInfo(await modelWith(join(dir, 'bad'), 'm', { headline: { ...HEADLINE, skill: 'high' } }));
  expect(info.manifest.evaluation.headline).toBeUndefined();
  expect(info.headlineProblem).toMatch(/^evaluation headline unreadable: .*skill/);
  expect(headlineOf(undefined)).toEqual({ headline: null, problem: null });
  expect(headlineOf({ ...HEADLINE, regions: { jaw: { mae: 1 } } }).problem).toMatch(/regions/);
});

it('carries the headline to the renderer through models.list', async () => {
  const models = join(dir, 'user-models');
  await modelWith(models, 'with-headline', { headline: HEADLINE });
  await modelWith(models, 'without', null);
  await modelWith(models, 'unreadable', { headline: { set: 'x' } });
  const ctx = createAppContext({ host: 'browser', readOnly: false, projectPath: null, userModelsDir: models });
  try {
    const res = await dispatch(handlers, ctx, 'models.list', {});
    if (!res.ok) throw new Error(res.error.message);
    const byName = Object.fromEntries((res.result as ModelSummary[]).filter((m) => m.source === 'user').map((m) => [basename(m.path), m]));
    expect(byName['with-headline.onnx']).toMatchObject({ headline: HEADLINE, headlineProblem: null, problem: null });
    expect(byName['without.onnx']).toMatchObject({ headline: null, headlineProblem: null, evaluation: {} });
    expect(byName['unreadable.onnx']!.headline).toBeNull();
    expect(byName['unreadable.onnx']!.headlineProblem).toMatch(/^evaluation headline unreadable/);
  } finally {
    ctx.close();
  }
});
