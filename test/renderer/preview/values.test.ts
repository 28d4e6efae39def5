import { describe, expect, it } from 'vitest';
import { primaryMode, sampleCompare, sampleValues, sized } from '../../../renderer/src/preview/values';
import type { ValuesMode } from '../../../renderer/src/state/control-values';

const controls = ['a', 'b'];
const sample = (frame: number, mode: ValuesMode, out: Float32Array) => {
  if (mode === 'raw') return false;
  out[0] = frame;
  out[1] = mode === 'compare' ? -1 : 1;
  return true;
};

describe('sampleValues', () => {
  it('reads the published sampler for this shot', () => {
    const out = new Float32Array(2);
    expect(sampleValues({ shotId: 3, controls, sample }, 3, 7, 'final', out)).toBe('values');
    expect([...out]).toEqual([7, 1]);
  });

  it('no sampler, or one for another shot: "no solve yet"', () => {
    const out = new Float32Array(2);
    expect(sampleValues({ shotId: null, controls: [], sample: null }, 3, 7, 'final', out)).toBe('no-sampler');
    expect(sampleValues({ shotId: 4, controls, sample }, 3, 7, 'final', out)).toBe('no-sampler');
  });

  it('a mode the sampler has no data for', () => {
    expect(sampleValues({ shotId: 3, controls, sample }, 3, 7, 'raw', new Float32Array(2))).toBe('no-data');
  });
});

describe('sampleCompare', () => {
  it('prefers the review’s compare sampler, else the seam’s compare mode', () => {
    const out = new Float32Array(2);
    const compare = (f: number, o: Float32Array) => {
      o.fill(f * 2);
      return true;
    };
    expect(sampleCompare({ shotId: 3, controls, sample }, 3, 5, compare, out)).toBe('values');
    expect([...out]).toEqual([10, 10]);
    expect(sampleCompare({ shotId: 3, controls, sample }, 3, 5, null, out)).toBe('values');
    expect([...out]).toEqual([5, -1]);
    // The review has no take loaded: the seam's compare mode still can.
    expect(sampleCompare({ shotId: 3, controls, sample }, 3, 5, () => false, out)).toBe('values');
    expect([...out]).toEqual([5, -1]);
    const noCompare = (f: number, m: ValuesMode, o: Float32Array) => (m === 'compare' ? false : sample(f, m, o));
    expect(sampleCompare({ shotId: 3, controls, sample: noCompare }, 3, 5, () => false, out)).toBe('no-data');
  });

  it('compare shows final on the left', () => {
    expect(primaryMode('compare')).toBe('final');
    expect(primaryMode('raw')).toBe('raw');
  });
});

describe('sized', () => {
  it('reuses a buffer that fits', () => {
    const b = new Float32Array(3);
    expect(sized(b, 3)).toBe(b);
    expect(sized(b, 4).length).toBe(4);
  });
});
