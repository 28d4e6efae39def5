import { describe, expect, it } from 'vitest';
import { curvesFromSampler, diffCurves, diffSummary } from '../../../renderer/src/review/compare-diff';
import { clearCompare, compareSample, setCompareCurves } from '../../../renderer/src/state/compare-store';
import { useControlValues } from '../../../renderer/src/state/control-values';

describe('take comparison', () => {
  const a = new Map([
    ['jawOpen', Float32Array.from([0, 0.5, 1, 0.5])],
    ['eyeBlink_L', Float32Array.from([0, 0, 0, 0])],
    ['onlyA', Float32Array.from([1, 1, 1, 1])],
  ]);
  const b = new Map([
    ['jawOpen', Float32Array.from([0, 0.25, 0.5, 0.5])],
    ['eyeBlink_L', Float32Array.from([0.1, Number.NaN, 0.1, 0.1])],
  ]);

  it('sums up per control, largest difference first, skipping NaN frames', () => {
    const d = diffCurves(
      ['eyeBlink_L', 'jawOpen', 'onlyA'],
      (c) => a.get(c),
      (c) => b.get(c),
      101,
    );
    expect(d.map((x) => x.control)).toEqual(['jawOpen', 'eyeBlink_L']);
    expect(d[0]!.max).toBeCloseTo(0.5);
    expect(d[0]!.mean).toBeCloseTo(0.1875);
    expect(d[0]!.maxFrame).toBe(103);
    expect(d[1]!.frames).toBe(3);
    expect(d[1]!.mean).toBeCloseTo(0.1);
    expect(diffSummary(d, 0.2)).toMatchObject({ controls: 2, over: 1, worst: { control: 'jawOpen' } });
  });

  it('samples final curves from a per-frame sampler', () => {
    const curves = curvesFromSampler(['x', 'y'], 10, 12, (f, out) => {
      out[0] = f;
      out[1] = -f;
      return true;
    });
    expect([...curves!.get('x')!]).toEqual([10, 11, 12]);
    expect([...curves!.get('y')!]).toEqual([-10, -11, -12]);
    expect(curvesFromSampler(['x'], 0, 3, () => false)).toBeNull();
  });

  it('serves compared values in the requested control order', () => {
    const out = new Float32Array(3);
    expect(compareSample(101, out, ['jawOpen'])).toBe(false);
    setCompareCurves(1, 'Take 2', 100, b);
    expect(compareSample(102, out, ['eyeBlink_L', 'jawOpen', 'missing'])).toBe(true);
    expect(Array.from(out)).toEqual([0.10000000149011612, 0.5, 0]);
    expect(compareSample(99, out, ['jawOpen'])).toBe(false);
    clearCompare();
    expect(compareSample(102, out, ['jawOpen'])).toBe(false);
  });

  it('publishes the compared take on the control-values seam, in the seam’s control order', () => {
    useControlValues.setState({ controls: ['jawOpen', 'eyeBlink_L'], previewMode: 'compare' });
    const v0 = useControlValues.getState().version;
    setCompareCurves(1, 'Take 2', 100, b);
    const published = useControlValues.getState().compare;
    expect(published?.label).toBe('Take 2');
    expect(useControlValues.getState().version).toBeGreaterThan(v0);
    const out = new Float32Array(2);
    expect(published?.sample(101, out)).toBe(true);
    expect(Array.from(out)).toEqual([0.25, Number.NaN]);
    clearCompare();
    expect(useControlValues.getState().compare).toBeNull();
    expect(useControlValues.getState().previewMode).toBe('final');
  });
});
