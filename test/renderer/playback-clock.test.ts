import { describe, expect, it } from 'vitest';
import { frameAt } from '../../renderer/src/timeline/playback-clock';

const range = { first: 0, last: 99, fps: 24, loop: true };

describe('frameAt', () => {
  it('follows wall time at the shot rate', () => {
    const a = { frame: 10, time: 1000 };
    expect(frameAt(a, 1000, range).frame).toBe(10);
    expect(frameAt(a, 1000 + 1000 / 24 - 0.01, range).frame).toBe(10);
    expect(frameAt(a, 1000 + 1000 / 24, range).frame).toBe(11);
    expect(frameAt(a, 2000, range).frame).toBe(34);
  });

  it('drops frames after a stall instead of drifting', () => {
    // 500 ms without a callback: the next frame shown is the one due now, not frame+1.
    expect(frameAt({ frame: 0, time: 0 }, 500, range).frame).toBe(12);
  });

  it('is exact at 30 fps over long runs', () => {
    expect(frameAt({ frame: 0, time: 0 }, 3000, { ...range, fps: 30, last: 1000 }).frame).toBe(90);
  });

  it('wraps on loop and stops at the end otherwise', () => {
    expect(frameAt({ frame: 98, time: 0 }, 3 * (1000 / 24), range)).toEqual({ frame: 1, ended: false });
    expect(frameAt({ frame: 98, time: 0 }, 3 * (1000 / 24), { ...range, loop: false })).toEqual({ frame: 99, ended: true });
  });
});
