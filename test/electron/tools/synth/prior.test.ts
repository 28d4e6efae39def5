import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL_NAMES as N } from '../../../../electron/common/controls';
import { priorContext, sampleExpression } from '../../../../electron/tools/synth/data/prior';
import { createRng, deriveSeed } from '../../../../electron/tools/synth/rng';

describe('expression prior', () => {
  const ctx = priorContext(N);
  const n = 3000;
  const samples = Array.from({ length: n }, (_, i) => sampleExpression(createRng(deriveSeed(21, i)), ctx));

  it('covers every control over its whole range: > 0.9 sometimes, exactly 0 often', () => {
    N.forEach((name, c) => {
      const hi = samples.filter((w) => w[c]! > 0.9).length;
      const zero = samples.filter((w) => w[c] === 0).length;
      expect(hi, name).toBeGreaterThan(0);
      expect(zero / n, name).toBeGreaterThan(0.5);
    });
  });

  it('is sparse, bilateral-correlated and never drives antagonists together', () => {
    const active = samples.reduce((s, w) => s + w.filter((v) => v > 0).length, 0) / n;
    expect(active).toBeGreaterThan(3);
    expect(active).toBeLessThan(30);
    const L = N.indexOf('mouthCornerPull_L'),
      R = N.indexOf('mouthCornerPull_R');
    const both = samples.filter((w) => w[L]! > 0.2 && w[R]! > 0.2).length;
    const either = samples.filter((w) => w[L]! > 0.2 || w[R]! > 0.2).length;
    expect(both / either).toBeGreaterThan(0.4);
    const up = N.indexOf('eyeLookUp_L'),
      down = N.indexOf('eyeLookDown_L');
    expect(samples.some((w) => w[up]! > 0 && w[down]! > 0)).toBe(false);
    expect(samples.every((w) => w.every((v) => v >= 0 && v <= 1))).toBe(true);
  });

  it('is deterministic by seed', () => {
    const again = sampleExpression(createRng(deriveSeed(21, 7)), ctx);
    expect(Array.from(again)).toEqual(Array.from(samples[7]!));
  });
});
