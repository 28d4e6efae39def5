// Whether a plate exists for a frame, from the shot's frame table, so the plate viewer shows
// "missing frame N" at once (with the import's reason) instead of asking the host for
// something it does not have or cannot read.
import type { FrameInfo, FrameIssueCode } from '../../../electron/common/api/schemas';

export type Availability = { state: 'present' } | { state: 'none' } | { state: 'missing'; reason: string };

const RGB_CODES: readonly FrameIssueCode[] = ['gap', 'rgbMissing', 'rgbUnreadable'];
const NORMAL_CODES: readonly FrameIssueCode[] = ['gap', 'normalMissing', 'normalUnreadable'];

export function makeAvailability(hasNormal: boolean, frames: readonly FrameInfo[]): (kind: 'rgb' | 'normal', frame: number) => Availability {
  const byFrame = new Map(frames.map((f) => [f.frame, f]));
  return (kind, frame) => {
    if (kind === 'normal' && !hasNormal) return { state: 'none' };
    const f = byFrame.get(frame);
    if (!f) return { state: 'missing', reason: 'Not in the imported sequence' };
    const codes = kind === 'rgb' ? RGB_CODES : NORMAL_CODES;
    const issue = f.issues.find((i) => codes.includes(i.code));
    const usable = kind === 'rgb' ? f.hasRgb && f.status !== 'missing' : f.hasNormal && !issue;
    if (usable) return { state: 'present' };
    return { state: 'missing', reason: issue?.message ?? (kind === 'rgb' ? 'No RGB plate for this frame' : 'No normal map for this frame') };
  };
}

/** Timeline markers: every frame that is not clean. */
export function frameMarkers(frames: readonly FrameInfo[]): { frame: number; status: 'warning' | 'missing' }[] {
  const out: { frame: number; status: 'warning' | 'missing' }[] = [];
  for (const f of frames) if (f.status !== 'ok') out.push({ frame: f.frame, status: f.status });
  return out;
}
