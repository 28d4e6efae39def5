import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../renderer/src/state/route';

describe('route', () => {
  it('round-trips', () => {
    for (const r of [{ name: 'shots' } as const, { name: 'shot', shotId: 12, frame: null } as const, { name: 'shot', shotId: 3, frame: -4 } as const]) {
      expect(parseRoute(formatRoute(r))).toEqual(r);
    }
  });
  it('falls back to the shot list on anything else', () => {
    expect(parseRoute('')).toEqual({ name: 'shots' });
    expect(parseRoute('#/shot/0')).toEqual({ name: 'shots' });
    expect(parseRoute('#/shot/abc')).toEqual({ name: 'shots' });
  });
});
