import { describe, expect, it } from 'vitest';
import { controlErrors, DistanceStats, jitter, vertexDistancesMm } from '../../../electron/eval/metrics';

describe('evaluation metrics', () => {
  it('control MAE per region and overall', () => {
    const truth = Float32Array.from([0, 0, 0, 1, 1, 1]);
    const pred = Float32Array.from([0.1, 0, 0.3, 1, 0.8, 1]);
    const r = controlErrors(pred, truth, ['a', 'a', 'b']);
    expect(r.overall).toBeCloseTo(0.6 / 6, 6);
    expect(r.byRegion.find((g) => g.region === 'a')!.mae).toBeCloseTo(0.3 / 4, 6);
    expect(r.byRegion.find((g) => g.region === 'b')!.mae).toBeCloseTo(0.3 / 2, 6);
  });

  it('vertex distances use deltas and correctives (a hand-made two-vertex rig)', () => {
    // control 0 moves vertex 0 by 1 cm in x; control 1 moves vertex 1 by 2 cm in y; corrective (0,1) moves vertex 1 by 1 cm in z.
    const basis = {
      vertexCount: 2,
      neutral: new Float32Array(6),
      deltas: Float32Array.from([0.01, 0, 0, 0, 0, 0, /* c1 */ 0, 0, 0, 0, 0.02, 0]),
      correctives: Float32Array.from([0, 0, 0, 0, 0, 0.01]),
      pairs: [[0, 1]] as const,
    };
    const d = vertexDistancesMm(basis, Float32Array.from([1, 1]), Float32Array.from([0.5, 0]));
    expect(d[0]).toBeCloseTo(5, 4); // 0.5 × 1 cm
    expect(d[1]).toBeCloseTo(Math.hypot(20, 10), 4); // 1 × 2 cm in y, (1·1 − 0.5·0) × 1 cm in z
  });

  it('distance statistics: mean exactly, 95th percentile to 0.01 mm', () => {
    const s = new DistanceStats();
    s.add(Float32Array.from({ length: 1000 }, (_, i) => i / 100)); // 0 … 9.99 mm
    expect(s.mean).toBeCloseTo(4.995, 6);
    expect(Math.abs(s.quantile(0.95) - 9.5)).toBeLessThanOrEqual(0.011);
  });

  it('jitter is the mean absolute frame-to-frame change', () => {
    expect(jitter(Float32Array.from([0, 1, 0.5, 1, 0.5, 1]), 2)).toBeCloseTo((0.5 + 0 + 0 + 0) / 4, 6);
  });
});

describe('active vertices', () => {
  it('are the vertices some shape moves by more than 1 µm', async () => {
    const { activeVertices } = await import('../../../electron/eval/metrics');
    const basis = {
      vertexCount: 3,
      neutral: new Float32Array(9),
      deltas: Float32Array.from([0.01, 0, 0, 0, 0, 0, 0, 0, 5e-7]),
      correctives: Float32Array.from([0, 0, 0, 0, 0.002, 0, 0, 0, 0]),
      pairs: [[0, 0]] as const,
    };
    expect(Array.from(activeVertices(basis))).toEqual([0, 1]);
  });
});
