import { describe, expect, it } from 'vitest';
import { applyFilter, gaussian, oneEuro, savitzkyGolay, sgWeights } from '../../../../electron/common/curves/filters';

const f32 = (a: number[]) => Float32Array.from(a);

describe('Savitzky–Golay', () => {
  it('has the textbook 5-point quadratic weights (−3, 12, 17, 12, −3)/35', () => {
    const w = Array.from(sgWeights(2, 2, 0));
    [-3, 12, 17, 12, -3].forEach((v, i) => expect(w[i]).toBeCloseTo(v / 35, 12));
  });
  it('has the textbook 7-point quadratic weights (−2, 3, 6, 7, 6, 3, −2)/21', () => {
    const w = Array.from(sgWeights(3, 2, 0));
    [-2, 3, 6, 7, 6, 3, -2].forEach((v, i) => expect(w[i]).toBeCloseTo(v / 21, 12));
  });
  it('reproduces a quadratic exactly, ends included (a polynomial of its order passes through)', () => {
    const x = f32(Array.from({ length: 30 }, (_, i) => 0.001 * i * i - 0.02 * i + 0.5));
    const y = savitzkyGolay(x, 4, 2);
    for (let i = 0; i < x.length; i++) expect(y[i]).toBeCloseTo(x[i]!, 5);
  });
  it('smooths a spike by hand-computed amounts', () => {
    const x = f32([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    const y = savitzkyGolay(x, 2, 2);
    expect(y[4]).toBeCloseTo(17 / 35, 6);
    expect(y[3]).toBeCloseTo(12 / 35, 6);
    expect(y[2]).toBeCloseTo(-3 / 35, 6);
  });
});

describe('Gaussian', () => {
  it('matches a hand computation of a σ=1 kernel on a spike', () => {
    const x = f32(Array.from({ length: 21 }, (_, i) => (i === 10 ? 1 : 0)));
    const y = gaussian(x, 1);
    const norm = Array.from({ length: 7 }, (_, k) => Math.exp(-((k - 3) ** 2) / 2)).reduce((a, b) => a + b);
    expect(y[10]).toBeCloseTo(1 / norm, 6);
    expect(y[11]).toBeCloseTo(Math.exp(-0.5) / norm, 6);
    expect(y[12]).toBeCloseTo(Math.exp(-2) / norm, 6);
  });
  it('keeps a constant constant, ends included (renormalised kernel)', () => {
    const y = gaussian(new Float32Array(50).fill(0.7), 4);
    for (const v of y) expect(v).toBeCloseTo(0.7, 6);
  });
  it('is zero-phase: a symmetric bump stays centred', () => {
    const x = f32(Array.from({ length: 41 }, (_, i) => Math.exp(-((i - 20) ** 2) / 8)));
    const y = gaussian(x, 3);
    expect(y.indexOf(Math.max(...y))).toBe(20);
  });
});

describe('One-Euro', () => {
  // An independent implementation, written from the paper's pseudo-code (Casiez et al. 2012).
  function reference(xs: number[], rate: number, minCutoff: number, beta: number, dCutoff: number): number[] {
    const alpha = (cutoff: number) => 1 / (1 + rate / (2 * Math.PI * cutoff));
    class LowPass {
      y: number | null = null;
      s = 0;
      filter(v: number, a: number) {
        this.s = this.y === null ? v : a * v + (1 - a) * this.s;
        this.y = v;
        return this.s;
      }
    }
    const xf = new LowPass();
    const dxf = new LowPass();
    return xs.map((v, i) => {
      const dx = i === 0 ? 0 : (v - xf.s) * rate;
      const edx = dxf.filter(dx, alpha(dCutoff));
      return xf.filter(v, alpha(minCutoff + beta * Math.abs(edx)));
    });
  }

  it('matches the reference implementation', () => {
    const xs = Array.from({ length: 60 }, (_, i) => 0.5 + 0.4 * Math.sin(i / 5) + (i % 7 === 0 ? 0.05 : 0));
    const y = oneEuro(f32(xs), 30, { minCutoff: 1, beta: 0.5, dCutoff: 1 });
    const r = reference(xs, 30, 1, 0.5, 1);
    for (let i = 0; i < xs.length; i++) expect(y[i]).toBeCloseTo(r[i]!, 5);
  });
  it('lags less on fast motion as beta grows', () => {
    const step = f32(Array.from({ length: 30 }, (_, i) => (i < 10 ? 0 : 1)));
    const slow = oneEuro(step, 30, { minCutoff: 0.5, beta: 0, dCutoff: 1 });
    const fast = oneEuro(step, 30, { minCutoff: 0.5, beta: 5, dCutoff: 1 });
    expect(fast[12]!).toBeGreaterThan(slow[12]!);
  });
});

describe('applyFilter', () => {
  it('passes the raw curve through at strength 0 and smooths more with strength', () => {
    // A slow motion plus deterministic noise (an LCG), like a solve's jitter.
    let seed = 12345;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.1;
    const x = f32(Array.from({ length: 100 }, (_, i) => 0.5 + 0.2 * Math.sin(i / 15) + noise()));
    expect(Array.from(applyFilter(x, { kind: 'gaussian', strength: 0 }, 24))).toEqual(Array.from(x));
    const rough = (y: Float32Array) => y.slice(20, 80).reduce((s, v, i, a) => (i ? s + Math.abs(v - a[i - 1]!) : 0), 0);
    for (const kind of ['gaussian', 'savitzkyGolay', 'oneEuro'] as const) {
      const weak = rough(applyFilter(x, { kind, strength: 0.3 }, 24));
      const strong = rough(applyFilter(x, { kind, strength: 1 }, 24));
      expect(strong, kind).toBeLessThan(weak);
      expect(weak, kind).toBeLessThan(rough(x));
    }
  });
});
