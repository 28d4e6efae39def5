import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROLS } from '../../../electron/common/controls';
import { dominantTarget, nearestCorner, selectionFor } from '../../../renderer/src/preview/pick';

describe('dominantTarget', () => {
  const d = (...xyz: number[]) => Float32Array.from(xyz);
  // Two vertices: vertex 0 moved most by b, vertex 1 by a.
  const candidates = [
    { name: 'a', delta: d(0.001, 0, 0, 0, 0.01, 0) },
    { name: 'b', delta: d(0, 0.002, 0.002, 0, 0, 0.001) },
  ];

  it('picks the target with the largest delta magnitude at the vertex', () => {
    expect(dominantTarget(0, candidates)?.name).toBe('b');
    expect(dominantTarget(0, candidates)?.magnitude).toBeCloseTo(Math.hypot(0.002, 0.002));
    expect(dominantTarget(1, candidates)?.name).toBe('a');
  });

  it('picks nothing where nothing moves (the back of the skull)', () => {
    expect(dominantTarget(0, [{ name: 'a', delta: d(0, 0, 0) }])).toBeNull();
    expect(dominantTarget(0, [{ name: 'a', delta: d(1e-7, 0, 0) }])).toBeNull();
    expect(dominantTarget(3, candidates)).toBeNull();
  });
});

describe('nearestCorner', () => {
  it('returns the corner with the smallest distance', () => {
    expect(nearestCorner(1, 2, 3)).toBe(0);
    expect(nearestCorner(3, 1, 2)).toBe(1);
    expect(nearestCorner(3, 2, 1)).toBe(2);
  });
});

describe('selectionFor', () => {
  it('selects the region on the clicked side, plus its centre controls, in control order', () => {
    const s = selectionFor('browDown_L', DEFAULT_CONTROLS, false);
    expect(s).toEqual(DEFAULT_CONTROLS.filter((c) => c.region === 'brow' && c.side !== 'R').map((c) => c.name));
    expect(s).toContain('browDown_L');
    expect(s.every((n) => !n.endsWith('_R'))).toBe(true);
  });

  it('selects the whole region with Shift, and for a centre control', () => {
    const brow = DEFAULT_CONTROLS.filter((c) => c.region === 'brow').map((c) => c.name);
    expect(selectionFor('browDown_L', DEFAULT_CONTROLS, true)).toEqual(brow);
    const jaw = DEFAULT_CONTROLS.filter((c) => c.region === 'jaw').map((c) => c.name);
    expect(selectionFor('jawOpen', DEFAULT_CONTROLS, false)).toEqual(jaw);
  });

  it('selects just the control for a name outside the control set', () => {
    expect(selectionFor('customShape', DEFAULT_CONTROLS, false)).toEqual(['customShape']);
  });
});
