// In/out points and the frame range a new note covers: I and O mark, Shift+drag on the
// timeline sets both, and a note with no marks covers the frame under the playhead.

export interface Marks {
  in: number | null;
  out: number | null;
}

export interface FrameRange {
  start: number;
  end: number;
}

export const NO_MARKS: Marks = { in: null, out: null };

/** Sets the in point; an out point before it is dropped (an in after the out starts over). */
export function markIn(m: Marks, frame: number): Marks {
  return { in: frame, out: m.out !== null && m.out < frame ? null : m.out };
}

export function markOut(m: Marks, frame: number): Marks {
  return { in: m.in !== null && m.in > frame ? null : m.in, out: frame };
}

/** A drag from one frame to another, either way round. */
export function marksFromDrag(a: number, b: number): Marks {
  return { in: Math.min(a, b), out: Math.max(a, b) };
}

export function hasMarks(m: Marks): boolean {
  return m.in !== null || m.out !== null;
}

/** The range a note made now would cover: the marks, completed by the playhead, clamped to the shot. */
export function noteRange(m: Marks, playhead: number, first: number, last: number): FrameRange {
  const a = m.in ?? (m.out !== null ? Math.min(playhead, m.out) : playhead);
  const b = m.out ?? (m.in !== null ? Math.max(playhead, m.in) : playhead);
  const clamp = (f: number) => Math.min(last, Math.max(first, f));
  return { start: clamp(Math.min(a, b)), end: clamp(Math.max(a, b)) };
}

/** "120" or "120–148". */
export function formatRange(r: FrameRange): string {
  return r.start === r.end ? String(r.start) : `${r.start}–${r.end}`;
}
