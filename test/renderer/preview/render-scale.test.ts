// The preview's dynamic resolution: supersampled when settled, as fine as the frame budget
// allows while moving, stepping down at once when late and back up only after a run of early
// frames (and not straight back to a step that was just too slow).
import { describe, expect, it } from 'vitest';
import { RenderScale, SCALE_LADDER } from '../../../renderer/src/preview/render-scale';

const BUDGET = 1000 / 24;

describe('RenderScale', () => {
  it('draws a settled view at twice the display resolution, within the pixel cap', () => {
    const s = new RenderScale({ maxPixels: 4_000_000 });
    expect(s.settled(500 * 350, 1)).toBe(2);
    expect(s.settled(500 * 350, 2)).toBe(4);
    // A 4K panel: capped, but never below the display's own resolution.
    expect(s.settled(3840 * 2160, 1)).toBe(1);
    expect(s.settled(1600 * 1000, 1)).toBeCloseTo(Math.sqrt(4_000_000 / 1_600_000), 6);
  });

  it('starts moving frames at the finest step and stays there while frames are in time', () => {
    const s = new RenderScale();
    for (let i = 0; i < 50; i++) s.sample(16, BUDGET, i * 40);
    expect(s.movingStep).toBe(0);
    expect(s.moving(500 * 350, 1)).toBe(SCALE_LADDER[0]);
  });

  it('steps down as far as the lateness asks, and ignores the frames already in flight', () => {
    const s = new RenderScale();
    // Three times over budget: about a ninth of the pixels, three steps at once.
    s.sample(3 * BUDGET, BUDGET, 0);
    expect(s.movingStep).toBe(3);
    s.sample(3 * BUDGET, BUDGET, 40);
    s.sample(3 * BUDGET, BUDGET, 80);
    expect(s.movingStep).toBe(3);
    s.sample(1.2 * BUDGET, BUDGET, 120);
    expect(s.movingStep).toBe(4);
    // Never past the coarsest step.
    for (let i = 0; i < 20; i++) s.sample(10 * BUDGET, BUDGET, 200 + i * 40);
    expect(s.movingStep).toBe(SCALE_LADDER.length - 1);
  });

  it('steps back up after a run of early frames, not during the hold after a step down', () => {
    const s = new RenderScale();
    s.sample(1.5 * BUDGET, BUDGET, 0);
    expect(s.movingStep).toBe(1);
    // Two samples ignored, then early frames inside the 4 s hold: no change.
    for (let i = 1; i <= 30; i++) s.sample(10, BUDGET, i * 40);
    expect(s.movingStep).toBe(1);
    // After the hold, twelve early frames in a row step up once.
    for (let i = 0; i < 11; i++) s.sample(10, BUDGET, 5000 + i * 40);
    expect(s.movingStep).toBe(1);
    s.sample(10, BUDGET, 5500);
    expect(s.movingStep).toBe(0);
  });

  it('resets the early run on a frame that is neither early nor late', () => {
    const s = new RenderScale();
    s.sample(1.5 * BUDGET, BUDGET, 0);
    s.sample(10, BUDGET, 10);
    s.sample(10, BUDGET, 20);
    for (let i = 0; i < 11; i++) s.sample(10, BUDGET, 5000 + i);
    s.sample(0.8 * BUDGET, BUDGET, 5100);
    s.sample(10, BUDGET, 5200);
    expect(s.movingStep).toBe(1);
  });
});
