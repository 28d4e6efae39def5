// Model inference throughput, onnxruntime-node against PyTorch on the same model, measured in one
// run with the same thread count: batch 1 (latency-bound, scrubbing a single frame) and batch 16
// (the solve pipeline's batch). onnxruntime runs through the solver engine itself (the code the
// solver process runs), in-process so the figure is the runtime's, not the IPC's. The two
// runtimes are measured in alternating rounds and each figure is the median of its rounds: on a
// shared 2-core machine load comes and goes, and measuring one runtime after the other let a
// burst of load decide the ratio (measured: 0.90 under load, 1.6 on a quiet machine).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadModelInfo, manifestPathFor } from '../../../electron/solver/manifest';
import { defaultModelPath } from '../../../electron/solver/models-catalog';
import { handleRequest, runModel } from '../../../electron/solver/engine';
import { quantile, ratioFigure, type BenchFigure, type BenchSuite } from '../figures';

const THREADS = 2;
const SECONDS = 2;
const ROUNDS = 3;
const BATCHES = [1, 16] as const;

function inputs(batch: number, size: number, seed: number): { rgb: Float32Array; normal: Float32Array } {
  const n = batch * 3 * size * size;
  const rgb = new Float32Array(n),
    normal = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0; // LCG: values do not matter, only that they vary
    rgb[i] = (s / 2 ** 32) * 4 - 2;
    normal[i] = ((s / 2 ** 31) % 1) * 2 - 1;
  }
  return { rgb, normal };
}

async function onnxFramesPerSecond(modelPath: string, batch: number, size: number): Promise<number> {
  const { rgb, normal } = inputs(batch, size, batch);
  const infer = async (): Promise<void> => {
    await runModel(modelPath, batch, size, rgb, normal);
  };
  await infer();
  await infer(); // warm-up
  let runs = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000 || runs < 3) {
    await infer();
    runs++;
  }
  return (runs * batch) / ((performance.now() - t0) / 1000);
}

function pytorchFramesPerSecond(manifestPath: string): Record<string, number | string> {
  const r = spawnSync(
    'python3',
    [
      '-m',
      'rigsolve_training.throughput',
      '--manifest',
      manifestPath,
      '--threads',
      String(THREADS),
      '--batches',
      BATCHES.join(','),
      '--seconds',
      String(SECONDS),
    ],
    {
      cwd: join(process.cwd(), 'models/training'),
      encoding: 'utf8',
    },
  );
  if (r.status !== 0)
    throw new Error(`PyTorch throughput failed (python3 -m rigsolve_training.throughput): ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number | string>;
}

async function run(): Promise<BenchFigure[]> {
  const suite = 'model';
  const modelPath = defaultModelPath();
  if (!existsSync(modelPath)) throw new Error(`no shipped model at ${modelPath} (models/README.md says how to train and export it)`);
  const info = await loadModelInfo(modelPath);
  const size = info.manifest.inputSize;
  const label = info.manifest.id;
  const loaded = await handleRequest({ type: 'load', id: 0, modelPath, device: 'cpu', threads: THREADS });
  if (loaded.type !== 'loaded') throw new Error(loaded.type === 'error' ? loaded.message : loaded.type);
  const onnxRounds = new Map<number, number[]>(BATCHES.map((b) => [b, []]));
  const torchRounds = new Map<number, number[]>(BATCHES.map((b) => [b, []]));
  let runtime = '';
  for (let round = 0; round < ROUNDS; round++) {
    const torch = pytorchFramesPerSecond(manifestPathFor(modelPath));
    runtime = String(torch.runtime);
    for (const b of BATCHES) {
      torchRounds.get(b)!.push(Number(torch[`batch${b}`]));
      onnxRounds.get(b)!.push(await onnxFramesPerSecond(modelPath, b, size));
    }
  }
  const median = (xs: number[]) =>
    quantile(
      [...xs].sort((a, b) => a - b),
      0.5,
    );
  const rounds = (xs: number[]) => `median of ${ROUNDS} rounds, alternating with the other runtime: ${xs.map((x) => x.toFixed(0)).join(', ')}`;
  const figures: BenchFigure[] = [];
  for (const b of BATCHES) {
    const onnx: BenchFigure = {
      suite,
      name: `onnxruntime-node CPU, ${THREADS} threads, batch ${b}, ${label}`,
      value: median(onnxRounds.get(b)!),
      unit: 'frames/s',
      notes: rounds(onnxRounds.get(b)!),
      ...(b === 16 ? { target: '≥ 200' } : {}),
    };
    const pt: BenchFigure = {
      suite,
      name: `${runtime}, ${THREADS} threads, batch ${b}, same model`,
      value: median(torchRounds.get(b)!),
      unit: 'frames/s',
      notes: rounds(torchRounds.get(b)!),
    };
    figures.push(onnx, pt, ratioFigure(suite, `onnxruntime-node / PyTorch, batch ${b}`, onnx, pt, '> 1'));
  }
  return figures;
}

export const modelSuite: BenchSuite = { name: 'model', run };
