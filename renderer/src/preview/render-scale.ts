// How finely the head preview's canvas is drawn, frame by frame (dynamic resolution, as game
// engines and DCC viewports do it). The WebGL context has no MSAA (its cost is fixed at context
// creation and, on a GPU-less machine, is most of a frame): a settled view is instead drawn
// supersampled (2× the display's pixels, within a pixel cap) and the browser's downscale smooths
// its edges. While the view moves (playback, a scrub, a key drag) each frame is drawn at the
// finest step of a ladder that keeps within the shot's frame budget, measured as the time from a
// render to the next animation frame (the browser holds that frame back until the GPU, or
// SwiftShader, has drawn the last one); when the movement stops, one more render refines the
// view to the settled scale. On a real GPU a frame costs a few ms: the ladder stays at its top
// and moving frames look like settled ones. Pure: no DOM, no clock of its own.

/** Scales relative to the device pixel ratio, finest first. */
export const SCALE_LADDER: readonly number[] = [2, 1.6, 1.3, 1, 0.85, 0.7, 0.6, 0.5];

/** A frame longer than this share of its budget is late: coarser, by as many steps as it was late. */
const LATE = 1.1;
/** Pixels per ladder step (a step is ~0.8× the ratio): how much a step saves, at best. */
const STEP_AREA = 0.64;
/** Frames this far under budget, this many in a row, try the next finer step. */
const EARLY = 0.6;
const EARLY_STREAK = 12;
/** After a step down, the step above is not tried again for this long (no see-saw). */
const HOLD_MS = 4000;
/** Samples ignored after a step change: frames already in the browser's pipeline were drawn at the old scale. */
const SETTLE_SAMPLES = 2;

export interface ScaleOptions {
  /** Largest canvas drawn, in device pixels: the supersampled view of a big 4K panel stays bounded. */
  readonly maxPixels: number;
}

export const DEFAULT_SCALE_OPTIONS: ScaleOptions = { maxPixels: 4_000_000 };

export class RenderScale {
  private step = 0;
  private early = 0;
  private holdUntil = -Infinity;
  private ignore = 0;

  constructor(private readonly options: ScaleOptions = DEFAULT_SCALE_OPTIONS) {}

  /** Pixel ratio for a settled view of `cssPixels` (width × height) on a `dpr` display. */
  settled(cssPixels: number, dpr: number): number {
    return this.cap(SCALE_LADDER[0]! * dpr, cssPixels, dpr);
  }

  /** Pixel ratio for a frame drawn while the view moves. */
  moving(cssPixels: number, dpr: number): number {
    return this.cap(SCALE_LADDER[this.step]! * dpr, cssPixels, dpr);
  }

  /** The ladder step in use while moving (0 the finest), for the status line and tests. */
  get movingStep(): number {
    return this.step;
  }

  /**
   * One moving frame's cost: `frameMs` from its render to the next animation frame, against the
   * shot's frame interval `budgetMs`, at time `now` (ms).
   */
  sample(frameMs: number, budgetMs: number, now: number): void {
    if (this.ignore > 0) {
      this.ignore--;
      return;
    }
    if (frameMs > budgetMs * LATE) {
      this.early = 0;
      if (this.step < SCALE_LADDER.length - 1) {
        // A frame twice over budget needs about two steps (a quarter of the pixels, or less
        // where part of the cost is per vertex): get there at once, not a frame at a time.
        const steps = Math.max(1, Math.ceil(Math.log(frameMs / budgetMs) / Math.log(1 / STEP_AREA)));
        this.step = Math.min(SCALE_LADDER.length - 1, this.step + steps);
        this.holdUntil = now + HOLD_MS;
        this.ignore = SETTLE_SAMPLES;
      }
      return;
    }
    if (frameMs >= budgetMs * EARLY || this.step === 0 || now < this.holdUntil) {
      this.early = 0;
      return;
    }
    if (++this.early >= EARLY_STREAK) {
      this.step--;
      this.early = 0;
      this.ignore = SETTLE_SAMPLES;
    }
  }

  /** Never above the pixel cap, nor, where the cap bites, below the display's own resolution. */
  private cap(ratio: number, cssPixels: number, dpr: number): number {
    if (cssPixels <= 0) return ratio;
    const most = Math.sqrt(this.options.maxPixels / cssPixels);
    return ratio <= most ? ratio : Math.max(Math.min(ratio, dpr), most);
  }
}

/**
 * What this machine draws in time is learned once per page, not per shot: a preview mounted
 * again (another shot, the panel moved) starts at the step the last one found, and a bigger
 * or smaller view moves it again within a few frames.
 */
export const pageRenderScale = new RenderScale();
