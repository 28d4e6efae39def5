// A small take for the curve editor's tests: four controls over 200 frames from 1001.
import type { LayerState } from '../../../electron/common/edits';
import { channelsFor } from '../../../renderer/src/curves/channels';
import type { TakeData } from '../../../renderer/src/curves/curve-model';

export const FIRST = 1001;
export const N = 200;

export function makeTake(names = ['jawOpen', 'mouthCornerPull_L', 'mouthCornerPull_R', 'browDown_L']): TakeData {
  const channels = channelsFor(names);
  const raw = channels.map((c) => Float32Array.from({ length: N }, (_, i) => 0.4 + 0.3 * Math.sin(i / (9 + c.index)) + (i % 7 === 0 ? 0.05 : 0)));
  return { takeId: 1, shotId: 1, firstFrame: FIRST, length: N, fps: 24, channels, raw, failedFrames: [FIRST + 3] };
}

export const EMPTY: LayerState = { keys: {}, filters: {}, falloff: 8 };
