import { describe, expect, it } from 'vitest';
import { prefetchFrames } from '../../renderer/src/plate/prefetch';

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
});
