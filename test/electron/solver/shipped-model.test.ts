// The model the app loads by default is present, valid, and solves the default head's controls.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { loadModelInfo, manifestPathFor } from '../../../electron/solver/manifest';
import { defaultModelPath } from '../../../electron/solver/models-catalog';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

it('ships models/rigsolve-default.onnx with a manifest for the default control set', async () => {
  const info = await loadModelInfo(defaultModelPath());
  expect(info.manifest.controls).toEqual([...DEFAULT_CONTROL_NAMES]);
  expect(info.manifest.inputSize).toBe(256);
  const raw = JSON.parse(await readFile(manifestPathFor(defaultModelPath()), 'utf8')) as {
    sha256: string;
    parity: { maxAbsDiff: { params: number; features: number } };
    stages?: { crops: Record<string, unknown> };
  };
  // the staged solver: its pose stage and crops are described for whoever reads the manifest
  expect(Object.keys(raw.stages?.crops ?? {}).sort()).toEqual(['brow', 'corner', 'eye', 'face', 'jaw', 'lips', 'mouth', 'nose']);
  expect(raw.sha256.startsWith(info.manifest.id.split('-').pop()!)).toBe(true);
  expect(Math.max(raw.parity.maxAbsDiff.params, raw.parity.maxAbsDiff.features)).toBeLessThanOrEqual(1e-4);
});

it('ships only a model that beats the best constant per control on its held-out shots', async () => {
  const info = await loadModelInfo(defaultModelPath());
  const headline = info.manifest.evaluation.headline;
  expect(headline, 'the shipped manifest must carry its evaluation headline').toBeTruthy();
  expect(headline!.mae).toBeLessThan(headline!.constMae);
  expect(headline!.skill).toBeGreaterThan(0);
});

it('accepts a manifest exported without evaluation figures (evaluation: null)', async () => {
  const onnx = join(dir, 'm.onnx');
  await copyFile(defaultModelPath(), onnx);
  const m = JSON.parse(await readFile(manifestPathFor(defaultModelPath()), 'utf8')) as Record<string, unknown>;
  await writeFile(join(dir, 'm.manifest.json'), JSON.stringify({ ...m, evaluation: null }));
  expect((await loadModelInfo(onnx)).manifest.evaluation).toEqual({});
});
