// The plot's curves as a cached image in scaled space. Panning moves the view over this image
// (the graph blits it at an offset) instead of re-rasterising a hundred curves — millions of pixel
// writes — every frame; the image is redrawn only when the curves change (their versions,
// colours, what is shown), the zoom changes, or the view pans past the cached window.
// Transparent pixels are 0.
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
  ensure(
    key: string,
    visible: ScaledRect,
    margin: { x: number; y: number },
    content: { x0: number; x1: number; y0: number; y1: number },
    draw: (r: Raster, x0: number, y0: number) => void,
  ): boolean {
    const r = this.raster;
    // The part of the view that can show curves; none (panned right off the shot): nothing to draw.
    const nx0 = Math.max(visible.x, content.x0);
    const nx1 = Math.min(visible.x + visible.width, content.x1);
    const ny0 = Math.max(visible.y, content.y0);
    const ny1 = Math.min(visible.y + visible.height, content.y1);
    this.offscreen = nx1 <= nx0 || ny1 <= ny0;
    if (this.offscreen) return false;
    const covers = r !== null && nx0 >= this.x0 && ny0 >= this.y0 && nx1 <= this.x0 + r.width && ny1 <= this.y0 + r.height;
    if (key === this.key && covers) return false;
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
    return true;
  }

  /** The image, and where its pixel (0, 0) is in scaled device px; null when nothing is in view. */
  get image(): { raster: Raster; x0: number; y0: number } | null {
    return this.raster && !this.offscreen ? { raster: this.raster, x0: this.x0, y0: this.y0 } : null;
  }

  clear(): void {
    this.raster = null;
    this.key = '';
  }
}
