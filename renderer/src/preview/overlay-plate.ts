// The plate under the head in overlay mode, drawn in the preview's own 2D canvas with the plate
// viewer's layout (plateBoxes + contain-fit), so framing.ts puts the head on the face. It takes
// frames from the shared loader at whatever width the plate viewer already decoded, and only
// asks for the frame itself when nothing is cached: no prefetch of its own to compete with the
// plate viewer's.
import type { Affine2D } from '../../../electron/common/camera';
import { drawPlate, type FrameKey, type FrameLoader, type PaneContent, sizeCanvas } from '../plate';
import { fitContain, plateBoxes, proxyWidth, type Size } from '../ui/plate-layout';

export class OverlayPlate {
  private readonly ctx: CanvasRenderingContext2D | null;
  private css: Size = { width: 0, height: 0 };
  private dpr = 1;
  private last: ImageBitmap | null = null;
  private lastShot: number | null = null;
  private wanted: string | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly loader: FrameLoader<ImageBitmap>,
  ) {
    this.ctx = canvas.getContext('2d', { alpha: false });
  }

  resize(css: Size, dpr: number): void {
    this.css = css;
    this.dpr = dpr;
    sizeCanvas(this.canvas, css, dpr);
  }

  /**
   * Draws the frame now with what is decoded; `onArrive` is called when a missing frame lands.
   * `warp` (plate pixels → plate pixels) draws it stabilised (common/camera.ts stabiliseAffine).
   */
  draw(shotId: number, frame: number, source: Size, onArrive: () => void, warp: Affine2D | null = null): void {
    if (!this.ctx) return;
    if (this.lastShot !== shotId) {
      this.last = null;
      this.lastShot = shotId;
    }
    const [box] = plateBoxes(this.css, 1);
    if (!box) return;
    const fit = fitContain(source, box);
    const key: FrameKey = { shotId, kind: 'rgb', frame, width: proxyWidth(fit.width, this.dpr, source.width || null) };
    const hit = this.loader.peek(key);
    const image = hit?.kind === 'image' ? hit.image : this.loader.peekAnyWidth(key);
    if (image) this.last = image;
    // A bitmap the cache evicted is closed (width 0) and cannot be drawn.
    if (this.last && this.last.width === 0) this.last = null;
    else if (hit?.kind !== 'missing') this.fetch(key, onArrive);
    const content: PaneContent = image
      ? { type: 'image', image }
      : hit?.kind === 'missing'
        ? { type: 'missing', frame, reason: 'No RGB plate for this frame' }
        : this.last
          ? { type: 'image', image: this.last }
          : { type: 'blank' };
    drawPlate(this.ctx, this.css, this.dpr, [{ box, source, content, warp }]);
  }

  private fetch(key: FrameKey, onArrive: () => void): void {
    const id = `${key.shotId}/${key.frame}/${key.width ?? 'full'}`;
    if (this.wanted === id) return;
    this.wanted = id;
    void this.loader.load(key).then((r) => {
      if (this.wanted === id) this.wanted = null;
      if (r.kind === 'image' || r.kind === 'missing') onArrive();
    });
  }
}
