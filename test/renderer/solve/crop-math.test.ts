import { describe, expect, it } from 'vitest';
import { clampCrop, cropToScreen, defaultCrop, minCropSize, moveCrop, resizeCrop, sameCrop } from '../../../renderer/src/solve/crop-math';

const plate = { width: 1920, height: 1080 };

describe('crop maths', () => {
  it('defaults to the largest centred square, as the solver does', () => {
    expect(defaultCrop(plate)).toEqual({ x: 420, y: 0, size: 1080 });
    expect(defaultCrop({ width: 600, height: 801 })).toEqual({ x: 0, y: 100, size: 600 });
  });

  it('clamps into the plate, whole pixels, within the size limits', () => {
    expect(clampCrop({ x: -50, y: 20.4, size: 500.6 }, plate)).toEqual({ x: 0, y: 20, size: 501 });
    expect(clampCrop({ x: 1800, y: 900, size: 400 }, plate)).toEqual({ x: 1520, y: 680, size: 400 });
    expect(clampCrop({ x: 0, y: 0, size: 5000 }, plate)).toEqual({ x: 0, y: 0, size: 1080 });
    expect(clampCrop({ x: 10, y: 10, size: 2 }, plate).size).toBe(minCropSize(plate));
  });

  it('moves and stops at the edges', () => {
    const start = { x: 420, y: 0, size: 800 };
    expect(moveCrop(start, 100, 50, plate)).toEqual({ x: 520, y: 50, size: 800 });
    expect(moveCrop(start, -1000, -1000, plate)).toEqual({ x: 0, y: 0, size: 800 });
    expect(moveCrop(start, 5000, 5000, plate)).toEqual({ x: 1120, y: 280, size: 800 });
  });

  it('resizes from a corner, square, about the opposite corner', () => {
    const start = { x: 500, y: 200, size: 400 };
    // South-east: top-left stays; the axis that moved further outward wins.
    expect(resizeCrop(start, 'se', 100, 20, plate)).toEqual({ x: 500, y: 200, size: 500 });
    // North-west: bottom-right (900, 600) stays.
    expect(resizeCrop(start, 'nw', -50, -80, plate)).toEqual({ x: 420, y: 120, size: 480 });
    // North-east shrinking: bottom-left (500, 600) stays.
    expect(resizeCrop(start, 'ne', -100, 100, plate)).toEqual({ x: 500, y: 300, size: 300 });
    // South-west: top-right (900, 200) stays.
    expect(resizeCrop(start, 'sw', -60, 0, plate)).toEqual({ x: 440, y: 200, size: 460 });
  });

  it('resizing stays inside the plate and above the minimum', () => {
    const start = { x: 500, y: 200, size: 400 };
    const big = resizeCrop(start, 'se', 5000, 5000, plate);
    expect(big).toEqual({ x: 500, y: 200, size: 880 }); // limited by the bottom edge
    const up = resizeCrop(start, 'nw', -5000, -5000, plate);
    expect(up).toEqual({ x: 300, y: 0, size: 600 }); // limited by the top edge
    const tiny = resizeCrop(start, 'se', -1000, -1000, plate);
    expect(tiny).toEqual({ x: 500, y: 200, size: minCropSize(plate) });
  });

  it('maps to screen pixels of the drawn image', () => {
    const rect = { x: 10, y: 20, width: 960, height: 540 };
    expect(cropToScreen({ x: 420, y: 0, size: 1080 }, rect, plate)).toEqual({ x: 220, y: 20, width: 540, height: 540 });
  });

  it('compares crops', () => {
    expect(sameCrop(null, null)).toBe(true);
    expect(sameCrop({ x: 1, y: 2, size: 3 }, { x: 1, y: 2, size: 3 })).toBe(true);
    expect(sameCrop({ x: 1, y: 2, size: 3 }, null)).toBe(false);
  });
});
