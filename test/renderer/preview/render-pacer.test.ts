// When the preview draws at which scale: a lone change settled at once, a stream of changes at
// the moving scale with each frame's cost measured, and one refining render once it is quiet.
import { describe, expect, it } from 'vitest';
import { RenderPacer, SETTLE_MS, type PacedView, type PacerClock } from '../../../renderer/src/preview/render-pacer';
import { RenderScale } from '../../../renderer/src/preview/render-scale';

function setup(playing = false) {
  let now = 1000;
  const timers: { at: number; cb: () => void; id: number }[] = [];
  const frames: (() => void)[] = [];
  let nextId = 1;
  const clock: PacerClock = {
    now: () => now,
    nextFrame: (cb) => void frames.push(cb),
    after: (ms, cb) => {
      const t = { at: now + ms, cb, id: nextId++ };
      timers.push(t);
      return t.id;
    },
    cancel: (h) => {
      const i = timers.findIndex((t) => t.id === h);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const ratios: number[] = [];
  const renders: number[] = [];
  let ratio = 0;
  const view: PacedView = {
    display: { cssPixels: 500 * 350, dpr: 1 },
    setPixelRatio: (r) => {
      ratio = r;
      ratios.push(r);
    },
    renderIfChanged: () => {
      renders.push(ratio);
      return true;
    },
  };
  const scale = new RenderScale();
  const state = { playing };
  const pacer = new RenderPacer(view, scale, 1000 / 24, () => state.playing, clock);
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now).sort((a, b) => a.at - b.at)) {
      timers.splice(timers.indexOf(t), 1);
      t.cb();
    }
  };
  const draw = (isPlaying = state.playing) => {
    const d = pacer.begin(isPlaying);
    pacer.end(d, true);
  };
  return { pacer, scale, ratios, renders, frames, advance, draw, state, timers };
}

describe('RenderPacer', () => {
  it('draws a lone change at the settled scale, with nothing to refine after', () => {
    const t = setup();
    t.draw();
    expect(t.ratios).toEqual([2]);
    t.advance(1000);
    expect(t.renders).toEqual([]);
    expect(t.frames).toHaveLength(0);
  });

  it('draws a stream of changes at the moving scale, then refines once when quiet', () => {
    const t = setup();
    t.scale.sample(5000, 1000 / 24, 0); // a slow machine: coarsest step
    t.draw();
    t.advance(30);
    t.draw();
    t.advance(30);
    t.draw();
    expect(t.ratios).toEqual([2, 0.5, 0.5]);
    // Refined SETTLE_MS after the last draw, not after the first.
    t.advance(SETTLE_MS - 10);
    expect(t.renders).toEqual([]);
    t.advance(20);
    expect(t.renders).toEqual([2]);
  });

  it('measures a moving frame from its render to the next animation frame', () => {
    const t = setup(true);
    t.draw();
    expect(t.frames).toHaveLength(1);
    t.draw(); // one measurement at a time
    expect(t.frames).toHaveLength(1);
    t.advance(3 * (1000 / 24));
    t.frames.shift()!();
    expect(t.pacer.frameCostMs).toBeCloseTo(3 * (1000 / 24), 6);
    expect(t.scale.movingStep).toBeGreaterThan(0);
  });

  it('never refines while playing; settles once playback stops', () => {
    const t = setup(true);
    t.scale.sample(5000, 1000 / 24, 0);
    t.draw();
    t.advance(40);
    t.draw();
    t.advance(SETTLE_MS * 4);
    expect(t.renders).toEqual([]);
    // The stop's draw comes a frame after the last played one: still moving, refined after.
    t.draw();
    t.advance(40);
    t.state.playing = false;
    t.draw(false);
    expect(t.ratios.at(-1)).toBe(0.5);
    t.advance(SETTLE_MS + 1);
    expect(t.renders).toEqual([2]);
  });

  it('settle() draws settled at once and dispose() cancels a pending refinement', () => {
    const t = setup();
    t.draw();
    t.draw();
    t.pacer.settle();
    expect(t.renders).toEqual([2]);
    t.draw();
    t.pacer.dispose();
    expect(t.timers).toHaveLength(0);
  });
});
