// Reading a `rigsolve synth-data` folder (manifest, .npy shards, rig basis) for evaluation in Node.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { badInput } from '../common/api/errors';
import { parseNpyHeader } from '../util/npy';

const Manifest = z.object({
  format: z.literal('rigsolve-synth-data/1'),
  count: z.number().int(),
  size: z.number().int(),
  seed: z.number().int(),
  controls: z.array(z.string()),
  regions: z.array(z.string()),
  rigHash: z.string(),
  hasNormal: z.boolean(),
  shards: z.array(z.object({ count: z.number().int(), rgb: z.string(), normal: z.string().optional(), params: z.string() })),
  basis: z.object({
    neutral: z.string(),
    deltas: z.string(),
    correctives: z.string(),
    correctivePairs: z.array(z.tuple([z.number().int(), z.number().int()])),
  }),
});
export type DatasetManifest = z.infer<typeof Manifest>;

export interface NpyArray<T extends Uint8Array | Float32Array> {
  shape: number[];
  data: T;
}

export async function readNpy<T extends Uint8Array | Float32Array>(path: string, dtype: '|u1' | '<f4'): Promise<NpyArray<T>> {
  const bytes = new Uint8Array(await readFile(path));
  const header = parseNpyHeader(bytes);
  if (header.dtype !== dtype) throw badInput(`${path}: expected ${dtype}, found ${header.dtype}`);
  const count = header.shape.reduce((a, b) => a * b, 1);
  const start = header.dataOffset;
  if (dtype === '|u1') return { shape: [...header.shape], data: bytes.subarray(start, start + count) as T };
  // Copy into an aligned buffer: the data offset need not be a multiple of 4 in every writer's files.
  const out = new Float32Array(count);
  new Uint8Array(out.buffer).set(bytes.subarray(start, start + count * 4));
  return { shape: [...header.shape], data: out as T };
}

export interface RigBasisArrays {
  vertexCount: number;
  neutral: Float32Array;
  deltas: Float32Array;
  correctives: Float32Array;
  pairs: readonly (readonly [number, number])[];
}

export async function readDatasetManifest(dir: string): Promise<DatasetManifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    throw badInput(`${dir} is not a synth-data folder (no readable manifest.json)`);
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw badInput(`${dir}/manifest.json: ${z.prettifyError(parsed.error).split('\n')[0]}`);
  return parsed.data;
}

export async function readBasis(dir: string, m: DatasetManifest): Promise<RigBasisArrays> {
  const neutral = await readNpy<Float32Array>(join(dir, m.basis.neutral), '<f4');
  const deltas = await readNpy<Float32Array>(join(dir, m.basis.deltas), '<f4');
  const correctives = await readNpy<Float32Array>(join(dir, m.basis.correctives), '<f4');
  return { vertexCount: neutral.shape[0]!, neutral: neutral.data, deltas: deltas.data, correctives: correctives.data, pairs: m.basis.correctivePairs };
}
