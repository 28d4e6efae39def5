import { describe, expect, it } from 'vitest';
import { linearScale, niceStep, scaleInvert, scaleMap, stepDecimals, ticksIn } from '../../../renderer/src/curves/scale';
import {
  frameBox,
  frameToScaled,
  frameToX,
  panBy,
  scaledToClippedX,
  snapFrame,
  valueToY,
  visibleRange,
  xToFrame,
  yToValue,
  zoomTime,
  zoomValue,
  ZOOM_LIMITS,
  type GraphView,
} from '../../../renderer/src/curves/view';

const view: GraphView = { width: 1000, height: 400, pxPerFrame: 2, pxPerValue: 300, scrollX: 200, scrollY: -350 };

describe('linear scale', () => {
  it('maps and inverts, including reversed ranges', () => {
    const s = linearScale([0, 1], [400, 0]);
    expect(scaleMap(s, 0.25)).toBe(300);
    expect(scaleInvert(s, 300)).toBe(0.25);
    expect(scaleMap(linearScale([5, 5], [0, 10]), 7)).toBe(0);
  });

  it('picks 1-2-5 steps at least minPx apart, integers when asked', () => {
    expect(niceStep(300, 32)).toBe(0.2); // 0.1 would be 30 px
    expect(niceStep(3000, 32)).toBe(0.02);
    expect(niceStep(2, 70, 1)).toBe(50);
    expect(niceStep(100, 70, 1)).toBe(1);
  });

  it('lists ticks without floating-point drift', () => {
    expect(ticksIn(-0.05, 1.05, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(ticksIn(95, 260, 50)).toEqual([100, 150, 200, 250]);
    expect(ticksIn(1, 0, 1)).toEqual([]);
    expect(stepDecimals(0.05)).toBe(2);
    expect(stepDecimals(0.1)).toBe(1);
    expect(stepDecimals(10)).toBe(0);
  });
});

describe('graph coordinate spaces', () => {
  it('unit → scaled → clipped and back', () => {
    expect(frameToScaled(view, 150)).toBe(300);
    expect(scaledToClippedX(view, 300)).toBe(100);
    expect(frameToX(view, 150)).toBe(100);
    expect(xToFrame(view, frameToX(view, 1234.5))).toBeCloseTo(1234.5, 9);
    expect(yToValue(view, valueToY(view, 0.37))).toBeCloseTo(0.37, 9);
    // Values go up: a larger value is higher on screen.
    expect(valueToY(view, 1)).toBeLessThan(valueToY(view, 0));
  });

  it('reports the visible ranges', () => {
    const r = visibleRange(view);
    expect(r.frame0).toBe(100);
    expect(r.frame1).toBe(600);
    expect(r.value1).toBeCloseTo(350 / 300, 9);
    expect(r.value0).toBeCloseTo(-50 / 300, 9);
  });

  it('zooms time and values about the pointer, which stays on the same frame / value', () => {
    const z = zoomTime(view, 2, 250);
    expect(z.pxPerFrame).toBe(4);
    expect(xToFrame(z, 250)).toBeCloseTo(xToFrame(view, 250), 9);
    const v = zoomValue(view, 0.5, 120);
    expect(yToValue(v, 120)).toBeCloseTo(yToValue(view, 120), 9);
    expect(zoomTime(view, 1e9, 0).pxPerFrame).toBe(ZOOM_LIMITS.maxPxPerFrame);
  });

  it('pans with the pointer', () => {
    const p = panBy(view, 40, -10);
    expect(frameToX(p, 150)).toBe(frameToX(view, 150) + 40);
    expect(valueToY(p, 0.5)).toBe(valueToY(view, 0.5) - 10);
  });

  it('frames a box with margins, widening a single key', () => {
    const f = frameBox(view, { frame0: 1001, frame1: 1100, value0: 0, value1: 1 }, { x: 20, y: 10 });
    expect(frameToX(f, 1001)).toBeCloseTo(20, 6);
    expect(frameToX(f, 1100)).toBeCloseTo(980, 6);
    expect(valueToY(f, 1)).toBeCloseTo(10, 6);
    expect(valueToY(f, 0)).toBeCloseTo(390, 6);
    const one = frameBox(view, { frame0: 50, frame1: 50, value0: 0.3, value1: 0.3 });
    const r = visibleRange(one);
    expect(r.frame0).toBeLessThan(50);
    expect(r.frame1).toBeGreaterThan(50);
    expect(r.value1 - r.value0).toBeGreaterThan(0.04);
  });

  it('snaps frames to whole frames', () => {
    expect(snapFrame(12.49)).toBe(12);
    expect(snapFrame(12.5)).toBe(13);
  });
});
