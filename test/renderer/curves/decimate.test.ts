import { describe, expect, it } from 'vitest';
import { ColumnCache } from '../../../renderer/src/curves/column-cache';
import { allocColumns, decimateMinMax, valueAtX } from '../../../renderer/src/curves/decimate';
import { createRaster, drawSpans, packRgb, pixelAt, toImage } from '../../../renderer/src/curves/raster';

function noisy(n: number, seed = 3): Float32Array {
  let s = seed;
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    v[i] = 0.5 + 0.4 * Math.sin(i / 50) + (s / 2147483647 - 0.5) * 0.1;
  }
  return v;
}

/** Brute force: min/max of the polyline sampled finely inside each column. */
function bruteColumns(values: Float32Array, first: number, ppf: number, col0: number, count: number) {
  const mn = new Array<number>(count).fill(Infinity);
  const mx = new Array<number>(count).fill(-Infinity);
  for (let i = 0; i + 1 < values.length; i++) {
    for (let s = 0; s <= 64; s++) {
      const t = s / 64;
      const x = (first + i + t) * ppf;
      const c = Math.min(Math.floor(x), Math.floor((first + values.length - 1) * ppf)) - col0;
      if (c < 0 || c >= count) continue;
      const v = values[i]! + (values[i + 1]! - values[i]!) * t;
      mn[c] = Math.min(mn[c]!, v);
      mx[c] = Math.max(mx[c]!, v);
    }
  }
  return { mn, mx };
}

describe('min/max decimation per pixel column', () => {
  it('keeps every sample: each column spans exactly what the curve covers there', () => {
    const v = noisy(20_000);
    const ppf = 1200 / 20_000;
    const out = decimateMinMax(v, 1, ppf, 0, 1300, allocColumns(1300));
    // Each sample lies within its column's span, and each span's ends are reached.
    for (let i = 0; i < v.length; i++) {
      const k = Math.floor((1 + i) * ppf);
      expect(v[i]!).toBeGreaterThanOrEqual(out.min[k]!);
      expect(v[i]!).toBeLessThanOrEqual(out.max[k]!);
    }
    // Against a fine sampling of the polyline (exact up to its 1/64-frame step at the edges).
    const b = bruteColumns(v, 1, ppf, 0, 1300);
    for (let k = 0; k < 1200; k++) {
      expect(out.min[k]!).toBeLessThanOrEqual(b.mn[k]! + 1e-6);
      expect(out.max[k]!).toBeGreaterThanOrEqual(b.mx[k]! - 1e-6);
      expect(b.mn[k]! - out.min[k]!).toBeLessThan(0.003);
      expect(out.max[k]! - b.mx[k]!).toBeLessThan(0.003);
    }
  });

  it('never loses a one-frame spike', () => {
    const v = new Float32Array(20_000).fill(0.2);
    v[12_345] = 0.9;
    const ppf = 1000 / 20_000;
    const out = decimateMinMax(v, 0, ppf, 0, 1000, allocColumns(1000));
    expect(out.max[Math.floor(12_345 * ppf)]).toBeCloseTo(0.9, 6);
  });

  it('zoomed in, fills the columns between samples with the segment, so the line has no gaps', () => {
    const v = Float32Array.from([0, 1]);
    const out = decimateMinMax(v, 10, 8, 80, 10, allocColumns(10)); // frames 10, 11 at x = 80, 88
    for (let k = 0; k < 8; k++) {
      expect(out.min[k]).toBeCloseTo(k / 8, 6);
      expect(out.max[k]).toBeCloseTo((k + 1) / 8, 6);
    }
    expect(out.min[8]).toBe(1); // the last sample's own column
    expect(out.min[9]).toBe(Infinity); // past the data
    expect(valueAtX(v, 10, 1 / 8, 84)).toBeCloseTo(0.5, 9);
  });

  it('marks columns outside the data empty', () => {
    const out = decimateMinMax(Float32Array.from([0.5, 0.5]), 100, 1, 0, 50, allocColumns(50));
    for (let k = 0; k < 50; k++) expect(out.min[k]).toBe(Infinity);
  });
});

describe('column cache', () => {
  it('reuses columns while panning and decimates only what is newly exposed', () => {
    const v = noisy(20_000);
    const ppf = 0.5; // 10,000 columns for the shot: panning crosses the cached window
    const cache = new ColumnCache();
    const a = cache.get('c', v, 1, 0, ppf, 3000, 1000, 1000);
    expect(a.col0).toBe(2000);
    expect(a.count).toBe(3000);
    const work = cache.stats.columns;
    cache.get('c', v, 1, 0, ppf, 3100, 1000, 1000); // inside the window: a hit
    expect(cache.stats.hits).toBe(1);
    expect(cache.stats.columns).toBe(work);
    const b = cache.get('c', v, 1, 0, ppf, 4500, 1000, 1000); // past it: shift, fill the rest
    expect(cache.stats.columns - work).toBe(1500);
    const fresh = decimateMinMax(v, 0, ppf, b.col0, b.count, allocColumns(b.count));
    for (let k = 0; k < b.count; k++) {
      expect(b.min[k]).toBe(fresh.min[k]);
      expect(b.max[k]).toBe(fresh.max[k]);
    }
  });

  it('recomputes when the curve changes (its version) or the zoom does', () => {
    const v = noisy(1000);
    const cache = new ColumnCache();
    cache.get('c', v, 1, 0, 1, 0, 500, 100);
    cache.get('c', v, 2, 0, 1, 0, 500, 100);
    cache.get('c', v, 2, 0, 2, 0, 500, 100);
    expect(cache.stats.misses).toBe(3);
    expect(cache.stats.hits).toBe(0);
  });
});

describe('raster spans', () => {
  it('draws each column as a vertical span at least `thickness` tall, clipped to the raster', () => {
    const r = createRaster(4, 10);
    const cols = { col0: 100, count: 4, min: Float32Array.from([0.5, 0.1, Infinity, 2]), max: Float32Array.from([0.5, 0.9, -Infinity, 3]) };
    const red = packRgb([255, 0, 0]);
    // y = −10·v + 10: value 1 at the top row, 0 at the bottom.
    const n = drawSpans(r, cols, 100, -10, 10, 2, red);
    expect(n).toBe(3);
    const rows = (x: number) => Array.from({ length: 10 }, (_, y) => (pixelAt(r, x, y) === red ? y : -1)).filter((y) => y >= 0);
    expect(rows(0)).toEqual([4, 5]); // flat: 2 px thick around y = 5
    expect(rows(1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]); // 0.9 … 0.1
    expect(rows(2)).toEqual([]); // empty column
    expect(rows(3)).toEqual([]); // above the top: clipped away
  });

  it('transposes its column-major pixels to a row-major image', () => {
    const r = createRaster(37, 45); // not a multiple of the transpose tile
    for (let i = 0; i < r.px.length; i++) r.px[i] = i + 1;
    const img = new Uint32Array(37 * 45);
    toImage(r, img);
    for (let y = 0; y < 45; y++) for (let x = 0; x < 37; x++) expect(img[y * 37 + x]).toBe(x * 45 + y + 1);
    expect(pixelAt(r, 2, 3)).toBe(2 * 45 + 3 + 1);
  });

  it('packs colours as little-endian RGBA', () => {
    expect(packRgb([1, 2, 3]) >>> 0).toBe(0xff030201);
  });
});

describe('vector or raster curves', () => {
  it('strokes paths only when zoomed in far enough for their vertex count', async () => {
    const { wantsVectorCurves } = await import('../../../renderer/src/curves/draw-vector');
    const v = { width: 1200, height: 400, pxPerFrame: 20, pxPerValue: 300, scrollX: 0, scrollY: 0 };
    expect(wantsVectorCurves(v, 3)).toBe(true); // 62 frames × 3 curves
    expect(wantsVectorCurves({ ...v, pxPerFrame: 0.06 }, 3)).toBe(false); // 20,000 frames in view
    expect(wantsVectorCurves({ ...v, pxPerFrame: 4 }, 306)).toBe(false); // 300 frames × 306 curves
  });
});

/** What the graph shows at view pixel (x, y): the cached image there, else the background (1). */
function shown(
  layer: { image: { raster: { width: number; height: number; px: Uint32Array }; x0: number; y0: number } | null },
  vx: number,
  vy: number,
  x: number,
  y: number,
): number {
  const img = layer.image;
  if (!img) return 1;
  const sx = vx + x - img.x0;
  const sy = vy + y - img.y0;
  if (sx < 0 || sy < 0 || sx >= img.raster.width || sy >= img.raster.height) return 1;
  return img.raster.px[sx * img.raster.height + sy] || 1;
}

describe('cached curve image', () => {
  it('composites the cached curves over the background and redraws only when it must', async () => {
    const { CurveLayer } = await import('../../../renderer/src/curves/curve-layer');
    const layer = new CurveLayer();
    // "Curves": a diagonal in scaled space, pixel (x, y) set where y = x.
    const draw = (r: { width: number; height: number; px: Uint32Array }, x0: number, y0: number) => {
      for (let x = 0; x < r.width; x++) {
        const y = x0 + x - y0;
        if (y >= 0 && y < r.height) r.px[x * r.height + y] = 7;
      }
    };
    const at = (vx: number, vy: number) => {
      const visible = { x: vx, y: vy, width: 20, height: 10 };
      layer.ensure('k', visible, { x: 20, y: 5 }, { x0: -1000, x1: 1000, y0: -1000, y1: 1000 }, draw);
      for (let y = 0; y < 10; y++) for (let x = 0; x < 20; x++) expect(shown(layer, vx, vy, x, y)).toBe(vx + x === vy + y ? 7 : 1);
    };
    at(100, 95);
    expect(layer.rebuilds).toBe(1); // a new key draws just the visible part
    at(103, 97); // panned out of it: redrawn with a margin
    expect(layer.rebuilds).toBe(2);
    at(90, 93); // inside the margin: composited from the cache
    at(110, 100);
    expect(layer.rebuilds).toBe(2);
    layer.ensure('k2', { x: 110, y: 100, width: 20, height: 10 }, { x: 20, y: 5 }, { x0: -1000, x1: 1000, y0: -1000, y1: 1000 }, draw);
    expect(layer.rebuilds).toBe(3); // the curves changed
  });

  it('pans past the curves without redrawing, showing background there', async () => {
    const { CurveLayer } = await import('../../../renderer/src/curves/curve-layer');
    const layer = new CurveLayer();
    const content = { x0: 0, x1: 30, y0: 0, y1: 10 };
    // Curves only where the content is (as a real draw: nothing beyond the shot's frames).
    const draw = (r: { width: number; height: number; px: Uint32Array }, x0: number) => {
      for (let x = 0; x < r.width; x++) if (x0 + x >= 0 && x0 + x < 30) r.px.fill(5, x * r.height, (x + 1) * r.height);
    };
    for (const vx of [0, 5, 10, 15, 20, 25, 30, -10]) {
      layer.ensure('k', { x: vx, y: 0, width: 20, height: 10 }, { x: 20, y: 5 }, content, draw);
      for (let x = 0; x < 20; x++) expect(shown(layer, vx, 0, x, 0)).toBe(vx + x >= 0 && vx + x < 30 ? 5 : 1);
    }
    expect(layer.rebuilds).toBe(2);
  });
});
