import { describe, expect, it } from 'vitest';
import { formatRange, markIn, markOut, marksFromDrag, NO_MARKS, noteRange } from '../../../renderer/src/review/note-range';

describe('note range selection', () => {
  it('marks in and out, dropping a contradicting point', () => {
    let m = markIn(NO_MARKS, 20);
    m = markOut(m, 40);
    expect(m).toEqual({ in: 20, out: 40 });
    expect(markIn(m, 50)).toEqual({ in: 50, out: null });
    expect(markOut(m, 10)).toEqual({ in: null, out: 10 });
    expect(markIn(m, 30)).toEqual({ in: 30, out: 40 });
  });

  it('takes a drag either way round', () => {
    expect(marksFromDrag(40, 12)).toEqual({ in: 12, out: 40 });
  });

  it('completes the range with the playhead and clamps to the shot', () => {
    expect(noteRange(NO_MARKS, 33, 1, 100)).toEqual({ start: 33, end: 33 });
    expect(noteRange({ in: 20, out: null }, 33, 1, 100)).toEqual({ start: 20, end: 33 });
    expect(noteRange({ in: 20, out: null }, 10, 1, 100)).toEqual({ start: 20, end: 20 });
    expect(noteRange({ in: null, out: 60 }, 33, 1, 100)).toEqual({ start: 33, end: 60 });
    expect(noteRange({ in: -5, out: 500 }, 33, 1, 100)).toEqual({ start: 1, end: 100 });
  });

  it('formats a range', () => {
    expect(formatRange({ start: 5, end: 5 })).toBe('5');
    expect(formatRange({ start: 5, end: 9 })).toBe('5–9');
  });
});
