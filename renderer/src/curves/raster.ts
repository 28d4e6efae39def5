// A small software rasteriser for the plot: one 32-bit store per pixel. With a hundred curves
// over twenty thousand frames the plot is hundreds of thousands of short vertical spans (one per
// curve and pixel column); Canvas 2D path calls at that count cost far more than the pixels.
// The buffer is column-major, so a span is a contiguous run of memory (row-major, each pixel of
// a span would be a cache miss); toImage() transposes it once, in cache-sized tiles. Colours are
// opaque: a "faint" curve is pre-mixed with the background, so no per-pixel blending is needed.
import type { Columns } from './decimate';

/** A dash pattern along x, in columns of the scaled space: `on` columns drawn, then `off` skipped. */
export interface Dash {
  on: number;
  off: number;
}

export interface Raster {
  width: number;
  height: number;
  /** Column-major pixels (x·height + y), little-endian RGBA as ImageData holds them. */
  px: Uint32Array;
}

export function createRaster(width: number, height: number): Raster {
  return { width, height, px: new Uint32Array(width * height) };
}

export function pixelAt(r: Raster, x: number, y: number): number {
  return r.px[x * r.height + y]!;
}

const TILE = 32;

/** Copies the raster into a row-major buffer (an ImageData's, viewed as Uint32Array). */
export function toImage(r: Raster, out: Uint32Array): void {
  const w = r.width;
  const h = r.height;
  const src = r.px;
  for (let ty = 0; ty < h; ty += TILE) {
    const yEnd = Math.min(h, ty + TILE);
    for (let tx = 0; tx < w; tx += TILE) {
      const xEnd = Math.min(w, tx + TILE);
      for (let x = tx; x < xEnd; x++) {
        const col = x * h;
        for (let y = ty; y < yEnd; y++) out[y * w + x] = src[col + y]!;
      }
    }
  }
}

export type Rgb = readonly [number, number, number];

export function packRgb(c: Rgb): number {
  return ((255 << 24) | (clampByte(c[2]) << 16) | (clampByte(c[1]) << 8) | clampByte(c[0])) >>> 0;
}

export function unpackRgb(p: number): Rgb {
  return [p & 255, (p >>> 8) & 255, (p >>> 16) & 255];
}

function clampByte(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)));
}

/** `c` at `alpha` over the opaque `bg`, as one opaque colour. */
export function mixRgb(c: Rgb, bg: Rgb, alpha: number): Rgb {
  return [bg[0] + (c[0] - bg[0]) * alpha, bg[1] + (c[1] - bg[1]) * alpha, bg[2] + (c[2] - bg[2]) * alpha];
}

export function parseHex(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.replace(/./g, (x) => x + x) : h;
  const n = Number.parseInt(full.slice(0, 6), 16);
  if (!Number.isFinite(n)) return [200, 200, 200];
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Draws decimated columns as vertical spans. Column c of `cols` lands on raster x = c − shiftX
 * (shiftX: the scaled device x of the raster's left edge, rounded). y = ya·value + yb (device px).
 * Each span is at least `thickness` px tall, which is the line width of flat stretches; steep
 * stretches are continuous because neighbouring spans meet at the column edges. With `dash`, only
 * the columns inside a dash are drawn (the pattern is fixed to column indices, not to the raster).
 */
export function drawSpans(
  r: Raster,
  cols: Columns,
  shiftX: number,
  ya: number,
  yb: number,
  thickness: number,
  color: number,
  dash: Dash | null = null,
): number {
  const w = r.width;
  const h = r.height;
  const px = r.px;
  const k0 = Math.max(0, shiftX - cols.col0);
  const k1 = Math.min(cols.count, shiftX + w - cols.col0);
  const half = thickness / 2;
  const period = dash ? dash.on + dash.off : 0;
  let drawn = 0;
  for (let k = k0; k < k1; k++) {
    if (dash && (((cols.col0 + k) % period) + period) % period >= dash.on) continue;
    const lo = cols.min[k]!;
    if (lo === Infinity) continue;
    const hi = cols.max[k]!;
    let top = ya * hi + yb;
    let bottom = ya * lo + yb;
    if (top > bottom) {
      const t = top;
      top = bottom;
      bottom = t;
    }
    if (bottom - top < thickness) {
      const c = (top + bottom) / 2;
      top = c - half;
      bottom = c + half;
    }
    let r0 = Math.floor(top + 0.5);
    let r1 = Math.floor(bottom + 0.5);
    if (r1 <= r0) r1 = r0 + 1;
    if (r0 < 0) r0 = 0;
    if (r1 > h) r1 = h;
    const base = (cols.col0 + k - shiftX) * h;
    for (let i = base + r0, end = base + r1; i < end; i++) px[i] = color;
    drawn++;
  }
  return drawn;
}
