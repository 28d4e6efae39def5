// The head's channels in the curve editor (issue 18): their own "Head" group after the face's
// regions, their units in the list, and the curve model evaluating them in degrees and mm (not
// clamped to a control's 0…1), filtered by the head group and keyed like any control.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { HEAD_CHANNELS, channelSliderRange, unitSuffix } from '../../../electron/common/head';
import { channelsFor, groupChannels, regionChannels } from '../../../renderer/src/curves/channels';
import { CurveModel } from '../../../renderer/src/curves/curve-model';
import { EMPTY, FIRST, N } from './fixtures';

describe('head channels in the curve editor', () => {
  it('sit in their own Head group, after the face, before unknown names', () => {
    const channels = channelsFor([...HEAD_CHANNELS, 'customBlink', ...DEFAULT_CONTROL_NAMES]);
    const groups = groupChannels(channels, '');
    expect(groups.map((g) => g.label).slice(-2)).toEqual(['Head', 'Other']);
    expect(groups.find((g) => g.label === 'Head')!.channels.map((c) => c.name)).toEqual([...HEAD_CHANNELS]);
    expect(regionChannels(channels, 'head')).toEqual([...HEAD_CHANNELS]);
    expect(groupChannels(channels, 'head').flatMap((g) => g.channels.map((c) => c.name))).toEqual([...HEAD_CHANNELS]);
    expect([unitSuffix('headYaw'), unitSuffix('headTz'), unitSuffix('jawOpen')]).toEqual(['°', ' mm', '']);
    expect(channelSliderRange('headPitch')).toEqual({ min: -45, max: 45 });
  });

  it('evaluate in degrees and mm, with the head group’s filter and pose keys', () => {
    const channels = channelsFor(['jawOpen', 'headYaw', 'headTx']);
    const raw = [
      Float32Array.from({ length: N }, () => 0.5),
      Float32Array.from({ length: N }, (_, i) => 20 + (i % 2 ? 2 : -2)),
      Float32Array.from({ length: N }, () => -35),
    ];
    const take = { takeId: 1, shotId: 1, firstFrame: FIRST, length: N, fps: 24, channels, raw, failedFrames: [] };
    const m = new CurveModel(take, EMPTY);
    const yaw = m.indexOf('headYaw');
    expect(m.finalAt(yaw, FIRST)).toBe(18);
    expect(m.finalAt(m.indexOf('headTx'), FIRST + 5)).toBe(-35);
    m.setBase({
      keys: { headYaw: [{ frame: FIRST + 100, value: 33, interp: 'smooth', mode: 'pose' }] },
      filters: { 'region:head': { kind: 'gaussian', strength: 0.5 } },
      falloff: 8,
    });
    expect(m.finalAt(yaw, FIRST + 100)).toBeCloseTo(33, 4);
    expect(Math.abs(m.finalAt(yaw, FIRST + 40) - m.finalAt(yaw, FIRST + 41))).toBeLessThan(0.3);
    expect(m.finalAt(m.indexOf('jawOpen'), FIRST + 40)).toBeCloseTo(0.5, 6);
  });
});
