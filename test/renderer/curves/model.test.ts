import { describe, expect, it } from 'vitest';
import { evaluateControl } from '../../../electron/common/curves/evaluate';
import type { LayerState } from '../../../electron/common/edits';
import { CurveModel } from '../../../renderer/src/curves/curve-model';
import { EMPTY, FIRST, makeTake, N } from './fixtures';

describe('CurveModel', () => {
  it('evaluates final curves with the one shared evaluation (filter + correction, clamped)', () => {
    const take = makeTake();
    const layer: LayerState = {
      keys: {
        jawOpen: [
          { frame: 1050, value: 0.2, interp: 'smooth' },
          { frame: 1080, value: -0.1, interp: 'linear' },
        ],
      },
      filters: { 'region:mouthCorner': { kind: 'gaussian', strength: 0.5 } },
      falloff: 12,
    };
    const m = new CurveModel(take, layer);
    for (const c of take.channels) {
      const expected = evaluateControl(
        { raw: take.raw[c.index]!, filter: m.filterOf(c), keys: layer.keys[c.name] ?? [], falloff: 12 },
        { shotFirst: FIRST, from: FIRST, to: FIRST + N - 1 },
        24,
      );
      expect(Array.from(m.final[c.index]!)).toEqual(Array.from(expected));
    }
    expect(m.filterOf(take.channels[m.indexOf('mouthCornerPull_L')]!)).toEqual({ kind: 'gaussian', strength: 0.5 });
  });

  it('rebuilds a temporary state from the committed layer each time, and discards it', () => {
    const take = makeTake();
    const m = new CurveModel(take, EMPTY);
    const jaw = m.indexOf('jawOpen');
    const before = Float32Array.from(m.final[jaw]!);
    m.setTemp([{ op: 'setKeys', control: 'jawOpen', keys: [{ frame: 1100, value: 0.1, interp: 'smooth' }] }]);
    expect(m.finalAt(jaw, 1100)).toBeCloseTo(Math.min(1, before[99]! + 0.1), 6);
    m.setTemp([{ op: 'setKeys', control: 'jawOpen', keys: [{ frame: 1100, value: 0.05, interp: 'smooth' }] }]);
    expect(m.finalAt(jaw, 1100)).toBeCloseTo(before[99]! + 0.05, 6);
    expect(m.committed).toBe(EMPTY);
    m.setTemp(null);
    expect(Array.from(m.final[jaw]!)).toEqual(Array.from(before));
  });

  it('caches filtered curves: a key edit does not refilter, a filter edit refilters only its controls', () => {
    const take = makeTake();
    const m = new CurveModel(take, { ...EMPTY, filters: { 'region:mouthCorner': { kind: 'gaussian', strength: 0.3 } } });
    const fv = Array.from(m.filteredVersion);
    const finalV = Array.from(m.finalVersion);
    m.setTemp([{ op: 'setKeys', control: 'mouthCornerPull_L', keys: [{ frame: 1010, value: 0.1, interp: 'smooth' }] }]);
    expect(Array.from(m.filteredVersion)).toEqual(fv);
    const pull = m.indexOf('mouthCornerPull_L');
    const jaw = m.indexOf('jawOpen');
    expect(m.finalVersion[pull]).toBe(finalV[pull]! + 1);
    expect(m.finalVersion[jaw]).toBe(finalV[jaw]); // jawOpen untouched
    m.setTemp([{ op: 'setFilter', scope: 'region:mouthCorner', filter: { kind: 'gaussian', strength: 0.8 } }]);
    const changed = Array.from(m.filteredVersion).map((v, i) => v !== fv[i]);
    expect(changed).toEqual(take.channels.map((c) => c.region === 'mouthCorner'));
  });

  it('samples every control at a frame without allocating, final or raw', () => {
    const take = makeTake();
    const m = new CurveModel(take, { ...EMPTY, keys: { browDown_L: [{ frame: 1020, value: 0.3, interp: 'step' }] } });
    const out = new Float32Array(take.channels.length);
    expect(m.sample(1020, 'final', out)).toBe(true);
    expect(Array.from(out)).toEqual(take.channels.map((c) => m.final[c.index]![19]!));
    expect(m.sample(1020, 'raw', out)).toBe(true);
    expect(Array.from(out)).toEqual(take.channels.map((c) => take.raw[c.index]![19]!));
    expect(m.sample(1020, 'compare', out)).toBe(false);
    // Frames outside the shot read its ends.
    m.sample(0, 'raw', out);
    expect(out[0]).toBe(take.raw[0]![0]);
    m.sample(FIRST + N + 50, 'raw', out);
    expect(out[0]).toBe(take.raw[0]![N - 1]);
  });

  it('tells the correction at a frame (what a new key must hold so nothing jumps)', () => {
    const m = new CurveModel(makeTake(), {
      ...EMPTY,
      falloff: 0,
      keys: {
        jawOpen: [
          { frame: 1010, value: 0.2, interp: 'linear' },
          { frame: 1020, value: 0, interp: 'linear' },
        ],
      },
    });
    expect(m.correctionAt('jawOpen', 1015)).toBeCloseTo(0.1, 6);
    expect(m.correctionAt('jawOpen', 1030)).toBe(0);
  });
});
