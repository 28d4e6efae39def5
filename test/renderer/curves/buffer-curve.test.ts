import { describe, expect, it } from 'vitest';
import { applyOps, type LayerState } from '../../../electron/common/edits';
import { restoreOps } from '../../../renderer/src/curves/buffer-curve';
import { CurveModel } from '../../../renderer/src/curves/curve-model';
import { makeTake } from './fixtures';

const kept: LayerState = {
  keys: { jawOpen: [{ frame: 1010, value: 0.4, interp: 'smooth', mode: 'pose' }], browDown_L: [{ frame: 1050, value: 0.1, interp: 'linear' }] },
  filters: { 'region:jaw': { kind: 'gaussian', strength: 0.3 } },
  falloff: 8,
};
const now: LayerState = {
  keys: {
    jawOpen: [{ frame: 1010, value: 0.7, interp: 'smooth', mode: 'pose' }],
    mouthCornerPull_L: [{ frame: 1020, value: 0.2, interp: 'smooth' }],
    browDown_L: kept.keys.browDown_L!,
  },
  filters: { 'region:mouthCorner': { kind: 'oneEuro', strength: 0.5 } },
  falloff: 12,
};

describe('buffer curve', () => {
  it('restoring the buffer gives back its keys, filters and falloff, touching only what differs', () => {
    const ops = restoreOps(now, kept);
    expect(applyOps(now, ops)).toEqual(kept);
    expect(ops.map((o) => (o.op === 'setKeys' ? o.control : o.op === 'setFilter' ? o.scope : 'falloff')).sort()).toEqual(
      ['falloff', 'jawOpen', 'mouthCornerPull_L', 'region:jaw', 'region:mouthCorner'].sort(),
    );
    expect(restoreOps(kept, kept)).toEqual([]);
  });

  it('a swap brings back exactly the curves that were kept, and swapping again the ones that were not', () => {
    const m = new CurveModel(makeTake(), kept);
    const before = m.final.map((f) => Array.from(f));
    m.setBase(now);
    const edited = m.final.map((f) => Array.from(f));
    expect(edited).not.toEqual(before);
    m.setBase(applyOps(m.layer, restoreOps(m.layer, kept)));
    expect(m.final.map((f) => Array.from(f))).toEqual(before);
    m.setBase(applyOps(m.layer, restoreOps(m.layer, now)));
    expect(m.final.map((f) => Array.from(f))).toEqual(edited);
  });
});
