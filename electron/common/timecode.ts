// SMPTE timecode HH:MM:SS:FF (non-drop-frame): parsing what a person or a file name gives, and
// the timecode of a frame counted from a start timecode. The shot browser's start timecode and
// the dailies' burn-ins use these; a drop-frame separator (;) is read but counted as non-drop.

export interface Timecode {
  hours: number;
  minutes: number;
  seconds: number;
  frames: number;
}

const TIMECODE = /^(\d{1,2})[:;.\-_]?(\d{2})[:;.\-_]?(\d{2})[:;.\-_]?(\d{2})$/;

/** "01:02:03:04", "01-02-03-04", "01020304" → a timecode, or null when it is not one. Frames must be below the rate when one is given. */
export function parseTimecode(text: string, fps?: number): Timecode | null {
  const m = TIMECODE.exec(text.trim());
  if (!m) return null;
  const [hours, minutes, seconds, frames] = m.slice(1).map(Number) as [number, number, number, number];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  if (fps !== undefined && frames >= Math.max(1, Math.round(fps))) return null;
  return { hours, minutes, seconds, frames };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatTimecode(t: Timecode): string {
  return `${pad(t.hours)}:${pad(t.minutes)}:${pad(t.seconds)}:${pad(t.frames)}`;
}

/** The timecode as a frame count at the (rounded) rate. */
export function timecodeToFrames(t: Timecode, fps: number): number {
  const rate = Math.max(1, Math.round(fps));
  return ((t.hours * 60 + t.minutes) * 60 + t.seconds) * rate + t.frames;
}

/** A frame count at the (rounded) rate as a timecode, wrapping at 24 hours. */
export function framesToTimecode(count: number, fps: number): Timecode {
  const rate = Math.max(1, Math.round(fps));
  const day = 24 * 3600 * rate;
  let n = Math.round(count) % day;
  if (n < 0) n += day;
  const frames = n % rate;
  const total = Math.floor(n / rate);
  return { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60, frames };
}

/**
 * The timecode shown on `frame` of a shot whose first frame is `firstFrame` and starts at `start`
 * ("HH:MM:SS:FF"; null: the shot has none, so 00:00:00:00 is its first frame).
 */
export function frameTimecode(frame: number, firstFrame: number, fps: number, start: string | null): string {
  const base = start ? parseTimecode(start, fps) : null;
  return formatTimecode(framesToTimecode((base ? timecodeToFrames(base, fps) : 0) + frame - firstFrame, fps));
}
