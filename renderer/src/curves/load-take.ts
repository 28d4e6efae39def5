// Loads what the curve editor needs for a shot: its active take's curves (one binary fetch,
// decoded into Float32Array views) and its correction layer with history labels.
import type { ChannelResult } from '../../../electron/common/api/contract';
import { decodeTakeCurves, takeCurvesPath } from '../../../electron/common/curves/take-blob';
import { api } from '../api/current';
import { channelsFor } from './channels';
import type { TakeData } from './curve-model';

export type LayerWithHistory = ChannelResult<'layer.get'>;

export type TakeLoad =
  | { kind: 'unsolved' }
  | { kind: 'solving'; done: number; total: number }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; take: TakeData; layer: LayerWithHistory };

export async function loadTake(shotId: number, fps: number): Promise<TakeLoad> {
  const takes = await api().call('takes.list', { shotId });
  const active = takes.find((t) => t.active && t.state === 'complete');
  if (!active) {
    const running = takes.find((t) => t.state === 'running');
    if (running) return { kind: 'solving', done: running.framesDone, total: 0 };
    const failed = takes.at(-1);
    if (failed?.state === 'failed') return { kind: 'failed', message: failed.notice ?? 'the last solve failed' };
    return { kind: 'unsolved' };
  }
  const [bytes, layer] = await Promise.all([fetchBytes(api().dataUrl(takeCurvesPath(active.id))), api().call('layer.get', { shotId })]);
  const { header, curves } = decodeTakeCurves(bytes);
  const channels = channelsFor(header.controls);
  const raw = channels.map((c) => curves.get(c.name) ?? new Float32Array(header.length));
  return {
    kind: 'ready',
    take: { takeId: header.takeId, shotId, firstFrame: header.firstFrame, length: header.length, fps, channels, raw, failedFrames: header.failedFrames },
    layer,
  };
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`could not load the take's curves (${res.status} ${await res.text().catch(() => '')})`.trim());
  return res.arrayBuffer();
}
