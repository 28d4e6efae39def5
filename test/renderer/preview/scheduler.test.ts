import { describe, expect, it } from 'vitest';
import { RenderScheduler, type FrameClock } from '../../../renderer/src/preview/scheduler';

function fakeClock(): FrameClock & { tick(): void; pending: number } {
  let next = 1;
  const cbs = new Map<number, () => void>();
  return {
    request(cb) {
      cbs.set(next, cb);
      return next++;
    },
    cancel(h) {
      cbs.delete(h);
    },
    tick() {
      const run = [...cbs.values()];
      cbs.clear();
      for (const cb of run) cb();
    },
    get pending() {
      return cbs.size;
    },
  };
}

describe('RenderScheduler', () => {
  it('coalesces any number of requests into one render per animation frame', () => {
    const clock = fakeClock();
    let draws = 0;
    const s = new RenderScheduler(() => draws++, clock);
    for (let i = 0; i < 25; i++) s.request();
    expect(clock.pending).toBe(1);
    expect(draws).toBe(0);
    clock.tick();
    expect(draws).toBe(1);
    expect(s.renders).toBe(1);
    // Idle: nothing is scheduled, nothing runs.
    clock.tick();
    clock.tick();
    expect(draws).toBe(1);
    s.request();
    clock.tick();
    expect(draws).toBe(2);
  });

  it('now() renders at once and absorbs a pending request', () => {
    const clock = fakeClock();
    let draws = 0;
    const s = new RenderScheduler(() => draws++, clock);
    s.request();
    s.now();
    expect(draws).toBe(1);
    expect(clock.pending).toBe(0);
    expect(s.pending).toBe(false);
  });

  it('a request made while drawing schedules the next frame', () => {
    const clock = fakeClock();
    let draws = 0;
    const s: RenderScheduler = new RenderScheduler(() => {
      draws++;
      if (draws === 1) s.request();
    }, clock);
    s.request();
    clock.tick();
    expect(clock.pending).toBe(1);
    clock.tick();
    expect(draws).toBe(2);
  });

  it('does nothing after dispose', () => {
    const clock = fakeClock();
    let draws = 0;
    const s = new RenderScheduler(() => draws++, clock);
    s.request();
    s.dispose();
    clock.tick();
    s.request();
    s.now();
    expect(draws).toBe(0);
  });
});
