import { describe, expect, it } from 'vitest';
import { cellWidth, frameToPx, markerColumns, pxToFrame, ticks, tickStep, type TimelineSpace } from '../../renderer/src/timeline/timeline-math';

const space: TimelineSpace = { first: 1001, last: 1100, width: 1016, pad: 8 };

describe('timeline mapping', () => {
  it('gives each frame an equal cell', () => {
    expect(cellWidth(space)).toBe(10);
    expect(frameToPx(space, 1001)).toBe(13);
    expect(frameToPx(space, 1100)).toBe(1003);
  });

  it('round-trips frame → px → frame for every frame', () => {
    for (let f = space.first; f <= space.last; f++) expect(pxToFrame(space, frameToPx(space, f))).toBe(f);
  });

  it('maps anywhere in a cell to its frame, and clamps outside', () => {
    expect(pxToFrame(space, 8)).toBe(1001);
    expect(pxToFrame(space, 17.9)).toBe(1001);
    expect(pxToFrame(space, 18)).toBe(1002);
    expect(pxToFrame(space, -50)).toBe(1001);
    expect(pxToFrame(space, 5000)).toBe(1100);
  });

  it('handles a one-frame shot and a zero width', () => {
    expect(pxToFrame({ first: 5, last: 5, width: 100, pad: 0 }, 80)).toBe(5);
    expect(pxToFrame({ first: 5, last: 9, width: 0, pad: 0 }, 80)).toBe(5);
  });
});

describe('ruler ticks', () => {
  it('picks a nice step that leaves room for labels', () => {
    expect(tickStep(space, 60)).toBe(10);
    expect(tickStep(space, 5)).toBe(1);
    expect(tickStep({ first: 0, last: 999, width: 1000, pad: 0 }, 60)).toBe(100);
  });

  it('places ticks on multiples of the step', () => {
    expect(ticks(space, 25)).toEqual([1025, 1050, 1075, 1100]);
  });
});

describe('markerColumns', () => {
  it('merges markers sharing a pixel column and keeps the worst status', () => {
    const s: TimelineSpace = { first: 0, last: 9999, width: 100, pad: 0 };
    const cols = markerColumns(s, [
      { frame: 0, status: 'warning' },
      { frame: 1, status: 'missing' },
      { frame: 2, status: 'warning' },
      { frame: 9999, status: 'warning' },
      { frame: 20000, status: 'missing' },
    ]);
    expect(cols).toEqual([
      { px: 0, status: 'missing' },
      { px: 100, status: 'warning' },
    ]);
  });
});
