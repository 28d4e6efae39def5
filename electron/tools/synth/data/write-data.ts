// `rigsolve synth-data`: training shards for the Python trainer, in the rigsolve-synth-data/1
// format (a contract with models/training): memory-mappable .npy shards of uint8 images and
// float32 parameters, the rig basis, and a manifest written last (a directory without
// manifest.json is an unfinished run). Every sample's expression and randomisation derive from
// (seed, sample index) on the main thread, so the data is identical whatever the worker count.
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rigBasisArrays } from '../../../rig/basis';
import type { Rig } from '../../../rig/types';
import { mapLimit } from '../../../util/map-limit';
import { dataBytes, npyHeader } from '../../../util/npy';
import { controlRegion } from '../expressions';
import { ANCHOR_NAMES, compileRig } from '../render/mesh';
import type { RenderPool } from '../render/pool';
import { createRenderPool } from '../render/pool';
import type { RenderRequest } from '../render/types';
import { createRng, deriveSeed } from '../rng';
import type { PriorContext } from './prior';
import { PRIOR, priorContext, sampleExpression } from './prior';
import { RANDOMISATION, sampleRandomisation } from './randomise';

export const SYNTH_DATA_FORMAT = 'rigsolve-synth-data/1';

export interface SynthDataOptions {
  readonly outDir: string;
  readonly rig: Rig;
  readonly count: number;
  /** Square image side (default 128). */
  readonly size?: number;
  readonly seed?: number;
  /** Samples per shard (default 1000). */
  readonly shardSize?: number;
  /** Write normal maps (default true). */
  readonly normal?: boolean;
  readonly pool?: RenderPool;
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export interface ShardEntry {
  readonly count: number;
  readonly rgb: string;
  readonly normal?: string;
  readonly params: string;
  /** float32 [n, anchors, 2]: the head's rigid anchors in image pixels (pose-stage labels). */
  readonly anchors?: string;
  /** float32 [n, 3]: head yaw, pitch, roll in degrees (about the neck pivot, before the view). */
  readonly pose?: string;
}

export interface SynthDataManifest {
  readonly format: typeof SYNTH_DATA_FORMAT;
  readonly count: number;
  readonly size: number;
  readonly seed: number;
  readonly controls: readonly string[];
  readonly regions: readonly string[];
  readonly rigHash: string;
  readonly hasNormal: boolean;
  /** Names of the anchors in each shard's anchors array (empty when the rig has none). */
  readonly anchors: readonly string[];
  readonly shards: readonly ShardEntry[];
  readonly basis: {
    readonly neutral: string;
    readonly deltas: string;
    readonly correctives: string;
    readonly correctivePairs: readonly (readonly [number, number])[];
  };
  readonly prior: typeof PRIOR;
  readonly randomisation: typeof RANDOMISATION;
}

/** Sample i's expression and render settings: a pure function of (seed, i). */
export function synthSample(seed: number, i: number, size: number, ctx: PriorContext): RenderRequest {
  const weights = sampleExpression(createRng(deriveSeed(seed, i, 1)), ctx);
  const settings = sampleRandomisation(createRng(deriveSeed(seed, i, 2)), size, deriveSeed(seed, i, 3));
  return { weights, settings };
}

async function writeNpyFile(path: string, data: Uint8Array | Float32Array, shape: readonly number[]): Promise<void> {
  const fh = await open(path, 'w');
  try {
    await fh.write(npyHeader(data instanceof Float32Array ? '<f4' : '|u1', shape));
    await fh.write(dataBytes(data));
  } finally {
    await fh.close();
  }
}

interface NpyStream {
  /** Writes bytes at a byte offset into the array's data. */
  write(bytes: Uint8Array, offset: number): Promise<void>;
  close(): Promise<void>;
}

async function openNpyStream(path: string, shape: readonly number[]): Promise<NpyStream> {
  const fh = await open(path, 'w');
  const header = npyHeader('|u1', shape);
  await fh.write(header, 0, header.length, 0);
  const total = shape.reduce((a, b) => a * b, 1);
  // Size the file up front, so an array whose last rows arrive first still has its full length.
  await fh.truncate(header.length + total);
  return {
    write: async (bytes, offset) => {
      await fh.write(bytes, 0, bytes.length, header.length + offset);
    },
    close: () => fh.close(),
  };
}

/** The anchors this rig's renders report (none when it lacks eyes or lips). */
function compileAnchorNames(rig: Rig): readonly string[] {
  return compileRig(rig).anchors ? ANCHOR_NAMES : [];
}

export async function writeSynthData(o: SynthDataOptions): Promise<SynthDataManifest> {
  const size = o.size ?? 128;
  const seed = (o.seed ?? 0) >>> 0;
  const shardSize = Math.max(1, Math.floor(o.shardSize ?? 1000));
  const hasNormal = o.normal ?? true;
  if (!(Number.isInteger(o.count) && o.count > 0)) throw new Error(`synth-data: count must be a positive integer, got ${o.count}`);
  const controls = o.rig.controls;
  const C = controls.length;
  const ctx = priorContext(controls);
  await mkdir(join(o.outDir, 'basis'), { recursive: true });

  const basis = rigBasisArrays(o.rig);
  const V = basis.vertexCount,
    K = basis.correctiveCount;
  const correctivePairs = Array.from({ length: K }, (_, k) => [basis.pairs[k * 2]!, basis.pairs[k * 2 + 1]!] as const);
  await writeNpyFile(join(o.outDir, 'basis/neutral.npy'), basis.neutral, [V, 3]);
  await writeNpyFile(join(o.outDir, 'basis/deltas.npy'), basis.deltas, [C, V, 3]);
  await writeNpyFile(join(o.outDir, 'basis/correctives.npy'), basis.correctives, [K, V, 3]);

  const anchorNames = compileAnchorNames(o.rig);
  const A = anchorNames.length;
  const pool = o.pool ?? (await createRenderPool({ rig: o.rig, workers: o.workers }));
  const shards: ShardEntry[] = [];
  const px = size * size * 3;
  let done = 0;
  try {
    for (let start = 0, k = 0; start < o.count; start += shardSize, k++) {
      const n = Math.min(shardSize, o.count - start);
      const name = `shard-${String(k).padStart(5, '0')}`;
      const entry: ShardEntry = {
        count: n,
        rgb: `${name}.rgb.npy`,
        ...(hasNormal ? { normal: `${name}.normal.npy` } : {}),
        params: `${name}.params.npy`,
        ...(A > 0 ? { anchors: `${name}.anchors.npy` } : {}),
        pose: `${name}.pose.npy`,
      };
      // Images stream to their files as they arrive (positional writes, any order), so memory
      // stays bounded by the samples in flight whatever the shard and image size.
      const rgbOut = await openNpyStream(join(o.outDir, entry.rgb), [n, size, size, 3]);
      const normalOut = entry.normal ? await openNpyStream(join(o.outDir, entry.normal), [n, size, size, 3]) : null;
      const params = new Float32Array(n * C);
      const anchors = new Float32Array(n * A * 2);
      const poses = new Float32Array(n * 3);
      try {
        const indices = Array.from({ length: n }, (_, j) => start + j);
        await mapLimit(indices, Math.max(4, pool.workers * 8), async (i, j) => {
          o.signal?.throwIfAborted();
          const s = synthSample(seed, i, size, ctx);
          params.set(s.weights, j * C);
          const p = s.settings.pose;
          poses.set([p?.yaw ?? 0, p?.pitch ?? 0, p?.roll ?? 0], j * 3);
          const res = await pool.render({ weights: s.weights, settings: { ...s.settings, normal: hasNormal } });
          if (A > 0 && res.anchors) anchors.set(res.anchors, j * A * 2);
          await rgbOut.write(res.rgb, j * px);
          if (normalOut && res.normal) await normalOut.write(res.normal, j * px);
          done++;
          o.onProgress?.(done, o.count);
        });
      } finally {
        await rgbOut.close();
        await normalOut?.close();
      }
      await writeNpyFile(join(o.outDir, entry.params), params, [n, C]);
      if (entry.anchors) await writeNpyFile(join(o.outDir, entry.anchors), anchors, [n, A, 2]);
      await writeNpyFile(join(o.outDir, entry.pose!), poses, [n, 3]);
      shards.push(entry);
    }
  } finally {
    if (!o.pool) await pool.close();
  }

  const manifest: SynthDataManifest = {
    format: SYNTH_DATA_FORMAT,
    count: o.count,
    size,
    seed,
    controls: [...controls],
    regions: controls.map(controlRegion),
    rigHash: o.rig.hash,
    hasNormal,
    anchors: anchorNames,
    shards,
    basis: { neutral: 'basis/neutral.npy', deltas: 'basis/deltas.npy', correctives: 'basis/correctives.npy', correctivePairs },
    prior: PRIOR,
    randomisation: RANDOMISATION,
  };
  await writeFile(join(o.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}
