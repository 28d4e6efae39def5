import { describe, expect, it } from 'vitest';
import type { LayerState } from '../../../electron/common/edits';
import { channelsFor } from '../../../renderer/src/curves/channels';
import { filterOp, scopeFilter, strengthFor } from '../../../renderer/src/curves/filter-edit';
import { clampShare, shareAt } from '../../../renderer/src/curves/layout/split';
import { capturePose, upsertPose } from '../../../renderer/src/curves/poses';

const [pull] = channelsFor(['mouthCornerPull_L']);
const layer = (filters: LayerState['filters']): LayerState => ({ keys: {}, filters, falloff: 8 });

describe('filter settings', () => {
  it('show a control its region’s filter until it has its own', () => {
    const l = layer({ 'region:mouthCorner': { kind: 'gaussian', strength: 0.4 } });
    expect(scopeFilter(l, 'region', pull!)).toEqual({ spec: { kind: 'gaussian', strength: 0.4 }, inherited: false });
    expect(scopeFilter(l, 'control', pull!)).toEqual({ spec: { kind: 'gaussian', strength: 0.4 }, inherited: true });
  });

  it('write None as removal, except as a control’s override of a filtering region', () => {
    const none = { kind: 'none' as const, strength: 0 };
    expect(filterOp(layer({}), 'region', pull!, none)).toEqual({ op: 'setFilter', scope: 'region:mouthCorner', filter: null });
    expect(filterOp(layer({}), 'control', pull!, none)).toEqual({ op: 'setFilter', scope: 'control:mouthCornerPull_L', filter: null });
    expect(filterOp(layer({ 'region:mouthCorner': { kind: 'gaussian', strength: 0.4 } }), 'control', pull!, none)).toEqual({
      op: 'setFilter',
      scope: 'control:mouthCornerPull_L',
      filter: none,
    });
    expect(filterOp(layer({}), 'region', pull!, { kind: 'oneEuro', strength: 0.333333 })).toEqual({
      op: 'setFilter',
      scope: 'region:mouthCorner',
      filter: { kind: 'oneEuro', strength: 0.33 },
    });
    expect(strengthFor('gaussian', 0)).toBe(0.4);
    expect(strengthFor('gaussian', 0.7)).toBe(0.7);
    expect(strengthFor('none', 0.7)).toBe(0);
  });
});

describe('poses', () => {
  it('capture a region’s values and replace a same-named pose', () => {
    const v: Record<string, number> = { a: 0.123456, b: 0.5 };
    const p = capturePose(' smile ', 'mouthCorner', ['a', 'b'], (n) => v[n]!, 'id1');
    expect(p).toEqual({ id: 'id1', name: 'smile', region: 'mouthCorner', values: { a: 0.1235, b: 0.5 } });
    const q = { ...p, id: 'id2', values: { a: 0.2, b: 0.2 } };
    expect(upsertPose([p], q)).toEqual([q]);
    expect(upsertPose([p], { ...q, region: 'lips' })).toHaveLength(2);
  });
});

describe('split panes', () => {
  it('keep both panes above their minimum', () => {
    const limits = { minFirst: 100, minSecond: 200 };
    expect(clampShare(0.05, 1000, limits)).toBe(0.1);
    expect(clampShare(0.95, 1000, limits)).toBe(0.8);
    expect(shareAt(505, 1010, 10, limits)).toBe(0.5);
  });
});
