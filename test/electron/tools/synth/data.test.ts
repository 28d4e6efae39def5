import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSynthData } from '../../../../electron/tools/synth/data/write-data';
import { parseNpyHeader } from '../../../../electron/util/npy';
import { ballHeadRig } from './test-rig';

const root = mkdtempSync(join(tmpdir(), 'rigsolve-data-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const rig = ballHeadRig(0.5);
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

function header(path: string): { dtype: string; shape: readonly number[] } {
  return parseNpyHeader(readFileSync(path));
}

describe('writeSynthData', () => {
  it('writes shards, basis and manifest in rigsolve-synth-data/1, identically for any worker count', async () => {
    const progress: number[] = [];
    const m = await writeSynthData({
      outDir: join(root, 'a'),
      rig,
      count: 10,
      size: 24,
      seed: 9,
      shardSize: 4,
      workers: 0,
      onProgress: (d) => progress.push(d),
    });
    expect(progress.at(-1)).toBe(10);
    const onDisk = JSON.parse(readFileSync(join(root, 'a/manifest.json'), 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(m)));
    expect(Object.keys(onDisk)).toEqual([
      'format',
      'count',
      'size',
      'seed',
      'controls',
      'regions',
      'rigHash',
      'hasNormal',
      'anchors',
      'shards',
      'basis',
      'prior',
      'randomisation',
    ]);
    expect(onDisk).toMatchObject({ format: 'rigsolve-synth-data/1', count: 10, size: 24, seed: 9, rigHash: rig.hash, hasNormal: true, controls: rig.controls });
    expect(onDisk.regions).toHaveLength(rig.controls.length);
    expect(onDisk.regions[rig.controls.indexOf('jawOpen')]).toBe('jaw');
    expect(onDisk.shards).toEqual([
      {
        count: 4,
        rgb: 'shard-00000.rgb.npy',
        normal: 'shard-00000.normal.npy',
        params: 'shard-00000.params.npy',
        anchors: 'shard-00000.anchors.npy',
        pose: 'shard-00000.pose.npy',
      },
      {
        count: 4,
        rgb: 'shard-00001.rgb.npy',
        normal: 'shard-00001.normal.npy',
        params: 'shard-00001.params.npy',
        anchors: 'shard-00001.anchors.npy',
        pose: 'shard-00001.pose.npy',
      },
      {
        count: 2,
        rgb: 'shard-00002.rgb.npy',
        normal: 'shard-00002.normal.npy',
        params: 'shard-00002.params.npy',
        anchors: 'shard-00002.anchors.npy',
        pose: 'shard-00002.pose.npy',
      },
    ]);
    expect(header(join(root, 'a/shard-00002.rgb.npy'))).toMatchObject({ dtype: '|u1', shape: [2, 24, 24, 3] });
    expect(header(join(root, 'a/shard-00000.normal.npy'))).toMatchObject({ dtype: '|u1', shape: [4, 24, 24, 3] });
    expect(header(join(root, 'a/shard-00000.params.npy'))).toMatchObject({ dtype: '<f4', shape: [4, 102] });
    // the pose stage's labels: the head's rigid anchors in image pixels, and the head pose
    expect(onDisk.anchors).toEqual(['eyeLeft', 'eyeRight', 'mouth']);
    expect(header(join(root, 'a/shard-00000.anchors.npy'))).toMatchObject({ dtype: '<f4', shape: [4, 3, 2] });
    expect(header(join(root, 'a/shard-00000.pose.npy'))).toMatchObject({ dtype: '<f4', shape: [4, 3] });
    const V = rig.parts.reduce((s, p) => s + p.vertexCount, 0);
    expect(header(join(root, 'a/basis/neutral.npy'))).toMatchObject({ dtype: '<f4', shape: [V, 3] });
    expect(header(join(root, 'a/basis/deltas.npy'))).toMatchObject({ dtype: '<f4', shape: [102, V, 3] });
    expect(header(join(root, 'a/basis/correctives.npy'))).toMatchObject({ dtype: '<f4', shape: [1, V, 3] });
    expect(onDisk.basis.correctivePairs).toEqual([[rig.controls.indexOf('jawOpen'), rig.controls.indexOf('mouthCornerPull_L')]]);

    await writeSynthData({ outDir: join(root, 'b'), rig, count: 10, size: 24, seed: 9, shardSize: 4, workers: 1 });
    for (const f of readdirSync(join(root, 'a'))) {
      if (f.endsWith('.npy') || f === 'manifest.json') expect(readFileSync(join(root, 'b', f)).equals(readFileSync(join(root, 'a', f))), f).toBe(true);
    }
    await writeSynthData({ outDir: join(root, 'c'), rig, count: 4, size: 24, seed: 10, shardSize: 4, workers: 0 });
    expect(readFileSync(join(root, 'c/shard-00000.params.npy')).equals(readFileSync(join(root, 'a/shard-00000.params.npy')))).toBe(false);
  });

  it('leaves the normal maps out when asked (hasNormal false)', async () => {
    const m = await writeSynthData({ outDir: join(root, 'rgb-only'), rig, count: 3, size: 16, seed: 1, workers: 0, normal: false });
    expect(m.hasNormal).toBe(false);
    expect(m.shards).toEqual([
      { count: 3, rgb: 'shard-00000.rgb.npy', params: 'shard-00000.params.npy', anchors: 'shard-00000.anchors.npy', pose: 'shard-00000.pose.npy' },
    ]);
    expect(readdirSync(join(root, 'rgb-only')).some((f) => f.includes('normal'))).toBe(false);
    const bytes = readFileSync(join(root, 'rgb-only/shard-00000.rgb.npy'));
    expect(bytes.length).toBe(parseNpyHeader(bytes).dataOffset + 3 * 16 * 16 * 3);
  });

  it.skipIf(!hasNumpy)('numpy memory-maps the shards and the basis reproduces the rig', () => {
    const out = execFileSync('python3', [
      '-c',
      `
import json, sys, numpy as np
d = sys.argv[1]; m = json.load(open(d + '/manifest.json'))
s = m['shards'][0]
rgb = np.load(d + '/' + s['rgb'], mmap_mode='r'); p = np.load(d + '/' + s['params'], mmap_mode='r')
nb = np.load(d + '/basis/neutral.npy'); de = np.load(d + '/basis/deltas.npy')
print(rgb.dtype, rgb.shape, p.dtype, p.shape, float(p.min()) >= 0, float(p.max()) <= 1, nb.shape[1], de.shape[0], int(rgb.std() > 1))`,
      join(root, 'a'),
    ])
      .toString()
      .trim();
    expect(out).toBe('uint8 (4, 24, 24, 3) float32 (4, 102) True True 3 102 1');
  });
});
