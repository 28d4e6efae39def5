// The head channels' one home (common/head.ts): names, units, ranges, and the rotation the
// exporters write (a quaternion) being the renderer's own (Ry · Rx · Rz about the pivot).
import { describe, expect, it } from 'vitest';
import { parseCurvesCsv, curvesToWeights, headFromCurves } from '../../../electron/capture/curves-csv';
import { channelRange, channelUnit, HEAD_CHANNELS, headQuaternion, isHeadChannel, keyValueLimit } from '../../../electron/common/head';
import { parseTruthCsv } from '../../../electron/eval/run-eval';
import { poseMatrix } from '../../../electron/tools/synth/render/camera';

function quatToMatrix([x, y, z, w]: readonly number[]): number[] {
  return [
    1 - 2 * (y! * y! + z! * z!),
    2 * (x! * y! - z! * w!),
    2 * (x! * z! + y! * w!),
    2 * (x! * y! + z! * w!),
    1 - 2 * (x! * x! + z! * z!),
    2 * (y! * z! - x! * w!),
    2 * (x! * z! - y! * w!),
    2 * (y! * z! + x! * w!),
    1 - 2 * (x! * x! + y! * y!),
  ];
}

describe('head channels', () => {
  it('names six channels, in degrees then millimetres, none of them a control', () => {
    expect(HEAD_CHANNELS).toEqual(['headYaw', 'headPitch', 'headRoll', 'headTx', 'headTy', 'headTz']);
    expect(HEAD_CHANNELS.map(channelUnit)).toEqual(['deg', 'deg', 'deg', 'mm', 'mm', 'mm']);
    expect(isHeadChannel('jawOpen')).toBe(false);
    expect(channelUnit('jawOpen')).toBeNull();
    expect(channelRange('jawOpen')).toEqual({ min: 0, max: 1 });
    expect(channelRange('headYaw')).toEqual({ min: -180, max: 180 });
    expect(keyValueLimit('jawOpen')).toBe(10);
    expect(keyValueLimit('headTz')).toBe(1000);
  });

  it('writes the renderer’s rotation as a quaternion (yaw, pitch, roll together)', () => {
    for (const [yaw, pitch, roll] of [
      [10, 0, 0],
      [0, 12, 0],
      [0, 0, -7],
      [23, -11, 5],
      [-40, 30, 60],
    ] as const) {
      const m = poseMatrix({ yaw, pitch, roll }, [0, 0, 0]);
      const r = [m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]].map(Number);
      const q = quatToMatrix(headQuaternion(yaw, pitch, roll));
      q.forEach((v, i) => expect(v).toBeCloseTo(r[i]!, 12));
    }
  });

  it('reads head columns apart from the controls: not unmatched, not scored as controls', () => {
    const csv = 'frame,jawOpen,headYaw,headPitch,headTz\n1,0.5,10,-2,4\n2,0.25,11,-3,5\n';
    const table = parseCurvesCsv(csv);
    const mapped = curvesToWeights(table, ['jawOpen', 'eyeBlink_L']);
    expect(mapped.unmatched).toEqual([]);
    const head = headFromCurves(table)!;
    expect(head.channels).toEqual(['headYaw', 'headPitch', 'headTz']);
    expect(Array.from(head.values)).toEqual([10, -2, 0, 0, 0, 4, 11, -3, 0, 0, 0, 5]);
    expect(headFromCurves(parseCurvesCsv('frame,jawOpen\n1,0\n'))).toBeNull();
    // Live Link Face's HeadYaw is radians in its own convention: not read as the head channel.
    expect(headFromCurves(parseCurvesCsv('frame,HeadYaw\n1,0.1\n'))).toBeNull();
    const truth = parseTruthCsv(csv);
    expect(truth.controls).toEqual(['jawOpen']);
    expect(Array.from(truth.rows)).toEqual([0.5, 0.25]);
  });
});

describe('filters on head channels', () => {
  it('smooth a head turn with One-Euro as they smooth a control: the speed term reads the channel’s scale', async () => {
    const { applyFilter } = await import('../../../electron/common/curves/filters');
    const x = Float32Array.from({ length: 60 }, (_, i) => 0.5 + 0.3 * Math.sin(i / 5) + (i % 2 ? 0.02 : -0.02));
    const deg = x.map((v) => v * 10);
    const spec = { kind: 'oneEuro' as const, strength: 0.6 };
    const control = applyFilter(x, spec, 24);
    const head = applyFilter(deg, spec, 24, undefined, 10);
    head.forEach((v, i) => expect(v).toBeCloseTo(control[i]! * 10, 3));
  });
});

describe('head rotation for Maya', () => {
  const rot = (axis: 'x' | 'y' | 'z', deg: number): number[] => {
    const c = Math.cos((deg * Math.PI) / 180),
      s = Math.sin((deg * Math.PI) / 180);
    if (axis === 'x') return [1, 0, 0, 0, c, -s, 0, s, c];
    if (axis === 'y') return [c, 0, s, 0, 1, 0, -s, 0, c];
    return [c, -s, 0, s, c, 0, 0, 0, 1];
  };
  const mul = (a: number[], b: number[]): number[] =>
    Array.from({ length: 9 }, (_, k) => {
      const i = Math.floor(k / 3),
        j = k % 3;
      return a[i * 3]! * b[j]! + a[i * 3 + 1]! * b[3 + j]! + a[i * 3 + 2]! * b[6 + j]!;
    });

  it('gives rotateX/Y/Z in the default xyz order (Rz·Ry·Rx) that make the renderer’s rotation', async () => {
    const { headEulerXYZ, headMatrix } = await import('../../../electron/common/head');
    for (const [yaw, pitch, roll] of [
      [10, 0, 0],
      [0, -15, 0],
      [0, 0, 8],
      [23, -11, 5],
      [-40, 30, 60],
    ] as const) {
      const [x, y, z] = headEulerXYZ(yaw, pitch, roll);
      const m = mul(rot('z', z), mul(rot('y', y), rot('x', x)));
      headMatrix(yaw, pitch, roll).forEach((v, i) => expect(m[i]).toBeCloseTo(v, 12));
    }
    // One axis alone is that axis's angle.
    expect(headEulerXYZ(12, 0, 0)[1]).toBeCloseTo(12, 12);
    expect(headEulerXYZ(0, 7, 0)[0]).toBeCloseTo(7, 12);
    // Near the previous frame: no jump of a turn.
    expect(headEulerXYZ(0, 0, 179, [0, 0, 0])[2]).toBeCloseTo(179, 9);
    expect(headEulerXYZ(0, 0, 181, [0, 0, 179])[2]).toBeCloseTo(181, 9);
  });
});
