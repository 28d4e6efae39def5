// The overlay draws one key per few pixels of each control where keys are dense (a cleaned-up long
// take), so its cost follows the plot's width, not the number of keys; every key stays selectable
// (box selection reads the keys themselves: selection.test.ts).
import { describe, expect, it } from 'vitest';
import type { Key } from '../../../electron/common/curves/keys';
import { CurveModel } from '../../../renderer/src/curves/curve-model';
import { drawOverlay, KEY_CELL, keyCell, MAX_DRAWN_KEYS } from '../../../renderer/src/curves/draw-overlay';
import type { GraphView } from '../../../renderer/src/curves/view';
import { FIRST, makeTake, N } from './fixtures';

/** A 2D context that draws nothing and counts the key shapes filled. */
function countingContext(): { ctx: CanvasRenderingContext2D; fills: () => number } {
  let fills = 0;
  const target: Record<string, unknown> = { measureText: () => ({ width: 10 }), fill: () => fills++ };
  const ctx = new Proxy(target, {
    get: (t, p: string) => (p in t ? t[p] : () => undefined),
    set: () => true,
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, fills: () => fills };
}

describe('overlay keys', () => {
  const everyFrame: Key[] = Array.from({ length: N }, (_, i) => ({ frame: FIRST + i, value: 0.01, interp: 'smooth' }));
  const model = new CurveModel(makeTake(), { keys: { jawOpen: everyFrame }, filters: {}, falloff: 8 });
  const inp = (view: GraphView, keySel: ReadonlySet<string> = new Set()) => ({
    model,
    channels: model.take.channels.filter((c) => c.name === 'jawOpen'),
    colors: {},
    view,
    frame: FIRST,
    keySel,
    box: null,
    hover: null,
    dragLabel: null,
    active: null,
    previewRaw: false,
  });

  it('draws every key where they are apart, one per few pixels where they are dense', () => {
    // 10 px a frame: every key in view drawn (frames 1001…1061 over 600 px, and one frame beyond).
    const wide: GraphView = { width: 600, height: 300, pxPerFrame: 10, pxPerValue: 200, scrollX: FIRST * 10, scrollY: -250 };
    expect(drawOverlay(countingContext().ctx, inp(wide)).keys.map((k) => k.frame)).toEqual(Array.from({ length: 62 }, (_, i) => FIRST + i));
    // 0.5 px a frame: 200 keys over 100 px, one drawn per KEY_CELL px.
    const dense: GraphView = { width: 100, height: 300, pxPerFrame: 0.5, pxPerValue: 200, scrollX: FIRST * 0.5, scrollY: -250 };
    expect(KEY_CELL).toBe(9); // a key's width: closer keys would overlap
    const c = countingContext();
    const drawn = drawOverlay(c.ctx, inp(dense)).keys;
    expect(drawn.length).toBeLessThanOrEqual(Math.ceil(100 / KEY_CELL) + 1);
    expect(drawn.length).toBeGreaterThan(100 / KEY_CELL - 2);
    expect(drawn[0]!.frame).toBe(FIRST);
    for (let i = 1; i < drawn.length; i++) expect(drawn[i]!.x - drawn[i - 1]!.x).toBeGreaterThanOrEqual(KEY_CELL - 1e-9);
    expect(c.fills()).toBeLessThan(5); // one path per kind of key, not one per key
  });

  it('with many keyed controls in view, draws no more than MAX_DRAWN_KEYS, spread over the whole plot', () => {
    const names = model.take.channels.map((c) => c.name);
    const many: Key[] = Array.from({ length: 5000 }, (_, i) => ({ frame: FIRST + i, value: 0.01, interp: 'smooth' }));
    const keyed = new CurveModel(makeTake(), { keys: Object.fromEntries(names.map((n) => [n, many])), filters: {}, falloff: 8 });
    // 20,000 keys in view over 5,000 px: one per KEY_CELL px would be 6,667.
    const view: GraphView = { width: 5000, height: 300, pxPerFrame: 1, pxPerValue: 200, scrollX: FIRST, scrollY: -250 };
    const drawn = drawOverlay(countingContext().ctx, { ...inp(view), model: keyed, channels: keyed.take.channels }).keys;
    expect(keyCell([5000, 5000, 5000, 5000], 5000)).toBeGreaterThan(KEY_CELL);
    expect(keyCell([10, 10], 5000)).toBe(KEY_CELL);
    expect(drawn.length).toBeLessThanOrEqual(MAX_DRAWN_KEYS);
    expect(drawn.length).toBeGreaterThan(MAX_DRAWN_KEYS / 4);
    for (const n of names) expect(Math.max(...drawn.filter((k) => k.control === n).map((k) => k.x))).toBeGreaterThan(4950);
  });
});
