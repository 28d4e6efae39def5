import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CHANNEL_NAMES, CHANNELS, EVENT_NAMES } from '../../../electron/common/api/contract';
import { CHANNEL_NAME_LIST, EVENT_NAME_LIST } from '../../../electron/common/api/names';
import { formatFramePath, parseFramePath } from '../../../electron/common/api/frame-url';
import { DEFAULT_CONTROLS, mirrorControlName, REGIONS } from '../../../electron/common/controls';

describe('API contract', () => {
  it("the preload's name lists match the contract", () => {
    expect([...CHANNEL_NAME_LIST].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect([...EVENT_NAME_LIST].sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('every channel declares who may call it', () => {
    for (const name of CHANNEL_NAMES) expect(['read', 'review', 'write', 'host']).toContain(CHANNELS[name].access);
  });
});

describe('frame addresses', () => {
  it('round-trip', () => {
    const path = formatFramePath(3, 'normal', 12, 256);
    const [p, q] = path.split('?');
    expect(parseFramePath(p!, new URLSearchParams(q))).toEqual({ shotId: 3, kind: 'normal', frame: 12, width: 256 });
  });
  it('accept nothing but the exact shape', () => {
    for (const p of ['frame/0/rgb/1', 'frame/1/rgb/1/x', 'frame/1/../rgb/1', 'frame/1/RGB/1', 'frame/1/rgb/1.5', '/etc/passwd', 'frame/1/rgb/']) {
      expect(parseFramePath(p, new URLSearchParams())).toBeNull();
    }
    expect(parseFramePath('frame/1/rgb/1', new URLSearchParams('w=0'))).toBeNull();
    expect(parseFramePath('frame/1/rgb/1', new URLSearchParams('w=abc'))).toBeNull();
  });
});

describe('control set', () => {
  it("is the design card's controls.tsv, in order", () => {
    const rows = readFileSync('resources/rigs/controls.tsv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    expect(DEFAULT_CONTROLS).toHaveLength(102);
    expect(DEFAULT_CONTROLS.map((c) => [String(c.index), c.name, c.facs, c.region, c.side])).toEqual(rows);
    for (const c of DEFAULT_CONTROLS) expect(REGIONS).toContain(c.region);
  });
  it('mirrors L/R pairs onto controls that exist', () => {
    const names = new Set(DEFAULT_CONTROLS.map((c) => c.name));
    for (const c of DEFAULT_CONTROLS) {
      const m = mirrorControlName(c.name);
      expect(names.has(m), c.name).toBe(true);
      expect(mirrorControlName(m)).toBe(c.name);
    }
  });
});
