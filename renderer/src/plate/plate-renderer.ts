// Keeps the plate canvas showing the playhead's frame, outside React so a scrub costs a
// draw, not a render. Each show() draws at once with what is decoded — the frame itself, the
// same frame at another proxy width, or else the pane's previous image, never a blank — and
// redraws when the frame arrives. data-frame on the canvas names the frame whose pixels are
// actually on it (the end-to-end test and the status bar read it).
import type { PlateMode } from '../state/playhead';
import { drawPlate, sizeCanvas, type PaneContent, type PaneDraw } from './draw';
import { frameKeyString, type FrameKey, type FrameLoader } from './frame-loader';
import { lookAheadFrames, prefetchFrames } from './prefetch';
import type { Availability } from './availability';
import { fitContain, plateBoxes, proxyWidth, type Size } from '../ui/plate-layout';

export interface PlateRequest {
  shotId: number;
  frame: number;
  mode: PlateMode;
  source: Size;
  first: number;
  last: number;
  fps: number;
  playing: boolean;
  direction: 1 | -1;
  loop: boolean;
  availability(kind: 'rgb' | 'normal', frame: number): Availability;
}

export interface PlateStatus {
  /** Frame fully on the canvas, or null while the wanted one is still loading. */
  shown: number | null;
  wanted: number;
  proxyWidth: number | undefined;
}

export class PlateRenderer {
  private css: Size = { width: 0, height: 0 };
  private dpr = 1;
  private req: PlateRequest | null = null;
  private token = 0;
  /** Last image drawn in each pane: the stand-in while the next frame loads. */
  private readonly lastImage: (ImageBitmap | null)[] = [null, null];
  private readonly failed = new Map<string, string>();
  private readonly ctx: CanvasRenderingContext2D | null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly loader: FrameLoader<ImageBitmap>,
    private readonly onStatus: (s: PlateStatus) => void = () => {},
  ) {
    this.ctx = canvas.getContext('2d', { alpha: false });
  }

  resize(css: Size, dpr: number): void {
    this.css = css;
    this.dpr = dpr;
    sizeCanvas(this.canvas, css, dpr);
    if (this.req) this.show(this.req);
  }

  show(req: PlateRequest): void {
    if (this.req && this.req.shotId !== req.shotId) {
      this.failed.clear();
      this.lastImage.fill(null);
    }
    this.req = req;
    const token = ++this.token;
    const kinds: ('rgb' | 'normal')[] = req.mode === 'side' ? ['rgb', 'normal'] : [req.mode];
    const boxes = plateBoxes(this.css, kinds.length === 2 ? 2 : 1);
    let complete = true;
    let width: number | undefined;
    const pending: FrameKey[] = [];

    const panes: PaneDraw[] = kinds.map((kind, i) => {
      const box = boxes[i] ?? boxes[0]!;
      const fit = fitContain(req.source, box);
      const key: FrameKey = { shotId: req.shotId, kind, frame: req.frame, width: proxyWidth(fit.width, this.dpr, req.source.width || null) };
      width ??= key.width;
      const content = this.contentFor(key, req, i);
      if (content.final && content.draw.type === 'image') this.lastImage[i] = content.draw.image as ImageBitmap;
      if (!content.final) complete = false;
      if (content.load) pending.push(key);
      return { box, source: req.source, content: content.draw };
    });

    if (this.ctx && this.css.width > 0) drawPlate(this.ctx, this.css, this.dpr, panes);
    if (complete) this.canvas.dataset.frame = String(req.frame);
    this.canvas.dataset.loading = complete ? 'false' : 'true';
    this.onStatus({ shown: complete ? req.frame : null, wanted: req.frame, proxyWidth: width });

    // Playing, a frame that is not here yet and not on its way would arrive after its turn:
    // the prefetch asks for the ones that can still make it instead.
    const late = req.playing && this.loader.latencyMs > 1000 / req.fps;
    for (const key of pending) {
      if (late && !this.loader.isLoading(key)) continue;
      void this.loader.load(key).then((r) => {
        if (r.kind === 'error') this.failed.set(frameKeyString(key), r.message);
        // Only the latest request redraws; an older frame arriving late is just cached.
        if (token === this.token && r.kind !== 'aborted' && this.req) this.show(this.req);
      });
    }
    this.prefetch(req, kinds, width);
  }

  /** What to draw in a pane now; `final`: it shows the wanted frame; `load`: fetch the exact key. */
  private contentFor(key: FrameKey, req: PlateRequest, pane: number): { draw: PaneContent; final: boolean; load: boolean } {
    const avail = req.availability(key.kind, key.frame);
    if (avail.state === 'none') return { draw: { type: 'none', kind: key.kind }, final: true, load: false };
    if (avail.state === 'missing') return { draw: { type: 'missing', frame: key.frame, reason: avail.reason }, final: true, load: false };
    const hit = this.loader.peek(key);
    if (hit?.kind === 'image') return { draw: { type: 'image', image: hit.image }, final: true, load: false };
    if (hit?.kind === 'missing')
      return { draw: { type: 'missing', frame: key.frame, reason: 'The host has no file for this frame' }, final: true, load: false };
    const failure = this.failed.get(frameKeyString(key));
    if (failure !== undefined) return { draw: { type: 'error', frame: key.frame, message: failure }, final: true, load: false };
    // Same frame at another width (after a resize): right content, counts as shown; the
    // exact width still loads and replaces it.
    const other = this.loader.peekAnyWidth(key);
    if (other) return { draw: { type: 'image', image: other }, final: true, load: true };
    const last = this.lastImage[pane];
    // A closed (evicted) bitmap has zero size and cannot be drawn.
    if (last && last.width > 0) return { draw: { type: 'image', image: last }, final: false, load: true };
    return { draw: { type: 'blank' }, final: false, load: true };
  }

  private prefetch(req: PlateRequest, kinds: ('rgb' | 'normal')[], width: number | undefined): void {
    const frames = prefetchFrames(req.frame, req.direction, req.first, req.last, {
      playing: req.playing,
      fps: req.fps,
      loop: req.loop,
      latencyMs: this.loader.latencyMs,
      lookAhead: lookAheadFrames(req.fps, req.source, kinds.length, width),
    });
    const keys: FrameKey[] = [];
    for (const f of frames) {
      for (const kind of kinds) {
        if (req.availability(kind, f).state === 'present') keys.push({ shotId: req.shotId, kind, frame: f, width });
      }
    }
    this.loader.prefetch(keys);
  }
}
