// Render on demand: any number of requests between two animation frames cost one render, and
// nothing runs while idle. During playback the caller renders at once (`now`): the playhead
// moves inside the playback loop's animation frame, and rendering there keeps the head on the
// same displayed frame as the plate instead of one frame behind.

export interface FrameClock {
  request(cb: () => void): number;
  cancel(handle: number): void;
}

export const animationFrameClock: FrameClock = {
  request: (cb) => requestAnimationFrame(() => cb()),
  cancel: (h) => cancelAnimationFrame(h),
};

export class RenderScheduler {
  private handle: number | null = null;
  private disposed = false;
  /** Renders done (the end-to-end test checks the view is idle when nothing changes). */
  renders = 0;

  constructor(
    private readonly draw: () => void,
    private readonly clock: FrameClock = animationFrameClock,
  ) {}

  get pending(): boolean {
    return this.handle !== null;
  }

  /** One render at the next animation frame, however often this is called before it. */
  request(): void {
    if (this.disposed || this.handle !== null) return;
    this.handle = this.clock.request(() => {
      this.handle = null;
      this.run();
    });
  }

  /** Renders now, absorbing a pending request. */
  now(): void {
    if (this.disposed) return;
    if (this.handle !== null) {
      this.clock.cancel(this.handle);
      this.handle = null;
    }
    this.run();
  }

  dispose(): void {
    if (this.handle !== null) this.clock.cancel(this.handle);
    this.handle = null;
    this.disposed = true;
  }

  private run(): void {
    this.renders++;
    this.draw();
  }
}
