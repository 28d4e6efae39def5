import { describe, expect, it } from 'vitest';
import type { FrameInfo } from '../../electron/common/api/schemas';
import { frameMarkers, makeAvailability } from '../../renderer/src/plate/availability';

const frame = (n: number, over: Partial<FrameInfo> = {}): FrameInfo => ({
  frame: n,
  status: 'ok',
  hasRgb: true,
  hasNormal: true,
  width: 64,
  height: 64,
  issues: [],
  ...over,
});

const frames: FrameInfo[] = [
  frame(1),
  frame(2, { status: 'missing', hasRgb: true, issues: [{ code: 'rgbUnreadable', message: 'plate.0002.png: unreadable image' }] }),
  frame(3, { status: 'warning', hasNormal: false, issues: [{ code: 'normalMissing', message: 'no normal map for frame 3' }] }),
  frame(4, { status: 'warning', issues: [{ code: 'sizeMismatch', message: '48×48' }] }),
];

describe('makeAvailability', () => {
  const avail = makeAvailability(true, frames);
  it('says present for usable plates, including size-mismatched ones', () => {
    expect(avail('rgb', 1)).toEqual({ state: 'present' });
    expect(avail('rgb', 4)).toEqual({ state: 'present' });
    expect(avail('normal', 4)).toEqual({ state: 'present' });
  });
  it("gives the import's reason for unusable frames", () => {
    expect(avail('rgb', 2)).toEqual({ state: 'missing', reason: 'plate.0002.png: unreadable image' });
    expect(avail('normal', 3)).toEqual({ state: 'missing', reason: 'no normal map for frame 3' });
    expect(avail('rgb', 3)).toEqual({ state: 'present' });
    expect(avail('rgb', 99).state).toBe('missing');
  });
  it('says none for normals of a shot without them', () => {
    expect(makeAvailability(false, frames)('normal', 1)).toEqual({ state: 'none' });
  });
});

describe('frameMarkers', () => {
  it('marks every frame that is not clean', () => {
    expect(frameMarkers(frames)).toEqual([
      { frame: 2, status: 'missing' },
      { frame: 3, status: 'warning' },
      { frame: 4, status: 'warning' },
    ]);
  });
});
