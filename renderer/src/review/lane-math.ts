// Where review lanes go on the timeline: note bars and failed-frame ticks as pixel spans in the
// timeline's space. Failed frames are merged into runs, then into pixel columns, so a long shot
// with many failures draws a bounded number of elements.
import { cellWidth, frameRuns, frameToPx, type TimelineSpace } from '../timeline';

export interface Span {
  left: number;
  width: number;
}

/** A frame range's span in px, covering whole frame cells, at least `minPx` wide. */
export function rangeSpan(s: TimelineSpace, start: number, end: number, minPx = 3): Span {
  const a = Math.max(s.first, Math.min(start, end));
  const b = Math.min(s.last, Math.max(start, end));
  const half = cellWidth(s) / 2;
  const left = frameToPx(s, a) - half;
  const width = Math.max(minPx, frameToPx(s, b) + half - left);
  return { left, width };
}

/** Failed frames as spans, neighbours closer than a pixel merged. */
export function failedSpans(s: TimelineSpace, frames: readonly number[], minPx = 2): Span[] {
  const spans: Span[] = [];
  for (const [a, b] of frameRuns(frames.filter((f) => f >= s.first && f <= s.last))) {
    const sp = rangeSpan(s, a, b, minPx);
    const prev = spans[spans.length - 1];
    if (prev && sp.left <= prev.left + prev.width + 1) prev.width = Math.max(prev.width, sp.left + sp.width - prev.left);
    else spans.push(sp);
  }
  return spans;
}

/** Rows for note bars: greedy packing so overlapping notes sit on separate rows (at most maxRows). */
export function packRows<N extends { frameStart: number; frameEnd: number }>(notes: readonly N[], maxRows = 2): { note: N; row: number }[] {
  const ends: number[] = [];
  return [...notes]
    .sort((a, b) => a.frameStart - b.frameStart || a.frameEnd - b.frameEnd)
    .map((note) => {
      let row = ends.findIndex((e) => e < note.frameStart);
      if (row < 0) row = ends.length < maxRows ? ends.length : maxRows - 1;
      ends[row] = Math.max(ends[row] ?? -Infinity, note.frameEnd);
      return { note, row };
    });
}
