import { describe, expect, it } from 'vitest';
import { fitContain, paneBoxes, PANE_GAP, PLATE_MARGIN, plateBoxes, proxyWidth } from '../../renderer/src/ui/plate-layout';

describe('proxyWidth', () => {
  it('rounds the device-pixel width up to a bucket', () => {
    expect(proxyWidth(300, 1, 4096)).toBe(384);
    expect(proxyWidth(300, 2, 4096)).toBe(768);
    expect(proxyWidth(512, 1, 4096)).toBe(512);
    expect(proxyWidth(513, 1, 4096)).toBe(768);
  });

  it('keeps the same bucket across small resizes (cache reuse)', () => {
    const widths = [700, 710, 730, 760].map((w) => proxyWidth(w, 1, 4000));
    expect(new Set(widths).size).toBe(1);
  });

  it('asks for the original instead of a proxy wider than the source', () => {
    expect(proxyWidth(900, 1, 1000)).toBeUndefined();
    expect(proxyWidth(200, 1, 256)).toBeUndefined();
    expect(proxyWidth(200, 1, 257)).toBe(256);
  });

  it('caps at the largest bucket for unknown or huge sources', () => {
    expect(proxyWidth(9000, 2, null)).toBe(4096);
    expect(proxyWidth(0, 0, null)).toBe(256);
  });
});

describe('fitContain', () => {
  it('letterboxes a wide plate in a tall box', () => {
    expect(fitContain({ width: 200, height: 100 }, { width: 100, height: 100 })).toEqual({ x: 0, y: 25, width: 100, height: 50 });
  });
  it('pillarboxes a square plate in a wide box', () => {
    expect(fitContain({ width: 100, height: 100 }, { width: 300, height: 100 })).toEqual({ x: 100, y: 0, width: 100, height: 100 });
  });
  it('is empty for empty inputs', () => {
    expect(fitContain({ width: 0, height: 10 }, { width: 10, height: 10 }).width).toBe(0);
  });
});

describe('paneBoxes', () => {
  it('splits side by side with a gap', () => {
    const [a, b] = paneBoxes({ width: 204, height: 50 }, 2);
    expect(a).toEqual({ x: 0, y: 0, width: 100, height: 50 });
    expect(b).toEqual({ x: 100 + PANE_GAP, y: 0, width: 100, height: 50 });
  });
});

describe('plateBoxes', () => {
  it('insets the panes by the margin', () => {
    expect(plateBoxes({ width: 220, height: 120 }, 1)).toEqual([{ x: PLATE_MARGIN, y: PLATE_MARGIN, width: 200, height: 100 }]);
    const [a, b] = plateBoxes({ width: 224, height: 120 }, 2);
    expect(a!.x).toBe(PLATE_MARGIN);
    expect(b!.x + b!.width).toBe(224 - PLATE_MARGIN);
  });
});
