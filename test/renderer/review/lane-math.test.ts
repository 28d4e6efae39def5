import { describe, expect, it } from 'vitest';
import { failedSpans, packRows, rangeSpan } from '../../../renderer/src/review/lane-math';

const space = { first: 1, last: 100, width: 220, pad: 10 }; // 2 px per frame

describe('timeline lanes', () => {
  it('spans whole frame cells', () => {
    expect(rangeSpan(space, 1, 1)).toEqual({ left: 10, width: 3 });
    expect(rangeSpan(space, 11, 20)).toEqual({ left: 30, width: 20 });
    expect(rangeSpan(space, 20, 11)).toEqual({ left: 30, width: 20 });
    expect(rangeSpan(space, -5, 500)).toEqual({ left: 10, width: 200 });
  });

  it('merges failed frames into runs and pixel columns', () => {
    expect(failedSpans(space, [5, 6, 7, 50])).toEqual([
      { left: 18, width: 6 },
      { left: 108, width: 2 },
    ]);
    const dense = { ...space, width: 30 }; // 0.1 px per frame
    expect(failedSpans(dense, [10, 12, 14, 16]).length).toBe(1);
    expect(failedSpans(space, [0, 101])).toEqual([]);
  });

  it('packs overlapping notes into rows', () => {
    const rows = packRows([
      { id: 1, frameStart: 10, frameEnd: 30 },
      { id: 2, frameStart: 20, frameEnd: 25 },
      { id: 3, frameStart: 31, frameEnd: 40 },
      { id: 4, frameStart: 22, frameEnd: 50 },
    ]);
    expect(rows.map((r) => [r.note.id, r.row])).toEqual([
      [1, 0],
      [2, 1],
      [4, 1],
      [3, 0],
    ]);
  });
});
