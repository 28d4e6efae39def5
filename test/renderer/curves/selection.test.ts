import { describe, expect, it } from 'vitest';
import {
  applySelection,
  byControl,
  clickChannel,
  hitCurve,
  hitKey,
  keyId,
  keysInBox,
  parseKeyId,
  selectMode,
  type KeyPoint,
} from '../../../renderer/src/curves/selection';
import { onSelectRequest, requestSelectControls, type SelectControlsRequest } from '../../../renderer/src/state/select-request';

const pts: KeyPoint[] = [
  { id: keyId('jawOpen', 10), control: 'jawOpen', frame: 10, x: 100, y: 50 },
  { id: keyId('jawOpen', 20), control: 'jawOpen', frame: 20, x: 200, y: 80 },
  { id: keyId('mouthCornerPull_L', 10), control: 'mouthCornerPull_L', frame: 10, x: 100, y: 54 },
];

describe('key ids', () => {
  it('round-trip and group by control', () => {
    expect(parseKeyId(keyId('mouth@odd', 12))).toEqual({ control: 'mouth@odd', frame: 12 });
    const g = byControl([keyId('a', 1), keyId('a', 5), keyId('b', 2)]);
    expect([...g.get('a')!]).toEqual([1, 5]);
    expect([...g.get('b')!]).toEqual([2]);
  });
});

describe('selection modes', () => {
  it('follows Maya/Blender modifiers: plain replaces, Shift adds, Ctrl toggles', () => {
    expect(selectMode({ shiftKey: false, ctrlKey: false, metaKey: false })).toBe('replace');
    expect(selectMode({ shiftKey: true, ctrlKey: false, metaKey: false })).toBe('add');
    expect(selectMode({ shiftKey: false, ctrlKey: true, metaKey: false })).toBe('toggle');
    const cur = new Set(['a', 'b']);
    expect([...applySelection(cur, ['c'], 'replace')]).toEqual(['c']);
    expect([...applySelection(cur, ['b', 'c'], 'add')].sort()).toEqual(['a', 'b', 'c']);
    expect([...applySelection(cur, ['b', 'c'], 'toggle')].sort()).toEqual(['a', 'c']);
  });

  it('selects channel rows like an outliner', () => {
    const order = ['a', 'b', 'c', 'd', 'e'];
    expect(clickChannel(['a'], 'a', 'c', 'replace', order)).toEqual(['c']);
    expect(clickChannel(['a'], 'a', 'c', 'toggle', order)).toEqual(['a', 'c']);
    expect(clickChannel(['a', 'c'], 'a', 'c', 'toggle', order)).toEqual(['a']);
    expect(clickChannel(['b'], 'b', 'd', 'add', order)).toEqual(['b', 'c', 'd']);
    expect(clickChannel(['e', 'b'], 'd', 'b', 'add', order)).toEqual(['e', 'b', 'c', 'd']);
  });
});

describe('hit testing', () => {
  it('finds the nearest key within the radius, preferring a selected one on a tie', () => {
    expect(hitKey(pts, 103, 51, 6, new Set())?.id).toBe(keyId('jawOpen', 10));
    expect(hitKey(pts, 100, 52, 6, new Set([keyId('mouthCornerPull_L', 10)]))?.id).toBe(keyId('mouthCornerPull_L', 10));
    expect(hitKey(pts, 150, 60, 6, new Set())).toBeNull();
  });

  // The same keys as pts, laid out at 10 px a frame; y from the table.
  const layout = {
    keysOf: (name: string) => pts.filter((p) => p.control === name).map((p) => ({ frame: p.frame })),
    frameAt: (x: number) => x / 10,
    y: (name: string, frame: number) => pts.find((p) => p.control === name && p.frame === frame)!.y,
  };
  const names = ['jawOpen', 'mouthCornerPull_L'];

  it('box-selects keys in any drag direction', () => {
    expect(keysInBox(names, layout, { x0: 210, y0: 90, x1: 90, y1: 52 }).sort()).toEqual([keyId('jawOpen', 20), keyId('mouthCornerPull_L', 10)].sort());
    expect(keysInBox(names, layout, { x0: 0, y0: 0, x1: 10, y1: 10 })).toEqual([]);
  });

  it('box-selects every key under the box, however densely they are drawn: 20,000 keys a control', () => {
    const dense = { ...layout, keysOf: () => Array.from({ length: 20_000 }, (_, i) => ({ frame: i })), frameAt: (x: number) => x / 0.05, y: () => 50 };
    const ids = keysInBox(['jawOpen', 'browDown_L'], dense, { x0: 10, y0: 40, x1: 20, y1: 60 });
    expect(ids).toHaveLength(2 * 201); // frames 200…400 of each
    expect(ids[0]).toBe(keyId('jawOpen', 200));
    expect(keysInBox(['jawOpen'], dense, { x0: 10, y0: 0, x1: 20, y1: 10 })).toEqual([]);
  });

  it('picks the curve nearest the pointer at its frame', () => {
    const y: Record<string, number> = { a: 100, b: 104, c: 140 };
    expect(hitCurve(['a', 'b', 'c'], (n) => y[n]!, 103, 5)).toBe('b');
    expect(hitCurve(['a', 'b', 'c'], (n) => y[n]!, 120, 5)).toBeNull();
  });
});

describe("the head preview's select request", () => {
  it('reaches a subscriber with the controls and the primary one, each time it is made', () => {
    const seen: SelectControlsRequest[] = [];
    requestSelectControls(['before'], 'before'); // made before subscribing: not replayed
    const off = onSelectRequest((r) => seen.push(r));
    requestSelectControls(['jawOpen', 'mouthCornerPull_L'], 'jawOpen');
    requestSelectControls(['jawOpen', 'mouthCornerPull_L'], 'jawOpen');
    off();
    requestSelectControls(['after'], 'after');
    expect(seen).toEqual([
      { controls: ['jawOpen', 'mouthCornerPull_L'], primary: 'jawOpen', source: 'head-preview' },
      { controls: ['jawOpen', 'mouthCornerPull_L'], primary: 'jawOpen', source: 'head-preview' },
    ]);
  });
});
