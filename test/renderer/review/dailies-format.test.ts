import { describe, expect, it } from 'vitest';
import { dailiesProgressText, defaultDailiesPath, formatSeconds } from '../../../renderer/src/review/dailies-format';

describe('dailies progress', () => {
  it("uses the host's ETA and the rate it implies", () => {
    expect(dailiesProgressText({ done: 100, total: 300, etaSeconds: 20 }, 99)).toBe('100 / 300 frames · 10.0 frames/s · about 20 s left');
  });
  it('falls back to its own clock without one, and drops the time left when done', () => {
    expect(dailiesProgressText({ done: 30, total: 60, etaSeconds: null }, 10)).toBe('30 / 60 frames · 3.0 frames/s · about 10 s left');
    expect(dailiesProgressText({ done: 60, total: 60 }, 10)).toBe('60 / 60 frames · 6.0 frames/s');
    expect(formatSeconds(125)).toBe('2 min 05 s');
  });
  it('puts the movie beside the project, named after the shot', () => {
    expect(defaultDailiesPath('/shows/abc/abc.rigsolve', 'sh 010')).toBe('/shows/abc/sh_010_dailies.mp4');
    expect(defaultDailiesPath('C:\\shows\\abc.rigsolve', 'sh010')).toBe('C:\\shows\\sh010_dailies.mp4');
  });
});
