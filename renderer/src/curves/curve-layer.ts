// The plot's curves as a cached image in scaled space. Panning moves the view over this image
// instead of re-rasterising a hundred curves (millions of pixel writes) every frame; the image is
// redrawn only when the curves change (their versions, colours, what is shown), the zoom changes,
// or the view pans past the cached window. Transparent pixels are 0.
import { createRaster, type Raster } from './raster';

export interface ScaledRect {
  /** Scaled device px of the rectangle's left / top. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export class CurveLayer {
  private raster: Raster | null = null;
  private x0 = 0;
  private y0 = 0;
  private key = '';
  private offscreen = false;
  rebuilds = 0;

  /**
   * Makes the image cover the part of `visible` inside `content` (where curves can be: the shot's
   * frames, the values they can take), redrawing it with `draw` when `key` (curves, zoom) changed
   * or the view left it. A redraw after a content change covers only that part (a drag redraws
   * every move: keep it small); one after panning out adds `margin` around it, within `content`.
   */
  ensure(key: string, visible: ScaledRect, margin: { x: number; y: number }, content: { x0: number; x1: number; y0: number; y1: number }, draw: (r: Raster, x0: number, y0: number) => void): void {
    const r = this.raster;
    // The part of the view that can show curves; none (panned right off the shot): nothing to draw.
    const nx0 = Math.max(visible.x, content.x0);
    const nx1 = Math.min(visible.x + visible.width, content.x1);
    const ny0 = Math.max(visible.y, content.y0);
    const ny1 = Math.min(visible.y + visible.height, content.y1);
    this.offscreen = nx1 <= nx0 || ny1 <= ny0;
    if (this.offscreen) return;
    const covers = r !== null && nx0 >= this.x0 && ny0 >= this.y0 && nx1 <= this.x0 + r.width && ny1 <= this.y0 + r.height;
    if (key === this.key && covers) return;
    const pan = key === this.key;
    const mx = pan ? margin.x : 0;
    const my = pan ? margin.y : 0;
    const x0 = Math.min(nx0, Math.max(nx0 - mx, content.x0));
    const x1 = Math.max(nx1, Math.min(nx1 + mx, content.x1));
    const y0 = Math.min(ny0, Math.max(ny0 - my, content.y0));
    const y1 = Math.max(ny1, Math.min(ny1 + my, content.y1));
    const w = x1 - x0;
    const h = y1 - y0;
    const next = r && r.px.length >= w * h ? { width: w, height: h, px: r.px.subarray(0, w * h) } : createRaster(w, h);
    next.px.fill(0);
    draw(next, x0, y0);
    this.raster = next;
    this.x0 = x0;
    this.y0 = y0;
    this.key = key;
    this.rebuilds++;
  }

  /**
   * The plot image: the cached curves over `background` (both column-major), for the visible
   * rectangle, written row-major into `out` (an ImageData's pixels). Tiled, so both the
   * column-major reads and the row-major writes stay in cache.
   */
  composite(background: Raster, visible: ScaledRect, out: Uint32Array): void {
    const r = this.raster;
    const W = background.width;
    const H = background.height;
    const bg = background.px;
    if (!r || this.offscreen) {
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) out[y * W + x] = bg[x * H + y]!;
      return;
    }
    const src = r.px;
    const RW = r.width;
    const RH = r.height;
    const dx = visible.x - this.x0;
    const dy = visible.y - this.y0;
    // Rows of the view that the image has (outside it: background only).
    const iy0 = Math.max(0, -dy);
    const iy1 = Math.min(H, RH - dy);
    const T = 32;
    for (let ty = 0; ty < H; ty += T) {
      const yEnd = Math.min(H, ty + T);
      const a = Math.max(ty, iy0);
      const b = Math.min(yEnd, iy1);
      for (let tx = 0; tx < W; tx += T) {
        const xEnd = Math.min(W, tx + T);
        for (let x = tx; x < xEnd; x++) {
          const bCol = x * H;
          const sx = x + dx;
          if (sx < 0 || sx >= RW || b <= a) {
            for (let y = ty; y < yEnd; y++) out[y * W + x] = bg[bCol + y]!;
            continue;
          }
          const sCol = sx * RH + dy;
          for (let y = ty; y < a; y++) out[y * W + x] = bg[bCol + y]!;
          for (let y = a; y < b; y++) {
            const v = src[sCol + y]!;
            out[y * W + x] = v !== 0 ? v : bg[bCol + y]!;
          }
          for (let y = b; y < yEnd; y++) out[y * W + x] = bg[bCol + y]!;
        }
      }
    }
  }

  clear(): void {
    this.raster = null;
    this.key = '';
  }
}
