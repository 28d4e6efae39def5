import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCurvesCsv, resolveCurveColumn } from '../../../../electron/capture/curves-csv';
import { HEAD_CHANNELS } from '../../../../electron/common/head';
import { generateMotion } from '../../../../electron/tools/synth/shot/motion';
import { writeSynthShot } from '../../../../electron/tools/synth/shot/write-shot';
import { ballHeadRig } from './test-rig';

const root = mkdtempSync(join(tmpdir(), 'rigsolve-shot-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const rig = ballHeadRig(0.5);

describe('writeSynthShot', () => {
  it('writes rgb/ and normal/ PNG frames and truth.csv with the rig controls, deterministically', async () => {
    const progress: number[] = [];
    const opts = { rig, frames: 6, fps: 24, seed: 5, size: 32, workers: 0, look: { ssaa: 1 } } as const;
    const a = await writeSynthShot({ ...opts, outDir: join(root, 'a'), onProgress: (d) => progress.push(d) });
    expect(readdirSync(join(root, 'a/rgb')).sort()).toEqual([
      'frame.0001.png',
      'frame.0002.png',
      'frame.0003.png',
      'frame.0004.png',
      'frame.0005.png',
      'frame.0006.png',
    ]);
    expect(readdirSync(join(root, 'a/normal')).sort()).toEqual(readdirSync(join(root, 'a/rgb')).sort());
    expect(progress.at(-1)).toBe(6);
    const meta = await sharp(join(root, 'a/rgb/frame.0001.png')).metadata();
    expect([meta.width, meta.height, meta.channels, meta.depth]).toEqual([32, 32, 3, 'uchar']);
    const lines = readFileSync(a.truthCsv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(`frame,${rig.controls.join(',')},headYaw,headPitch,headRoll,headTx,headTy,headTz`);
    expect(lines).toHaveLength(7);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(lines[1]!.split(',')).toHaveLength(rig.controls.length + 1 + HEAD_CHANNELS.length);
    expect(lines[1]!.split(',')[1]).toMatch(/^\d\.\d{6}$/);
    // The head columns are the poses the frames were rendered with (degrees), translation 0 (the head turns about the neck).
    const poses = generateMotion({ frames: 6, fps: 24, seed: 5, controls: rig.controls }).poses;
    lines.slice(1).forEach((line, i) => {
      const head = line.split(',').slice(-HEAD_CHANNELS.length).map(Number);
      expect(head[0]).toBeCloseTo(poses[i]!.yaw!, 5);
      expect(head[1]).toBeCloseTo(poses[i]!.pitch!, 5);
      expect(head[2]).toBeCloseTo(poses[i]!.roll!, 5);
      expect(head.slice(3)).toEqual([0, 0, 0]);
    });
    expect(lines.slice(1).some((l) => Math.abs(Number(l.split(',').at(-6))) > 0.01)).toBe(true);

    await writeSynthShot({ ...opts, outDir: join(root, 'b') });
    for (const f of ['truth.csv', 'rgb/frame.0003.png', 'normal/frame.0006.png']) {
      expect(readFileSync(join(root, 'b', f)).equals(readFileSync(join(root, 'a', f))), f).toBe(true);
    }
  });

  it('renders a given curves CSV (ARKit names accepted), frame numbers kept, absent controls at zero; --no-normal', async () => {
    const csv = 'frame,jawOpen,eyeBlinkLeft,mouthSmile_L,notAControl\n101,0.5,1,0.25,1\n102,1,0,0.5,1\n';
    const table = parseCurvesCsv(csv);
    expect(table.frames).toEqual([101, 102]);
    const res = await writeSynthShot({ rig, curves: table, outDir: join(root, 'c'), size: 24, normal: false, workers: 0 });
    expect(readdirSync(join(root, 'c/rgb')).sort()).toEqual(['frame.0101.png', 'frame.0102.png']);
    expect(() => readdirSync(join(root, 'c/normal'))).toThrow();
    expect(res.unmatchedColumns).toContain('notAControl');
    const lines = readFileSync(res.truthCsv, 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    const row = lines[1]!.split(',');
    expect(row[0]).toBe('101');
    expect(row[header.indexOf('jawOpen')]).toBe('0.500000');
    expect(row[header.indexOf('eyeBlink_L')]).toBe('1.000000');
    expect(row[header.indexOf('browDown_L')]).toBe('0.000000');
  });

  it('maps curve names exactly, case-insensitively and by Left/Right suffix', () => {
    const c = rig.controls;
    expect(resolveCurveColumn('jawOpen', c)).toEqual([{ control: c.indexOf('jawOpen'), scale: 1 }]);
    expect(resolveCurveColumn('JAWOPEN', c)).toEqual([{ control: c.indexOf('jawOpen'), scale: 1 }]);
    expect(resolveCurveColumn('eyeBlinkRight', c)).toEqual([{ control: c.indexOf('eyeBlink_R'), scale: 1 }]);
    expect(resolveCurveColumn('nothing', c)).toEqual([]);
  });
});
