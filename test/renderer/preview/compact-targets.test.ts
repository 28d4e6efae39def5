import { describe, expect, it } from 'vitest';
import { compactTargets, isZero, remapDictionary } from '../../../renderer/src/preview/compact-targets';

describe('compactTargets', () => {
  it('keeps moving targets in order and renumbers them', () => {
    const c = compactTargets([true, false, true, false, false]);
    expect(c.keep).toEqual([1, 3, 4]);
    expect([...c.remap]).toEqual([-1, 0, -1, 1, 2]);
  });

  it('takes an all-zero delta for a still target', () => {
    expect(isZero(new Float32Array(6))).toBe(true);
    expect(isZero(Float32Array.from([0, 0, 0, 0, 1e-9, 0]))).toBe(false);
  });

  it('handles all-still and none-still', () => {
    expect(compactTargets([true, true]).keep).toEqual([]);
    expect(compactTargets([false, false]).keep).toEqual([0, 1]);
  });
});

describe('remapDictionary', () => {
  it('drops names of dropped targets and renumbers the rest', () => {
    const { remap } = compactTargets([true, false, false]);
    expect(remapDictionary({ browDown_L: 0, jawOpen: 1, 'corrective:k': 2, bogus: 7 }, remap)).toEqual({ jawOpen: 0, 'corrective:k': 1 });
  });
});
