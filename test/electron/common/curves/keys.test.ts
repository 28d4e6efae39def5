import { describe, expect, it } from 'vitest';
import {
  copyKeys,
  hermite,
  interpOf,
  keySlopes,
  keyTangentTypes,
  moveKeys,
  pasteKeys,
  sampleCorrection,
  setKey,
  smoothTangents,
  type Key,
  type TangentType,
} from '../../../../electron/common/curves/keys';
import { mirrorControlName } from '../../../../electron/common/controls';

const sample = (keys: Key[], falloff: number, from: number, to: number) => Array.from(sampleCorrection(keys, falloff, from, new Float32Array(to - from + 1)));

describe('key interpolation', () => {
  it('linear keys interpolate linearly', () => {
    expect(
      sample(
        [
          { frame: 10, value: 0, interp: 'linear' },
          { frame: 14, value: 0.4, interp: 'linear' },
        ],
        0,
        10,
        14,
      ).map((v) => +v.toFixed(6)),
    ).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
  });
  it('step keys hold until the next key', () => {
    expect(
      sample(
        [
          { frame: 0, value: 0.2, interp: 'step' },
          { frame: 3, value: 0.5, interp: 'step' },
        ],
        0,
        0,
        3,
      ).map((v) => +v.toFixed(6)),
    ).toEqual([0.2, 0.2, 0.2, 0.5]);
  });
  it('smooth keys ease in and out without overshooting', () => {
    const keys: Key[] = [
      { frame: 0, value: 0, interp: 'smooth' },
      { frame: 10, value: 0.3, interp: 'smooth' },
      { frame: 20, value: 0.3, interp: 'smooth' },
      { frame: 30, value: 0, interp: 'smooth' },
    ];
    const v = sample(keys, 0, 0, 30);
    expect(v[0]).toBe(0);
    expect(v[10]).toBeCloseTo(0.3, 6);
    expect(Math.max(...v)).toBeLessThanOrEqual(0.3 + 1e-6); // monotone: no bump above the hold
    expect(v[5]).toBeCloseTo(0.15, 6); // symmetric ease: halfway at the middle frame
    expect(v[1]! - v[0]!).toBeLessThan(v[5]! - v[4]!); // eases out of the first key
  });
});

describe('falloff', () => {
  it('eases a correction back to zero over the falloff beyond the first and last keys', () => {
    const v = sample([{ frame: 10, value: 0.4, interp: 'smooth' }], 4, 4, 16);
    // frames 4..16: zero until 6, smoothstep up to 10, back down to zero at 14
    expect(v.slice(0, 3)).toEqual([0, 0, 0]);
    expect(v[6]).toBeCloseTo(0.4, 6);
    expect(v[4]).toBeCloseTo(0.4 * 0.5, 6); // halfway (frame 8): smoothstep(0.5) = 0.5
    expect(v[5]).toBeCloseTo(0.4 * (0.75 * 0.75 * (3 - 1.5)), 6); // frame 9: smoothstep(0.75)
    expect(v[10]).toBe(0);
    expect(v[12]).toBe(0);
  });
  it('with no falloff, a correction stops at the keys', () => {
    expect(
      sample(
        [
          { frame: 2, value: 0.1, interp: 'linear' },
          { frame: 3, value: 0.1, interp: 'linear' },
        ],
        0,
        0,
        5,
      ).map((v) => +v.toFixed(6)),
    ).toEqual([0, 0, 0.1, 0.1, 0, 0]);
  });
});

describe('editing keys', () => {
  it('setKey replaces a key on the same frame', () => {
    const k = setKey(setKey([], { frame: 5, value: 0.1, interp: 'smooth' }), { frame: 5, value: 0.2, interp: 'linear' });
    expect(k).toEqual([{ frame: 5, value: 0.2, interp: 'linear' }]);
  });
  it('moveKeys snaps to frames and replaces keys it lands on', () => {
    const keys: Key[] = [
      { frame: 1, value: 0, interp: 'smooth' },
      { frame: 5, value: 0.5, interp: 'smooth' },
      { frame: 8, value: 0.2, interp: 'smooth' },
    ];
    expect(moveKeys(keys, new Set([5]), 2.6, 0.1)).toEqual([
      { frame: 1, value: 0, interp: 'smooth' },
      { frame: 8, value: 0.6, interp: 'smooth' },
    ]);
  });
  it('mirror paste puts left-side keys on the right-side controls', () => {
    const byControl = {
      mouthCornerPull_L: [
        { frame: 10, value: 0.2, interp: 'smooth' as const },
        { frame: 12, value: 0.3, interp: 'linear' as const },
      ],
      jawOpen: [{ frame: 11, value: 0.1, interp: 'smooth' as const }],
    };
    const clip = copyKeys(byControl, 10, 12);
    const pasted = pasteKeys(byControl, clip, 40, mirrorControlName);
    expect(pasted.mouthCornerPull_R).toEqual([
      { frame: 40, value: 0.2, interp: 'smooth' },
      { frame: 42, value: 0.3, interp: 'linear' },
    ]);
    expect(pasted.jawOpen).toEqual([
      { frame: 11, value: 0.1, interp: 'smooth' },
      { frame: 41, value: 0.1, interp: 'smooth' },
    ]);
    expect(pasted.mouthCornerPull_L).toBeUndefined();
  });
});

describe('tangents (Maya vocabulary)', () => {
  const at = (keys: Key[], from: number, to: number) => sample(keys, 0, from, to);
  const key = (frame: number, value: number, inTangent: TangentType, outTangent: TangentType, extra: Partial<Key> = {}): Key => ({
    frame,
    value,
    interp: interpOf(outTangent),
    inTangent,
    outTangent,
    ...extra,
  });

  it('flat tangents ease in and out (the smoothstep between the two values)', () => {
    const v = at([key(0, 0, 'flat', 'flat'), key(10, 1, 'flat', 'flat')], 0, 10);
    expect(v[5]).toBeCloseTo(0.5, 6);
    expect(v[1]).toBeCloseTo(3 * 0.01 - 2 * 0.001, 6);
  });

  it('a fixed tangent leaves its key at its own slope', () => {
    const v = at([key(0, 0, 'fixed', 'fixed', { outSlope: 0.1, inSlope: 0.1 }), key(10, 0, 'flat', 'flat')], 0, 10);
    expect(v[1]).toBeCloseTo(hermite(0, 0.1, 0, 0, 10, 0.1), 6);
    expect(v[1]).toBeCloseTo(0.081, 6);
  });

  it('spline takes the slope between the neighbouring keys; clamped flattens next to an equal key; auto stays monotone', () => {
    const o = [0, 0.5, 0.5, 1];
    const frames = [0, 10, 20, 30];
    const make = (t: TangentType) => frames.map((f, i) => key(f, o[i]!, t, t));
    const spline = keySlopes(make('spline'), o);
    expect(spline.out[1]).toBeCloseTo((0.5 - 0) / 20, 9);
    expect(spline.out[0]).toBeCloseTo(0.05, 9); // an end: the adjacent segment's slope
    expect(spline.in[0]).toBe(0); // the falloff side: flat unless fixed
    const clamped = keySlopes(make('clamped'), o);
    expect(clamped.out[1]).toBe(0);
    expect(clamped.out[0]).toBeCloseTo(0.05, 9);
    const auto = keySlopes(make('auto'), o);
    expect(Array.from(auto.out)).toEqual(Array.from(smoothTangents(make('auto'))));
  });

  it('plateau is flat at extremes and never overshoots a key', () => {
    const keys = [key(0, 0, 'plateau', 'plateau'), key(5, 0.9, 'plateau', 'plateau'), key(10, 1, 'plateau', 'plateau'), key(20, 0, 'plateau', 'plateau')];
    const v = at(keys, 0, 20);
    expect(Math.max(...v)).toBeLessThanOrEqual(1 + 1e-6);
    const s = keySlopes(keys, [0, 0.9, 1, 0]);
    expect(s.out[2]).toBe(0); // the peak
    expect(s.out[1]).toBeGreaterThan(0);
  });

  it('broken tangents: a key can arrive on one slope and leave on another', () => {
    const keys = [key(0, 0, 'flat', 'flat'), key(10, 0.5, 'linear', 'flat', { broken: true }), key(20, 0.5, 'flat', 'flat')];
    const s = keySlopes(keys, [0, 0.5, 0.5]);
    expect(s.in[1]).toBeCloseTo(0.05, 9);
    expect(s.out[1]).toBe(0);
  });

  it('a handle shaped on a lone key shapes its falloff: the correction leaves the key at that slope and still settles at the falloff', () => {
    const lone = [key(10, 0.3, 'fixed', 'fixed', { inSlope: 0.05, outSlope: 0.05 })];
    const v = sample(lone, 8, 0, 20);
    expect(v[10]).toBeCloseTo(0.3, 6);
    expect(v[11]! - v[10]!).toBeGreaterThan(0.02); // rises on, where a flat key eases down
    expect(v[9]! - v[10]!).toBeLessThan(-0.02);
    expect([v[2], v[18]]).toEqual([0, 0]);
    const flat = sample([key(10, 0.3, 'auto', 'auto')], 8, 0, 20);
    expect(flat[11]).toBeLessThan(0.3);
  });

  it('a step out tangent holds until the next key, whatever its in tangent', () => {
    expect(at([key(0, 0.2, 'flat', 'step'), key(4, 0.6, 'spline', 'spline')], 0, 4).map((x) => +x.toFixed(6))).toEqual([0.2, 0.2, 0.2, 0.2, 0.6]);
  });

  it('keys made before tangents evaluate as they did: a linear key leaves in a straight line into a smooth key', () => {
    const legacy: Key[] = [
      { frame: 0, value: 0, interp: 'smooth' },
      { frame: 10, value: 0.4, interp: 'linear' },
      { frame: 20, value: 0.1, interp: 'smooth' },
    ];
    const v = at(legacy, 10, 20);
    for (let i = 0; i <= 10; i++) expect(v[i]).toBeCloseTo(0.4 - 0.03 * i, 6);
    expect(keyTangentTypes(legacy[2]!, legacy[1]).in).toBe('linear');
    expect(keyTangentTypes(legacy[1]!, legacy[0]).in).toBe('auto');
  });
});
