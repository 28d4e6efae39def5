import { describe, expect, it } from 'vitest';
import { evaluateControl } from '../../../../electron/common/curves/evaluate';
import { reduceCurve, reconstructionError } from '../../../../electron/common/curves/reduce';

describe('evaluateControl: final = clamp(filter(raw) + correction)', () => {
  const raw = Float32Array.from({ length: 20 }, (_, i) => 0.05 * i); // 0 … 0.95
  it('is the raw curve with no filter and no keys', () => {
    const v = evaluateControl({ raw, filter: { kind: 'none', strength: 0 }, keys: [], falloff: 0 }, { shotFirst: 100, from: 100, to: 119 }, 24);
    expect(Array.from(v)).toEqual(Array.from(raw));
  });
  it('adds the correction on top, with frame numbers offset by the shot start, and clamps to the range', () => {
    const layer = {
      raw,
      filter: { kind: 'none' as const, strength: 0 },
      keys: [
        { frame: 110, value: 0.3, interp: 'linear' as const },
        { frame: 118, value: 0.3, interp: 'linear' as const },
      ],
      falloff: 0,
    };
    const v = evaluateControl(layer, { shotFirst: 100, from: 108, to: 119 }, 24);
    expect(v[0]).toBeCloseTo(0.4, 6); // frame 108: no correction
    expect(v[2]).toBeCloseTo(0.8, 6); // frame 110: 0.5 + 0.3
    expect(v[6]).toBe(1); // frame 114: 0.7 + 0.3 → clamped
    expect(v[11]).toBeCloseTo(0.95, 6); // frame 119: past the last key, no falloff
  });
  it('applies the filter before the correction', () => {
    const noisy = Float32Array.from({ length: 40 }, (_, i) => 0.5 + (i % 2 ? 0.2 : -0.2));
    const v = evaluateControl({ raw: noisy, filter: { kind: 'gaussian', strength: 1 }, keys: [], falloff: 0 }, { shotFirst: 1, from: 10, to: 30 }, 24);
    for (const x of v) expect(Math.abs(x - 0.5)).toBeLessThan(0.01);
  });
});

describe('key reduction', () => {
  it('keeps every frame within the tolerance and reduces a smooth curve to few keys', () => {
    const dense = Float32Array.from({ length: 1000 }, (_, i) => 0.5 + 0.4 * Math.sin(i / 40) * Math.exp(-i / 800));
    for (const tol of [0.01, 0.001]) {
      const r = reduceCurve(dense, tol);
      expect(r.maxError).toBeLessThanOrEqual(tol);
      expect(reconstructionError(dense, r.indices)).toBe(r.maxError);
      expect(r.indices[0]).toBe(0);
      expect(r.indices.at(-1)).toBe(999);
    }
    expect(reduceCurve(dense, 0.01).indices.length).toBeLessThan(60);
    expect(reduceCurve(dense, 0.001).indices.length).toBeGreaterThan(reduceCurve(dense, 0.01).indices.length);
  });
  it('keeps a step exactly', () => {
    const step = Float32Array.from({ length: 10 }, (_, i) => (i < 5 ? 0 : 1));
    expect(reduceCurve(step, 0.001).maxError).toBe(0);
  });
});
