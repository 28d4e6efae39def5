// Tangent edits (type, break/unify, a dragged handle) and the key field (typed and relative entry):
// each checked on the evaluated curves it produces, not only on the keys it writes.
import { describe, expect, it } from 'vitest';
import { applyOps, type EditOp, type LayerState } from '../../../electron/common/edits';
import { CurveModel } from '../../../renderer/src/curves/curve-model';
import { breakTangentOps, handleOps, interpOps, tangentOps } from '../../../renderer/src/curves/key-edits';
import { applyEntry, keyFieldOps, parseEntry } from '../../../renderer/src/curves/key-field';
import { keyId } from '../../../renderer/src/curves/selection';
import { makeTake } from './fixtures';

const C = 'mouthCornerPull_L';
const layer: LayerState = {
  keys: {
    [C]: [
      { frame: 1010, value: 0.1, interp: 'smooth', mode: 'offset' },
      { frame: 1030, value: 0.7, interp: 'smooth', mode: 'pose' },
      { frame: 1050, value: 0, interp: 'smooth', mode: 'offset' },
    ],
  },
  filters: {},
  falloff: 6,
};
const keysOf = (ops: EditOp[]) => ops.find((o): o is Extract<EditOp, { op: 'setKeys' }> => o.op === 'setKeys' && o.control === C)!.keys;
const sel = (...frames: number[]) => frames.map((f) => keyId(C, f));

describe('tangent edits', () => {
  it('a unified key takes a type on both sides; a broken key only on the side asked', () => {
    const m = new CurveModel(makeTake(), layer);
    const k = keysOf(tangentOps(m.layer, m, sel(1030), 'out', 'linear'))[1]!;
    expect([k.inTangent, k.outTangent, k.interp]).toEqual(['linear', 'linear', 'linear']);
    const broken = applyOps(layer, breakTangentOps(layer, m, sel(1030), true));
    const b = keysOf(tangentOps(broken, m, sel(1030), 'out', 'step'))[1]!;
    expect([b.inTangent, b.outTangent, b.interp]).toEqual([undefined, 'step', 'step']);
  });

  it('making a tangent fixed keeps the curve where it was; dragging its handle then shapes it', () => {
    const m = new CurveModel(makeTake(), layer);
    const c = m.indexOf(C);
    const before = Array.from(m.final[c]!);
    m.setBase(applyOps(layer, tangentOps(layer, m, sel(1030), 'both', 'fixed')));
    const after = Array.from(m.final[c]!);
    after.forEach((v, i) => expect(v).toBeCloseTo(before[i]!, 6));
    const fixed = m.layer;
    m.setTemp(handleOps(fixed, C, 1030, 'out', 0.02));
    const k = m.keysOf(C)[1]!;
    expect([k.inSlope, k.outSlope]).toEqual([0.02, 0.02]); // unified: both sides turn
    // The key still holds its value; the curve leaving it rises now where it was flat (auto at a peak).
    expect(m.finalAt(c, 1030)).toBeCloseTo(0.7, 6);
    expect(m.finalAt(c, 1032) - m.filteredAt(c, 1032)).toBeGreaterThan(before[1032 - 1001]! - m.filteredAt(c, 1032) + 0.01);
  });

  it('a broken key keeps its other side when a handle is dragged; unify averages a fixed pair', () => {
    const m = new CurveModel(makeTake(), layer);
    const broken = applyOps(layer, breakTangentOps(layer, m, sel(1030), true));
    const shaped = applyOps(broken, handleOps(broken, C, 1030, 'in', -0.03));
    const k = shaped.keys[C]![1]!;
    expect([k.inTangent, k.inSlope, k.outTangent]).toEqual(['fixed', -0.03, undefined]);
    const both = applyOps(shaped, handleOps(shaped, C, 1030, 'out', 0.01));
    m.setBase(both);
    const u = keysOf(breakTangentOps(both, m, sel(1030), false))[1]!;
    expect(u.broken).toBe(false);
    expect(u.inSlope).toBeCloseTo(-0.01, 9);
    expect(u.outSlope).toBeCloseTo(-0.01, 9);
  });

  it('Alt+1/2/3 on a key with tangent types sets its out tangent too (it would win over interp otherwise)', () => {
    const typed = applyOps(layer, [{ op: 'setKeys', control: C, keys: layer.keys[C]!.map((k) => ({ ...k, outTangent: 'spline' as const })) }]);
    const k = keysOf(interpOps(typed, sel(1010), 'step'))[0]!;
    expect([k.interp, k.outTangent]).toEqual(['step', 'step']);
    expect(keysOf(interpOps(layer, sel(1010), 'linear'))[0]!.outTangent).toBeUndefined();
  });
});

describe('key field', () => {
  it('reads numbers and Maya’s relative entries', () => {
    expect(parseEntry('0.5')).toEqual({ op: '=', x: 0.5 });
    expect(parseEntry(' += 0.1 ')).toEqual({ op: '+=', x: 0.1 });
    expect(parseEntry('-=2')).toEqual({ op: '-=', x: 2 });
    expect(parseEntry('*=.5')).toEqual({ op: '*=', x: 0.5 });
    expect(parseEntry('/=2')).toEqual({ op: '/=', x: 2 });
    expect(parseEntry('-0.25')).toEqual({ op: '=', x: -0.25 });
    for (const bad of ['', 'abc', '+=', '/=0', '1..2', '=+1', '0.5x']) expect(parseEntry(bad)).toBeNull();
    expect(applyEntry({ op: '*=', x: 0.5 }, 0.8)).toBe(0.4);
  });

  it('a typed value sets every selected key; a relative one changes each from its own, within its mode’s range', () => {
    const m = new CurveModel(makeTake(), layer);
    const set = keyFieldOps(layer, m, sel(1010, 1030), 'value', { op: '=', x: 0.476 });
    if ('error' in set) throw new Error(set.error);
    expect(keysOf(set.ops).map((k) => k.value)).toEqual([0.476, 0.476, 0]);
    m.setBase(applyOps(layer, set.ops));
    expect(m.finalAt(m.indexOf(C), 1030)).toBeCloseTo(0.476, 6);
    const rel = keyFieldOps(layer, m, sel(1010, 1030), 'value', { op: '+=', x: 0.5 });
    if ('error' in rel) throw new Error(rel.error);
    expect(keysOf(rel.ops).map((k) => +k.value.toFixed(6))).toEqual([0.6, 1, 0]); // the pose key stops at 1
  });

  it('typing the final value sets the key so the control is that value there, in either mode', () => {
    const m = new CurveModel(makeTake(), layer);
    const r = keyFieldOps(layer, m, sel(1010, 1030), 'final', { op: '*=', x: 0.5 });
    if ('error' in r) throw new Error(r.error);
    const c = m.indexOf(C);
    const want = [1010, 1030].map((f) => m.finalAt(c, f) * 0.5);
    m.setBase(applyOps(layer, r.ops));
    expect(m.finalAt(c, 1010)).toBeCloseTo(want[0]!, 6);
    expect(m.finalAt(c, 1030)).toBeCloseTo(want[1]!, 6);
  });

  it('a typed frame moves keys (a relative one each by its own), replaces a key landed on, and refuses to stack two', () => {
    const m = new CurveModel(makeTake(), layer);
    const r = keyFieldOps(layer, m, sel(1010), 'frame', { op: '=', x: 1050 });
    if ('error' in r) throw new Error(r.error);
    expect(keysOf(r.ops).map((k) => [k.frame, k.value])).toEqual([
      [1030, 0.7],
      [1050, 0.1],
    ]);
    expect([...r.selection]).toEqual([keyId(C, 1050)]);
    const rel = keyFieldOps(layer, m, sel(1010, 1030), 'frame', { op: '+=', x: 3 });
    if ('error' in rel) throw new Error(rel.error);
    expect(keysOf(rel.ops).map((k) => k.frame)).toEqual([1013, 1033, 1050]);
    expect(keyFieldOps(layer, m, sel(1010, 1030), 'frame', { op: '=', x: 1020 })).toEqual({ error: `Two selected keys of ${C} would land on one frame` });
  });
});
