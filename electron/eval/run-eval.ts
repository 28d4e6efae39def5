// Evaluation from Node: the shipped model's figures in models/EVAL.md can be reproduced without
// Python, through the same solver process and preprocessing the app uses.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { badInput } from '../common/api/errors';
import { isHeadChannel } from '../common/head';
import type { SolverClient } from '../solver/client';
import { decodeForModel, defaultCrop } from '../solver/decode';
import { modelInput, type ModelInfo } from '../solver/manifest';
import { emptyFrameBatch } from '../solver/preprocess';
import { readBasis, readDatasetManifest, readNpy } from './dataset';
import { activeVertices, controlErrors, controlRegions, DistanceStats, jitter, vertexDistancesMm, type ControlErrors } from './metrics';

export type EvalMode = 'both' | 'rgb' | 'normal';

export interface DatasetEval extends ControlErrors {
  mode: EvalMode;
  samples: number;
  vertexMeanMm: number;
  vertexP95Mm: number;
}

interface Ctx {
  model: ModelInfo;
  client: SolverClient;
  batch: number;
  onProgress?: (done: number, total: number) => void;
}

/** Runs a batch of HWC uint8 images through the model; returns [n, C] in `controls` order. */
async function predict(ctx: Ctx, rgb: Uint8Array | null, normal: Uint8Array | null, n: number, controls: readonly string[]): Promise<Float32Array> {
  const size = ctx.model.manifest.inputSize;
  // Copied into a batch of its own: a view into the shard would send the whole shard's buffer
  // through IPC (structured clone serialises a typed array's entire ArrayBuffer).
  const frames = emptyFrameBatch(n, size);
  if (rgb) frames.rgb.set(rgb.subarray(0, frames.rgb.length));
  if (normal) frames.normal.set(normal.subarray(0, frames.normal.length));
  frames.hasRgb.fill(rgb ? 1 : 0);
  frames.hasNormal.fill(normal ? 1 : 0);
  const out = await ctx.client.infer(ctx.model.path, frames, modelInput(ctx.model.manifest));
  const index = controls.map((c) => ctx.model.manifest.controls.indexOf(c));
  if (index.some((i) => i < 0)) throw badInput(`model "${ctx.model.manifest.id}" does not solve every control of the data`);
  const rows = new Float32Array(n * controls.length);
  for (let i = 0; i < n; i++) for (let c = 0; c < controls.length; c++) rows[i * controls.length + c] = out.params[i * out.controls + index[c]!]!;
  return rows;
}

export async function evaluateDataset(dir: string, mode: EvalMode, ctx: Ctx): Promise<DatasetEval> {
  const m = await readDatasetManifest(dir);
  if (m.size !== ctx.model.manifest.inputSize) throw badInput(`the data is ${m.size}², the model takes ${ctx.model.manifest.inputSize}²`);
  if (mode !== 'rgb' && !m.hasNormal) throw badInput('the data has no normal maps');
  const basis = await readBasis(dir, m);
  const C = m.controls.length;
  const preds: Float32Array[] = [];
  const truths: Float32Array[] = [];
  const stats = new DistanceStats();
  const dist = new Float32Array(basis.vertexCount);
  const active = activeVertices(basis);
  let done = 0;
  for (const shard of m.shards) {
    const params = await readNpy<Float32Array>(join(dir, shard.params), '<f4');
    const rgb = mode === 'normal' ? null : (await readNpy<Uint8Array>(join(dir, shard.rgb), '|u1')).data;
    const normal = mode === 'rgb' || !shard.normal ? null : (await readNpy<Uint8Array>(join(dir, shard.normal), '|u1')).data;
    const pixels = m.size * m.size * 3;
    for (let i = 0; i < shard.count; i += ctx.batch) {
      const n = Math.min(ctx.batch, shard.count - i);
      const rows = await predict(
        ctx,
        rgb ? rgb.subarray(i * pixels, (i + n) * pixels) : null,
        normal ? normal.subarray(i * pixels, (i + n) * pixels) : null,
        n,
        m.controls,
      );
      const truth = params.data.subarray(i * C, (i + n) * C);
      preds.push(rows);
      truths.push(truth.slice());
      for (let k = 0; k < n; k++) stats.add(vertexDistancesMm(basis, rows.subarray(k * C, (k + 1) * C), truth.subarray(k * C, (k + 1) * C), dist, active));
      done += n;
      ctx.onProgress?.(done, m.count);
    }
  }
  const errors = controlErrors(concat(preds), concat(truths), m.regions, m.controls);
  return { mode, samples: done, ...errors, vertexMeanMm: stats.mean, vertexP95Mm: stats.quantile(0.95) };
}

export interface ShotEval extends ControlErrors {
  mode: EvalMode;
  frames: number;
  jitterPredicted: number;
  jitterTruth: number;
}

/** A synth-shot folder (rgb/, normal/, truth.csv): accuracy and jitter on natural motion. */
export async function evaluateShot(dir: string, mode: EvalMode, ctx: Ctx): Promise<ShotEval> {
  const {
    controls,
    rows: truth,
    frames,
  } = parseTruthCsv(
    await readFile(join(dir, 'truth.csv'), 'utf8').catch(() => {
      throw badInput(`${dir} has no truth.csv`);
    }),
  );
  const regions = controlRegions(controls);
  const size = ctx.model.manifest.inputSize;
  const rgbNames = await frameFiles(join(dir, 'rgb'));
  const normalNames = mode === 'rgb' ? null : await frameFiles(join(dir, 'normal'));
  const pixels = size * size * 3;
  const preds: Float32Array[] = [];
  for (let i = 0; i < frames.length; i += ctx.batch) {
    const batch = frames.slice(i, i + ctx.batch);
    const load = async (folder: string, names: Map<number, string>): Promise<Uint8Array> => {
      const buf = new Uint8Array(batch.length * pixels);
      await Promise.all(
        batch.map(async (f, k) => {
          const name = names.get(f);
          if (!name) throw badInput(`frame ${f} of truth.csv has no image in ${folder}`);
          const path = join(folder, name);
          const meta = await sharp(path).metadata();
          buf.set(await decodeForModel(path, defaultCrop(meta.width!, meta.height!), size), k * pixels);
        }),
      );
      return buf;
    };
    const rgb = mode === 'normal' ? null : await load(join(dir, 'rgb'), rgbNames);
    const normal = normalNames ? await load(join(dir, 'normal'), normalNames) : null;
    preds.push(await predict(ctx, rgb, normal, batch.length, controls));
    ctx.onProgress?.(Math.min(frames.length, i + ctx.batch), frames.length);
  }
  const pred = concat(preds);
  const errors = controlErrors(pred, truth, regions, controls);
  return { mode, frames: frames.length, ...errors, jitterPredicted: jitter(pred, controls.length), jitterTruth: jitter(truth, controls.length) };
}

/** truth.csv's controls and their rows; the head columns (common/head.ts: degrees and mm, not 0…1) are not controls and are left out. */
export function parseTruthCsv(text: string): { controls: string[]; frames: number[]; rows: Float32Array } {
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  if (header[0] !== 'frame') throw badInput('truth.csv must start with a "frame" column');
  const columns = header
    .slice(1)
    .map((name, i) => ({ name, cell: i + 1 }))
    .filter((c) => !isHeadChannel(c.name));
  const controls = columns.map((c) => c.name);
  const frames: number[] = [];
  const rows = new Float32Array((lines.length - 1) * controls.length);
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',');
    frames.push(Number(cells[0]));
    columns.forEach((col, c) => (rows[i * controls.length + c] = Number(cells[col.cell])));
  });
  return { controls, frames, rows };
}

async function frameFiles(dir: string): Promise<Map<number, string>> {
  const names = await readdir(dir).catch(() => {
    throw badInput(`missing folder ${dir}`);
  });
  const map = new Map<number, string>();
  for (const n of names) {
    const m = /(\d+)\.png$/i.exec(n);
    if (m) map.set(Number(m[1]), n);
  }
  return map;
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
