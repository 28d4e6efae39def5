// What is wrong with a frame, from what probing its files found. Pure.
import type { FrameIssue, FrameStatus } from '../common/api/schemas';

export type Probe = { ok: true; width: number; height: number } | { ok: false; message: string };

export interface FrameFacts {
  frame: number;
  rgbName: string | null;
  normalName: string | null;
  rgb: Probe | null;
  normal: Probe | null;
  /** True when the shot has a normal-map sequence at all. */
  shotHasNormals: boolean;
}

/** Issues knowable from the frame alone (the size check against the shot comes later). */
export function frameIssues(f: FrameFacts): FrameIssue[] {
  const issues: FrameIssue[] = [];
  if (!f.rgbName && !f.normalName) {
    issues.push({ code: 'gap', message: `frame ${f.frame} is missing from the sequence` });
    return issues;
  }
  if (!f.rgbName) issues.push({ code: 'rgbMissing', message: `no RGB plate for frame ${f.frame}` });
  else if (f.rgb && !f.rgb.ok) issues.push({ code: 'rgbUnreadable', message: `${f.rgbName}: ${f.rgb.message}` });
  if (f.shotHasNormals) {
    if (!f.normalName) issues.push({ code: 'normalMissing', message: `no normal map for frame ${f.frame}` });
    else if (f.normal && !f.normal.ok) issues.push({ code: 'normalUnreadable', message: `${f.normalName}: ${f.normal.message}` });
  }
  if (f.rgb?.ok && f.normal?.ok && (f.rgb.width !== f.normal.width || f.rgb.height !== f.normal.height)) {
    issues.push({
      code: 'normalSizeMismatch',
      message: `${f.normalName} is ${f.normal.width}×${f.normal.height}, its plate ${f.rgb.width}×${f.rgb.height}`,
    });
  }
  return issues;
}

/** A frame without a usable plate is 'missing' (the solve fills it); anything else wrong is a 'warning'. */
export function frameStatus(issues: readonly FrameIssue[]): FrameStatus {
  if (issues.some((i) => i.code === 'gap' || i.code === 'rgbMissing' || i.code === 'rgbUnreadable')) return 'missing';
  return issues.length > 0 ? 'warning' : 'ok';
}

export interface Size {
  width: number;
  height: number;
}

/** The shot's plate size: the most common size among readable plates (ties: the first seen). */
export function dominantSize(sizes: readonly (Size | null)[]): Size | null {
  const counts = new Map<string, { size: Size; n: number }>();
  let best: { size: Size; n: number } | null = null;
  for (const s of sizes) {
    if (!s) continue;
    const key = `${s.width}x${s.height}`;
    const entry = counts.get(key) ?? { size: s, n: 0 };
    entry.n++;
    counts.set(key, entry);
    if (!best || entry.n > best.n) best = entry;
  }
  return best?.size ?? null;
}

/** Replaces any earlier size verdict with one against the shot's size. */
export function withSizeCheck(frame: number, issues: readonly FrameIssue[], size: Size | null, shotSize: Size | null): FrameIssue[] {
  const rest = issues.filter((i) => i.code !== 'sizeMismatch');
  if (size && shotSize && (size.width !== shotSize.width || size.height !== shotSize.height)) {
    rest.push({
      code: 'sizeMismatch',
      message: `frame ${frame} is ${size.width}×${size.height}, the shot ${shotSize.width}×${shotSize.height}`,
    });
  }
  return rest;
}
