import { describe, expect, it } from 'vitest';
import { ColumnCache } from '../../../renderer/src/curves/column-cache';
import { COMPARE_ALPHA, compareDash, compareLegend, compareOverlayFor } from '../../../renderer/src/curves/compare-overlay';
import { CurveModel } from '../../../renderer/src/curves/curve-model';
import { compareCount, curveLayerKey, curvePlan, drawCurves, type PlotInput } from '../../../renderer/src/curves/draw-plot';
import { createRaster, drawSpans, mixRgb, packRgb, parseHex, pixelAt } from '../../../renderer/src/curves/raster';
import { GRAPH } from '../../../renderer/src/curves/theme';
import { EMPTY, FIRST, N, makeTake } from './fixtures';

describe('compare overlay state', () => {
  const curves = new Map([['jawOpen', new Float32Array(N).fill(0.2)]]);
  const state = { shotId: 1, label: 'Take 3', firstFrame: FIRST, curves, version: 4 };

  it('overlays only an active comparison of the shot shown', () => {
    expect(compareOverlayFor(state, 1)).toEqual({ label: 'Take 3', firstFrame: FIRST, curves, version: 4 });
    expect(compareOverlayFor(state, 2)).toBeNull();
    expect(compareOverlayFor({ ...state, curves: null }, 1)).toBeNull();
    expect(compareOverlayFor({ ...state, curves: new Map() }, 1)).toBeNull();
  });

  it('names the line styles in its legend', () => {
    expect(compareLegend('Take 3')).toBe('— final  - - Take 3');
  });

  it('scales its dashes with the device pixel ratio', () => {
    expect(compareDash(1)).toEqual({ on: 6, off: 4 });
    expect(compareDash(2)).toEqual({ on: 12, off: 8 });
  });
});

describe('dashed spans', () => {
  it('draws only the columns inside a dash, fixed to column indices', () => {
    const r = createRaster(20, 10);
    const cols = { col0: 3, count: 20, min: new Float32Array(20).fill(0.5), max: new Float32Array(20).fill(0.5) };
    const c = packRgb([0, 255, 0]);
    // Raster x 0 is column 3: columns 0–1 of each period of 3 (x where (x + 3) % 3 < 2) are drawn.
    const n = drawSpans(r, cols, 3, -10, 10, 1, c, { on: 2, off: 1 });
    const xs = Array.from({ length: 20 }, (_, x) => x).filter((x) => pixelAt(r, x, 5) === c);
    expect(xs).toEqual(Array.from({ length: 20 }, (_, x) => x).filter((x) => (x + 3) % 3 < 2));
    expect(n).toBe(xs.length);
  });
});

describe('compared curves in the curve image', () => {
  const take = makeTake();
  const model = new CurveModel(take, EMPTY);
  const colors = { jawOpen: '#ff0000', mouthCornerPull_L: '#00ff00', mouthCornerPull_R: '#0000ff', browDown_L: '#ffff00' };
  const view = { width: N, height: 200, pxPerFrame: 1, pxPerValue: 100, scrollX: FIRST, scrollY: -150 };
  const base: PlotInput = {
    model,
    channels: take.channels.filter((c) => c.name === 'jawOpen'),
    colors,
    view,
    dpr: 1,
    showRaw: false,
    showFiltered: false,
    active: null,
  };
  const compare = compareOverlayFor(
    { shotId: 1, label: 'Take 2', firstFrame: FIRST, curves: new Map([['jawOpen', new Float32Array(N).fill(-0.2)]]), version: 1 },
    1,
  )!;

  it('draws them dashed, in the channel colour faded into the plot, beneath the final curve', () => {
    const plan = curvePlan(base);
    const r = createRaster(N, 200);
    // Raster (0, 0) is scaled (FIRST, −150): value v lands on row 150 − 100·v.
    drawCurves(r, new ColumnCache(), { ...base, compare }, plan, FIRST, -150);
    const faded = packRgb(mixRgb(parseHex('#ff0000'), GRAPH.plotIn, COMPARE_ALPHA));
    const row = 170; // value −0.2
    const drawn = Array.from({ length: N - 2 }, (_, x) => x).filter((x) => pixelAt(r, x, row) === faded);
    expect(drawn.length).toBeGreaterThan(N / 2);
    expect(drawn.length).toBeLessThan(N - 2);
    // Gaps at the dash pattern's columns (scaled x = FIRST + x).
    for (let x = 0; x < N - 2; x++) expect(pixelAt(r, x, row) === faded).toBe((FIRST + x) % 10 < 6);
    // Without a comparison, nothing there.
    const r2 = createRaster(N, 200);
    drawCurves(r2, new ColumnCache(), base, plan, FIRST, -150);
    expect(Array.from({ length: N }, (_, x) => pixelAt(r2, x, row)).every((p) => p === 0)).toBe(true);
  });

  it('redraws the cached image when the comparison changes, and counts its curves', () => {
    const plan = curvePlan(base);
    const k0 = curveLayerKey(model, plan, base);
    const k1 = curveLayerKey(model, plan, { ...base, compare });
    const k2 = curveLayerKey(model, plan, { ...base, compare: { ...compare, version: 2 } });
    expect(new Set([k0, k1, k2]).size).toBe(3);
    expect(compareCount(plan, compare)).toBe(1);
    expect(compareCount(curvePlan({ ...base, channels: take.channels }), compare)).toBe(1);
    expect(compareCount(plan, null)).toBe(0);
  });
});
