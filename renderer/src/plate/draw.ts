// Canvas drawing of the plate panes. Boxes are in CSS pixels; the context is pre-scaled by
// devicePixelRatio, so the same numbers work on any display.
import { fitContain, type Size } from '../ui/plate-layout';

export type PaneContent =
  | { type: 'image'; image: CanvasImageSource & Size }
  | { type: 'missing'; frame: number; reason: string }
  | { type: 'none'; kind: 'rgb' | 'normal' }
  | { type: 'error'; frame: number; message: string }
  | { type: 'blank' };

export interface PaneDraw {
  box: { x: number; y: number; width: number; height: number };
  /** The shot's plate size: placeholders take its shape so the layout does not jump. */
  source: Size;
  content: PaneContent;
  /**
   * An image drawn through this affine map of the plate's pixels (canvas order a, b, c, d, e, f:
   * the stabilised view, common/camera.ts stabiliseAffine), clipped to the plate's rectangle.
   */
  warp?: readonly [number, number, number, number, number, number] | null;
}

const BG = '#0c0d0e';
const SLATE = '#16181b';
const HATCH = 'rgba(255,255,255,0.035)';

export function drawPlate(ctx: CanvasRenderingContext2D, area: Size, dpr: number, panes: readonly PaneDraw[]): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = BG;
  ctx.fillRect(0, 0, area.width, area.height);
  for (const p of panes) drawPane(ctx, p);
}

function drawPane(ctx: CanvasRenderingContext2D, p: PaneDraw): void {
  const c = p.content;
  if (c.type === 'image') {
    // Use the image's own aspect (a proxy keeps it), centred in the pane.
    const r = fitContain(c.image, p.box);
    if (p.warp) {
      // Plate pixels → the pane, then the warp in plate pixels; the plate's rectangle clips it.
      const src = p.source.width > 0 && p.source.height > 0 ? p.source : c.image;
      const s = r.width / src.width;
      ctx.save();
      ctx.beginPath();
      ctx.rect(p.box.x + r.x, p.box.y + r.y, r.width, r.height);
      ctx.clip();
      ctx.translate(p.box.x + r.x, p.box.y + r.y);
      ctx.scale(s, s);
      ctx.transform(...p.warp);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(c.image, 0, 0, src.width, src.height);
      ctx.restore();
      return;
    }
    // Well past 1:1 a viewer shows pixels, not blur (as Nuke's and RV's do).
    ctx.imageSmoothingEnabled = r.width < c.image.width * 2;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(c.image, p.box.x + r.x, p.box.y + r.y, r.width, r.height);
    return;
  }
  if (c.type === 'blank') return;
  const r = fitContain(p.source.width > 0 ? p.source : { width: 16, height: 9 }, p.box);
  const x = p.box.x + r.x;
  const y = p.box.y + r.y;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, r.width, r.height);
  ctx.clip();
  ctx.fillStyle = SLATE;
  ctx.fillRect(x, y, r.width, r.height);
  ctx.strokeStyle = HATCH;
  ctx.lineWidth = 10;
  for (let d = -r.height; d < r.width; d += 28) {
    ctx.beginPath();
    ctx.moveTo(x + d, y + r.height);
    ctx.lineTo(x + d + r.height, y);
    ctx.stroke();
  }
  ctx.restore();
  ctx.strokeStyle = c.type === 'none' ? '#2c3035' : '#5c2622';
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, r.width - 1, r.height - 1);

  const [title, sub, color] = placeholderText(c);
  const cx = x + r.width / 2;
  const cy = y + r.height / 2;
  const size = Math.max(11, Math.min(22, r.width / 18));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = color;
  ctx.font = `600 ${size}px system-ui, sans-serif`;
  ctx.fillText(title, cx, cy - size * 0.6, r.width - 16);
  ctx.fillStyle = '#8b9098';
  ctx.font = `${Math.round(size * 0.62)}px system-ui, sans-serif`;
  ctx.fillText(sub, cx, cy + size * 0.7, r.width - 16);
}

export function placeholderText(c: PaneContent): [title: string, sub: string, color: string] {
  switch (c.type) {
    case 'missing':
      return [`Missing frame ${c.frame}`, c.reason, '#ff8a80'];
    case 'none':
      return [c.kind === 'normal' ? 'No normal maps' : 'No RGB plates', 'This shot was imported without them', '#9097a1'];
    case 'error':
      return [`Frame ${c.frame} could not be loaded`, c.message, '#ffb86b'];
    default:
      return ['', '', '#fff'];
  }
}

/** Sizes a canvas's backing store to its CSS box at devicePixelRatio (at least 1×1 px); a
 *  canvas already that size is left alone, since assigning width clears it. */
export function sizeCanvas(canvas: HTMLCanvasElement, css: Size, dpr: number): void {
  const w = Math.max(1, Math.round(css.width * dpr));
  const h = Math.max(1, Math.round(css.height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
}
