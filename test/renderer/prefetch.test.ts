import { describe, expect, it } from 'vitest';
import { lookAheadFrames, prefetchFrames } from '../../renderer/src/plate/prefetch';

describe('prefetchFrames', () => {
  it('looks ahead in the scrub direction and a little behind', () => {
    const f = prefetchFrames(50, 1, 0, 100, { playing: false, fps: 24, loop: true });
    expect(f.slice(0, 8)).toEqual([51, 52, 53, 54, 55, 56, 57, 58]);
    expect(f.slice(8)).toEqual([49, 48, 47]);
  });

  it('looks backwards when scrubbing back', () => {
    expect(prefetchFrames(50, -1, 0, 100, { playing: false, fps: 24, loop: true }).slice(0, 3)).toEqual([49, 48, 47]);
  });

  it('looks about a second ahead when playing and wraps on loop', () => {
    const f = prefetchFrames(98, 1, 0, 100, { playing: true, fps: 24, loop: true });
    expect(f).toHaveLength(24);
    expect(f.slice(0, 4)).toEqual([99, 100, 0, 1]);
  });

  it('stays inside the shot when not looping and never repeats frames', () => {
    const f = prefetchFrames(2, 1, 0, 4, { playing: true, fps: 60, loop: false });
    expect(f).toEqual([3, 4]);
    const g = prefetchFrames(0, 1, 0, 3, { playing: true, fps: 60, loop: true });
    expect(g).toEqual([1, 2, 3]);
  });

  it('playing, skips the frames a fetch started now would reach after their turn', () => {
    // 24 fps, 200 ms to fetch and decode: the next four frames are on screen before then.
    const f = prefetchFrames(10, 1, 0, 100, { playing: true, fps: 24, loop: false, latencyMs: 200 });
    expect(f[0]).toBe(15);
    expect(f).toHaveLength(24);
    expect(prefetchFrames(10, 1, 0, 100, { playing: true, fps: 24, loop: false, latencyMs: 10 })[0]).toBe(11);
  });

  it('with a look-ahead, reaches that far: paused, after the scrub neighbours and towards the end', () => {
    const paused = prefetchFrames(50, -1, 0, 400, { playing: false, fps: 24, loop: true, lookAhead: 120 });
    expect(paused.slice(0, 11)).toEqual([49, 48, 47, 46, 45, 44, 43, 42, 51, 52, 53]);
    expect(paused).toContain(170);
    expect(paused).not.toContain(171);
    const playing = prefetchFrames(50, 1, 0, 400, { playing: true, fps: 24, loop: true, lookAhead: 120 });
    expect(playing).toHaveLength(120);
    expect(playing.at(-1)).toBe(170);
  });
});

describe('lookAheadFrames', () => {
  it('is five seconds of the shot, as far as half the frame cache holds them', () => {
    expect(lookAheadFrames(24, { width: 384, height: 384 }, 1, 256)).toBe(120);
    // 4K frames at full width, RGB and normal side by side: 33 MB a frame, 100 MB of cache.
    expect(lookAheadFrames(24, { width: 3840, height: 2160 }, 2, undefined, 100 * 1024 * 1024)).toBe(0);
    expect(lookAheadFrames(24, { width: 3840, height: 2160 }, 1, 512, 100 * 1024 * 1024)).toBe(Math.floor((50 * 1024 * 1024) / (512 * 288 * 4)));
  });
});
