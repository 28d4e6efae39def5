import { describe, expect, it } from 'vitest';
import { copyKeys, moveKeys, pasteKeys, sampleCorrection, setKey, type Key } from '../../../../electron/common/curves/keys';
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
