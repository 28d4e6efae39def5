// What every exporter writes: a shot's final curves over a frame range, one per control.
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
