// Solve throughput on the same frames, measured in one run: decode alone, inference alone on
// pre-decoded frames (sent to the solver process as bytes, normalised there, run), and end to end (PNG on disk → take in the database). On a CPU the
// stages share the cores, so the ideal end-to-end rate is 1 / (1/decode + 1/inference).
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCapture } from '../../../electron/capture/import-capture';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { openProject } from '../../../electron/project/session';
import { SolverClient } from '../../../electron/solver/client';
import { decodeForModel, defaultCrop } from '../../../electron/solver/decode';
import { loadModelInfo } from '../../../electron/solver/manifest';
import { defaultModelPath } from '../../../electron/solver/models-catalog';
import { modelInput } from '../../../electron/solver/manifest';
import { emptyFrameBatch } from '../../../electron/solver/preprocess';
import type { FrameBatch } from '../../../electron/solver/protocol';
import { solveShot } from '../../../electron/solver/solve-shot';
import { mapLimit } from '../../../electron/util/map-limit';
import { ratioFigure, type BenchFigure, type BenchSuite } from '../figures';

const FRAMES = 320;
const SIZE = 512;
const BATCH = 16;

async function run(): Promise<BenchFigure[]> {
  const suite = 'solve';
  const modelPath = existsSync(defaultModelPath()) ? defaultModelPath() : join(process.cwd(), 'test/fixtures/models/fixture-pooled.onnx');
  const model = await loadModelInfo(modelPath);
  const label = `model ${model.manifest.id} (${model.manifest.inputSize}²)`;
  const root = join(tmpdir(), `rigsolve-bench-solve-${FRAMES}-${SIZE}`);
  if (!existsSync(join(root, 'normal', `frame.${String(FRAMES).padStart(4, '0')}.png`))) {
    await writeTestSequence({ dir: join(root, 'rgb'), first: 1, count: FRAMES, width: SIZE, height: SIZE });
    await writeTestSequence({ dir: join(root, 'normal'), first: 1, count: FRAMES, width: SIZE, height: SIZE, kind: 'normal' });
  }
  const size = model.manifest.inputSize;
  const crop = defaultCrop(SIZE, SIZE);
  const cores = availableParallelism();
  const names = Array.from({ length: FRAMES }, (_, i) => `frame.${String(i + 1).padStart(4, '0')}.png`);
  const bytes = 3 * size * size;

  // Decode, crop and resize alone, with every core (sharp's thread pool).
  const all = emptyFrameBatch(FRAMES, size);
  let t = performance.now();
  await mapLimit(names, cores * 2, async (n, i) => {
    const [a, b] = await Promise.all([decodeForModel(join(root, 'rgb', n), crop, size), decodeForModel(join(root, 'normal', n), crop, size)]);
    all.rgb.set(a, i * bytes);
    all.normal.set(b, i * bytes);
  });
  all.hasRgb.fill(1);
  all.hasNormal.fill(1);
  const decode: BenchFigure = {
    suite,
    name: 'decode + crop + resize, RGB+normal 512² PNG',
    value: FRAMES / ((performance.now() - t) / 1000),
    unit: 'frames/s',
  };
  const slice = (i: number, n: number): FrameBatch => ({
    batch: n,
    size,
    rgb: all.rgb.slice(i * bytes, (i + n) * bytes),
    normal: all.normal.slice(i * bytes, (i + n) * bytes),
    hasRgb: all.hasRgb.slice(i, i + n),
    hasNormal: all.hasNormal.slice(i, i + n),
  });

  // Inference alone on the decoded frames (normalised and run in the solver process), every core.
  const client = new SolverClient();
  const loaded = await client.load(modelPath, 'auto', cores);
  const input = modelInput(model.manifest);
  await client.infer(modelPath, slice(0, BATCH), input); // warm-up
  t = performance.now();
  for (let i = 0; i < FRAMES; i += BATCH) await client.infer(modelPath, slice(i, Math.min(BATCH, FRAMES - i)), input);
  const infer: BenchFigure = {
    suite,
    name: `inference alone (normalise + run), batch ${BATCH}, ${loaded.provider}, ${label}`,
    value: FRAMES / ((performance.now() - t) / 1000),
    unit: 'frames/s',
  };

  // End to end: PNG on disk → take in the database.
  const work = join(tmpdir(), `rigsolve-bench-solve-project-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  const project = openProject(join(work, 'bench.rigsolve'));
  const shot = await importCapture(
    project.db,
    { shotName: 'bench', rgbSource: join(root, 'rgb'), normalSource: join(root, 'normal'), fps: 24, normalConvention: 'opengl' },
    { cacheDir: project.cacheDir },
  );
  t = performance.now();
  await solveShot(project.db, shot.shot.id, { model, client, rigControls: DEFAULT_CONTROL_NAMES, batch: BATCH, threads: cores });
  const e2e: BenchFigure = {
    suite,
    name: `end to end, PNG → take, batch ${BATCH}, ${label}`,
    value: FRAMES / ((performance.now() - t) / 1000),
    unit: 'frames/s',
  };
  project.close();
  client.dispose();
  await rm(work, { recursive: true, force: true });

  const gpu = loaded.provider !== 'cpu';
  const ideal: BenchFigure = {
    suite,
    name: gpu ? 'ideal end to end: min(decode, inference)' : 'ideal end to end on shared cores: 1/(1/decode + 1/inference)',
    value: gpu ? Math.min(decode.value, infer.value) : 1 / (1 / decode.value + 1 / infer.value),
    unit: 'frames/s',
  };
  return [decode, infer, e2e, ideal, ratioFigure(suite, 'end to end / ideal', e2e, ideal, '≥ 0.85')];
}

export const solveSuite: BenchSuite = { name: 'solve', run };
