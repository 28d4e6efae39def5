import { describe, expect, it } from 'vitest';
import type { EditOp, LayerState } from '../../../electron/common/edits';
import { applyOps } from '../../../electron/common/edits';
import { CurveModel } from '../../../renderer/src/curves/curve-model';
import {
  copySelected,
  deleteOps,
  dragDelta,
  dragOps,
  interpOps,
  keyFrameRange,
  keyModeOps,
  limitValueDelta,
  pasteOps,
  poseOps,
  setKeyOps,
  sliderOps,
} from '../../../renderer/src/curves/key-edits';
import { keyId } from '../../../renderer/src/curves/selection';
import { EMPTY, makeTake } from './fixtures';

const keyed: LayerState = {
  keys: {
    mouthCornerPull_L: [
      { frame: 1010, value: 0.1, interp: 'smooth' },
      { frame: 1020, value: 0.3, interp: 'linear' },
      { frame: 1040, value: 0, interp: 'smooth' },
    ],
  },
  filters: {},
  falloff: 6,
};

const keysOf = (ops: EditOp[], control: string) => ops.find((o): o is Extract<EditOp, { op: 'setKeys' }> => o.op === 'setKeys' && o.control === control)?.keys;

describe('set key (S)', () => {
  it('an offset key holds the correction already there, so the final curve does not move', () => {
    const m = new CurveModel(makeTake(), keyed);
    const pull = m.indexOf('mouthCornerPull_L');
    const before = m.finalAt(pull, 1030);
    const ops = setKeyOps(m.layer, m, ['mouthCornerPull_L', 'jawOpen'], 1030, 'offset');
    m.setTemp(ops);
    expect(m.finalAt(pull, 1030)).toBeCloseTo(before, 6);
    expect(keysOf(ops, 'mouthCornerPull_L')!.map((k) => k.frame)).toEqual([1010, 1020, 1030, 1040]);
    expect(keysOf(ops, 'jawOpen')).toEqual([{ frame: 1030, value: 0, interp: 'smooth', mode: 'offset' }]);
  });

  it('a pose key holds the final value already there, and keeps it under a filter applied later', () => {
    const m = new CurveModel(makeTake(), keyed);
    const pull = m.indexOf('mouthCornerPull_L');
    const before = m.finalAt(pull, 1030);
    const ops = setKeyOps(m.layer, m, ['mouthCornerPull_L'], 1030, 'pose');
    expect(keysOf(ops, 'mouthCornerPull_L')!.find((k) => k.frame === 1030)).toMatchObject({ mode: 'pose', value: before });
    m.setBase(applyOps(m.layer, ops));
    expect(m.finalAt(pull, 1030)).toBeCloseTo(before, 6);
    m.setTemp([{ op: 'setFilter', scope: 'control:mouthCornerPull_L', filter: { kind: 'gaussian', strength: 1 } }]);
    expect(m.filteredAt(pull, 1030)).not.toBeCloseTo(m.rawAt(pull, 1030), 3); // the filter did change the solve there
    expect(m.finalAt(pull, 1030)).toBeCloseTo(before, 6);
  });

  it('keeps an existing key as it is', () => {
    const m = new CurveModel(makeTake(), keyed);
    expect(keysOf(setKeyOps(m.layer, m, ['mouthCornerPull_L'], 1020, 'pose'), 'mouthCornerPull_L')).toEqual(keyed.keys.mouthCornerPull_L);
  });
});

describe('key mode', () => {
  it('turning keys into pose keys and back keeps the final value at every key', () => {
    const m = new CurveModel(makeTake(), keyed);
    const pull = m.indexOf('mouthCornerPull_L');
    const at = () => [1010, 1020, 1040].map((f) => m.finalAt(pull, f));
    const before = at();
    const sel = [keyId('mouthCornerPull_L', 1010), keyId('mouthCornerPull_L', 1020)];
    const toPose = keyModeOps(m.layer, m, sel, 'pose');
    expect(keysOf(toPose, 'mouthCornerPull_L')!.map((k) => k.mode)).toEqual(['pose', 'pose', undefined]);
    m.setBase(applyOps(m.layer, toPose));
    at().forEach((v, i) => expect(v).toBeCloseTo(before[i]!, 6));
    const back = keyModeOps(m.layer, m, sel, 'offset');
    m.setBase(applyOps(m.layer, back));
    at().forEach((v, i) => expect(v).toBeCloseTo(before[i]!, 6));
    expect(keysOf(back, 'mouthCornerPull_L')!.map((k) => +k.value.toFixed(5))).toEqual([0.1, 0.3, 0]);
  });

  it('a drag keeps pose keys inside the control range and offsets inside ±1', () => {
    const keys = [
      { frame: 1, value: 0.9, interp: 'smooth' as const, mode: 'pose' as const },
      { frame: 2, value: -0.5, interp: 'smooth' as const, mode: 'offset' as const },
    ];
    expect(limitValueDelta(keys, 0.5)).toBeCloseTo(0.1, 9);
    expect(limitValueDelta(keys, -2)).toBeCloseTo(-0.5, 9);
    expect(limitValueDelta([keys[1]!], -2)).toBeCloseTo(-0.5, 9);
  });
});

describe('drag maths', () => {
  it('snaps time to whole frames and turns pixels into value units (up is more)', () => {
    expect(dragDelta(25, -60, 10, 300, false)).toEqual({ dFrame: 3, dValue: 0.2 });
    expect(dragDelta(-4, 0, 10, 300, false)).toEqual({ dFrame: 0, dValue: 0 });
  });

  it('Shift constrains to the axis moved further on screen', () => {
    expect(dragDelta(40, -10, 10, 300, true)).toEqual({ dFrame: 4, dValue: 0 });
    expect(dragDelta(8, -30, 10, 300, true)).toEqual({ dFrame: 0, dValue: 0.1 });
  });

  it('rebuilds from the drag start, so moving back restores the keys exactly', () => {
    const sel = new Set([keyId('mouthCornerPull_L', 1020)]);
    const a = dragOps(keyed, sel, { dFrame: 5, dValue: 0.1 });
    expect(keysOf(a.ops, 'mouthCornerPull_L')!.map((k) => [k.frame, Number(k.value.toFixed(6))])).toEqual([
      [1010, 0.1],
      [1025, 0.4],
      [1040, 0],
    ]);
    expect([...a.selection]).toEqual([keyId('mouthCornerPull_L', 1025)]);
    const back = dragOps(keyed, sel, { dFrame: 0, dValue: 0 });
    expect(keysOf(back.ops, 'mouthCornerPull_L')).toEqual(keyed.keys.mouthCornerPull_L);
  });

  it('a key dragged onto another replaces it (as a DCC does), and values stay within ±1', () => {
    const sel = new Set([keyId('mouthCornerPull_L', 1010)]);
    const r = dragOps(keyed, sel, { dFrame: 10, dValue: 5 });
    const keys = keysOf(r.ops, 'mouthCornerPull_L')!;
    expect(keys.map((k) => k.frame)).toEqual([1020, 1040]);
    expect(keys[0]!.value).toBeCloseTo(1, 9);
    expect(
      limitValueDelta(
        [
          { frame: 1, value: 0.5, interp: 'smooth' },
          { frame: 2, value: -0.8, interp: 'smooth' },
        ],
        -1,
      ),
    ).toBeCloseTo(-0.2, 9);
  });
});

describe('delete and interpolation', () => {
  it('work on the selected keys only', () => {
    const sel = [keyId('mouthCornerPull_L', 1020)];
    expect(keysOf(deleteOps(keyed, sel), 'mouthCornerPull_L')!.map((k) => k.frame)).toEqual([1010, 1040]);
    expect(keysOf(interpOps(keyed, sel, 'step'), 'mouthCornerPull_L')!.map((k) => k.interp)).toEqual(['smooth', 'step', 'smooth']);
    expect(keyFrameRange(sel)).toEqual({ from: 1020, to: 1020 });
    expect(keyFrameRange([])).toBeNull();
  });
});

describe('copy, paste, mirror-paste', () => {
  const sel = [keyId('mouthCornerPull_L', 1010), keyId('mouthCornerPull_L', 1020)];

  it('copies the selected keys relative to the first, pastes them at the playhead', () => {
    const clip = copySelected(keyed, sel)!;
    expect(clip.controls.mouthCornerPull_L!.map((k) => k.frame)).toEqual([0, 10]);
    const { ops, selection } = pasteOps(keyed, clip, 1100, false);
    expect(keysOf(ops, 'mouthCornerPull_L')!.map((k) => k.frame)).toEqual([1010, 1020, 1040, 1100, 1110]);
    expect([...selection]).toEqual([keyId('mouthCornerPull_L', 1100), keyId('mouthCornerPull_L', 1110)]);
  });

  it('mirror-pastes onto the left/right twin, leaving the source alone', () => {
    const clip = copySelected(keyed, sel)!;
    const { ops, selection } = pasteOps(keyed, clip, 1010, true);
    expect(ops.map((o) => (o.op === 'setKeys' ? o.control : ''))).toEqual(['mouthCornerPull_R']);
    expect(keysOf(ops, 'mouthCornerPull_R')).toEqual([
      { frame: 1010, value: 0.1, interp: 'smooth' },
      { frame: 1020, value: 0.3, interp: 'linear' },
    ]);
    expect([...selection]).toEqual([keyId('mouthCornerPull_R', 1010), keyId('mouthCornerPull_R', 1020)]);
    expect(copySelected(keyed, [])).toBeNull();
  });
});

describe('slider and poses', () => {
  it('the slider makes the final value at the frame what was asked', () => {
    const m = new CurveModel(makeTake(), keyed);
    for (const mode of ['pose', 'offset'] as const) {
      const ops = sliderOps(m.committed, m, 'mouthCornerPull_L', 1030, 0.75, mode);
      expect(keysOf(ops, 'mouthCornerPull_L')!.find((k) => k.frame === 1030)!.mode).toBe(mode);
      m.setTemp(ops);
      expect(m.finalAt(m.indexOf('mouthCornerPull_L'), 1030)).toBeCloseTo(0.75, 5);
    }
    // An existing key keeps its mode (1020 is an offset key).
    expect(keysOf(sliderOps(m.layer, m, 'mouthCornerPull_L', 1020, 0.75, 'pose'), 'mouthCornerPull_L')!.find((k) => k.frame === 1020)!.mode).toBeUndefined();
    expect(sliderOps(m.layer, m, 'noSuchControl', 1030, 0.5, 'pose')).toEqual([]);
  });

  it('a pose keys every control of its region back to its values', () => {
    const m = new CurveModel(makeTake(), EMPTY);
    const pose = { mouthCornerPull_L: 0.62, mouthCornerPull_R: 0.58 };
    const ops = poseOps(m.layer, m, pose, 1150, 'pose');
    expect(ops).toHaveLength(2);
    m.setBase(applyOps(EMPTY, ops));
    expect(m.finalAt(m.indexOf('mouthCornerPull_L'), 1150)).toBeCloseTo(0.62, 5);
    expect(m.finalAt(m.indexOf('mouthCornerPull_R'), 1150)).toBeCloseTo(0.58, 5);
  });
});
