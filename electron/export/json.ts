// JSON: shot metadata, fps, controls and per-control value arrays (dense, one value per frame);
// the head channels (common/head.ts, truth.csv's names) listed apart with their units, their
// values beside the controls'.
import { channelUnit, type HeadUnit } from '../common/head';
import { frameCount, splitHead, type CurvesTable } from './curves-table';

export interface JsonExport {
  format: 'rigsolve-curves/1';
  shot: string;
  fps: number;
  firstFrame: number;
  frameCount: number;
  controls: string[];
  /** The head channels written (headYaw… headTz), absent without head motion. */
  head?: string[];
  /** Units of the channels that have one (the head's degrees and mm; controls run 0…1). */
  units?: Record<string, HeadUnit>;
  values: Record<string, number[]>;
  meta: Record<string, unknown>;
}

export function toJson(t: CurvesTable, meta: Record<string, unknown> = {}): string {
  const doc: JsonExport = {
    format: 'rigsolve-curves/1',
    shot: t.shotName,
    fps: t.fps,
    firstFrame: t.firstFrame,
    frameCount: frameCount(t),
    controls: [...splitHead(t).face.controls],
    ...headFields(t),
    values: Object.fromEntries(t.controls.map((c, i) => [c, Array.from(t.values[i]!, (v) => Math.round(v * 1e6) / 1e6)])),
    meta,
  };
  return `${JSON.stringify(doc)}\n`;
}

function headFields(t: CurvesTable): Pick<JsonExport, 'head' | 'units'> {
  const head = t.controls.filter((c) => channelUnit(c) !== null);
  if (head.length === 0) return {};
  return { head, units: Object.fromEntries(head.map((h) => [h, channelUnit(h)!])) };
}
