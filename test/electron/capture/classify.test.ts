import { describe, expect, it } from 'vitest';
import { dominantSize, frameIssues, frameStatus, withSizeCheck } from '../../../electron/capture/classify';

const ok = (width = 64, height = 64) => ({ ok: true as const, width, height });

describe('frame classification', () => {
  it('finds nothing wrong with a good pair', () => {
    const issues = frameIssues({ frame: 1, rgbName: 'a', normalName: 'b', rgb: ok(), normal: ok(), shotHasNormals: true });
    expect(issues).toEqual([]);
    expect(frameStatus(issues)).toBe('ok');
  });

  it('reports a gap, a missing or unreadable modality, and a normal map of another size', () => {
    const codes = (f: Parameters<typeof frameIssues>[0]) => frameIssues(f).map((i) => i.code);
    expect(codes({ frame: 1, rgbName: null, normalName: null, rgb: null, normal: null, shotHasNormals: true })).toEqual(['gap']);
    expect(codes({ frame: 1, rgbName: 'a', normalName: null, rgb: ok(), normal: null, shotHasNormals: true })).toEqual(['normalMissing']);
    expect(codes({ frame: 1, rgbName: 'a', normalName: null, rgb: ok(), normal: null, shotHasNormals: false })).toEqual([]);
    expect(codes({ frame: 1, rgbName: null, normalName: 'b', rgb: null, normal: ok(), shotHasNormals: true })).toEqual(['rgbMissing']);
    expect(codes({ frame: 1, rgbName: 'a', normalName: 'b', rgb: { ok: false, message: 'bad' }, normal: ok(), shotHasNormals: true })).toEqual([
      'rgbUnreadable',
    ]);
    expect(codes({ frame: 1, rgbName: 'a', normalName: 'b', rgb: ok(64, 64), normal: ok(32, 32), shotHasNormals: true })).toEqual(['normalSizeMismatch']);
  });

  it('a frame without a usable plate is missing; other problems are warnings', () => {
    expect(frameStatus([{ code: 'rgbUnreadable', message: '' }])).toBe('missing');
    expect(frameStatus([{ code: 'normalMissing', message: '' }])).toBe('warning');
  });

  it('takes the most common size as the shot size and flags the others', () => {
    const shot = dominantSize([{ width: 64, height: 64 }, null, { width: 32, height: 32 }, { width: 64, height: 64 }]);
    expect(shot).toEqual({ width: 64, height: 64 });
    expect(withSizeCheck(3, [], { width: 32, height: 32 }, shot).map((i) => i.code)).toEqual(['sizeMismatch']);
    // Re-checking replaces the earlier verdict rather than adding a second one.
    const once = withSizeCheck(3, [], { width: 32, height: 32 }, shot);
    expect(withSizeCheck(3, once, { width: 32, height: 32 }, shot)).toHaveLength(1);
    expect(withSizeCheck(3, once, { width: 64, height: 64 }, shot)).toEqual([]);
  });
});
