// When the head preview draws at which scale (render-scale.ts decides the scales): a lone change
// (a click, a toggle) is drawn at the settled, supersampled scale at once; a stream of changes
// (playback, a scrub, a key drag) at the moving scale, each such frame's cost measured, and one
// refining render at the settled scale once the stream has been quiet for SETTLE_MS.
import type { RenderScale } from './render-scale';

/** A draw this soon after the last one is part of a movement; this long after, the view refines. */
export const SETTLE_MS = 250;

/** The part of HeadView the pacer drives. */
export interface PacedView {
  readonly display: { readonly cssPixels: number; readonly dpr: number };
  setPixelRatio(ratio: number): void;
  renderIfChanged(): boolean;
}

/** Timers, injectable for tests. */
export interface PacerClock {
  now(): number;
  /** Calls back at the next animation frame. */
  nextFrame(cb: () => void): void;
  after(ms: number, cb: () => void): unknown;
  cancel(handle: unknown): void;
}

export const browserPacerClock: PacerClock = {
  now: () => performance.now(),
  nextFrame: (cb) => void requestAnimationFrame(() => cb()),
  after: (ms, cb) => setTimeout(cb, ms),
  cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class RenderPacer {
  private lastDrawAt = -Infinity;
  private timer: unknown = null;
  private measuring = false;
  /** Cost of the last measured moving frame (render → next animation frame), ms. */
  frameCostMs = 0;

  constructor(
    private readonly view: PacedView,
    readonly scale: RenderScale,
    /** The frame budget: the shot's frame interval, ms. */
    private readonly budgetMs: number,
    /** While playing, the view never refines (the next frame is on its way). */
    private readonly playing: () => boolean,
    private readonly clock: PacerClock = browserPacerClock,
  ) {}

  /** Before a draw: picks its scale. Returns the draw's token for end(). */
  begin(playing: boolean): { start: number; moving: boolean } {
    const start = this.clock.now();
    const moving = playing || start - this.lastDrawAt < SETTLE_MS;
    this.lastDrawAt = start;
    const d = this.view.display;
    this.view.setPixelRatio(moving ? this.scale.moving(d.cssPixels, d.dpr) : this.scale.settled(d.cssPixels, d.dpr));
    return { start, moving };
  }

  /** After a draw: measures a moving frame that rendered, and arms the refinement. */
  end(draw: { start: number; moving: boolean }, rendered: boolean): void {
    if (!draw.moving) return;
    if (rendered) this.measure(draw.start);
    this.arm(SETTLE_MS);
  }

  /** Draws the view at its settled scale now, unless playing. */
  settle(): void {
    this.clear();
    if (this.playing()) return;
    const d = this.view.display;
    this.view.setPixelRatio(this.scale.settled(d.cssPixels, d.dpr));
    this.view.renderIfChanged();
  }

  dispose(): void {
    this.clear();
  }

  private arm(ms: number): void {
    this.clear();
    this.timer = this.clock.after(ms, () => {
      this.timer = null;
      const quiet = this.clock.now() - this.lastDrawAt;
      if (quiet < SETTLE_MS) this.arm(SETTLE_MS - quiet);
      else this.settle();
    });
  }

  private clear(): void {
    if (this.timer !== null) this.clock.cancel(this.timer);
    this.timer = null;
  }

  /**
   * A moving frame's cost: from its render to the next animation frame, which the browser holds
   * back while the GPU (or SwiftShader) is still drawing. One measurement at a time.
   */
  private measure(start: number): void {
    if (this.measuring) return;
    this.measuring = true;
    this.clock.nextFrame(() => {
      this.measuring = false;
      const now = this.clock.now();
      this.frameCostMs = now - start;
      this.scale.sample(this.frameCostMs, this.budgetMs, now);
    });
  }
}
