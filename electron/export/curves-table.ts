// What every exporter writes: a shot's final curves over a frame range, one per control.
import { HEAD_CHANNELS, isHeadChannel, type HeadChannel } from '../common/head';
export interface CurvesTable {
  shotName: string;
  fps: number;
  /** Frame number of values[c][0]. */
  firstFrame: number;
  /** values[c][0]'s timecode as a frame count from 00:00:00:00 (formats with timecode); firstFrame when absent. */
  firstTimecode?: number;
  controls: readonly string[];
  /** values[c][i]: control c at frame firstFrame + i. */
  values: readonly Float32Array[];
}

export function frameCount(t: CurvesTable): number {
  return t.values[0]?.length ?? 0;
}

/** Numbers as animators read them: 6 decimals, no trailing zeros, no "-0". */
export function formatValue(v: number): string {
  const s = v.toFixed(6).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** The head channels of a table (common/head.ts order), each over the table's frames. */
export type HeadTrack = Readonly<Record<HeadChannel, Float32Array>>;

/**
 * A table's rig controls apart from its head channels: the formats that write them differently
 * (a blendShape node and a head transform, morph weights and a head node) read both from here.
 * head is null when the table has none (a take without head motion, or exported without it); a
 * head channel the table lacks reads 0.
 */
export function splitHead(t: CurvesTable): { face: CurvesTable; head: HeadTrack | null } {
  const faceIdx = t.controls.map((c, i) => [c, i] as const).filter(([c]) => !isHeadChannel(c));
  const face: CurvesTable = { ...t, controls: faceIdx.map(([c]) => c), values: faceIdx.map(([, i]) => t.values[i]!) };
  if (faceIdx.length === t.controls.length) return { face, head: null };
  const n = frameCount(t);
  const head = Object.fromEntries(
    HEAD_CHANNELS.map((h) => {
      const i = t.controls.indexOf(h);
      return [h, i >= 0 ? t.values[i]! : new Float32Array(n)];
    }),
  ) as Record<HeadChannel, Float32Array>;
  return { face, head };
}
