// What review and solving add to the timeline: note bars (open amber, resolved grey; hover for the
// text), the in/out marks a new note will cover, and the active take's failed frames.
import { useMemo } from 'react';
import type { Note } from '../../../electron/common/api/schemas';
import type { TimelineSpace } from '../timeline';
import { failedSpans, packRows, rangeSpan } from './lane-math';
import type { Marks } from './note-range';
import { formatRange } from './note-range';

interface Props {
  space: TimelineSpace;
  notes: readonly Note[];
  marks: Marks;
  failedFrames: readonly number[];
}

export function TimelineLayers({ space, notes, marks, failedFrames }: Props) {
  const rows = useMemo(() => packRows(notes), [notes]);
  const failed = useMemo(() => failedSpans(space, failedFrames), [space, failedFrames]);
  const marked = marks.in !== null || marks.out !== null ? rangeSpan(space, marks.in ?? marks.out ?? space.first, marks.out ?? marks.in ?? space.last) : null;

  return (
    <div className="tl-layers" aria-hidden="true">
      {marked ? (
        <div className="tl-marks" data-testid="timeline-marks" style={{ left: marked.left, width: marked.width }}>
          {marks.in !== null ? <span className="tl-mark-in" /> : null}
          {marks.out !== null ? <span className="tl-mark-out" /> : null}
        </div>
      ) : null}
      {rows.map(({ note, row }) => {
        const sp = rangeSpan(space, note.frameStart, note.frameEnd, 4);
        return (
          <div
            key={note.id}
            className={`tl-note row${row}${note.resolved ? ' resolved' : ''}`}
            data-testid="timeline-note"
            data-note-id={note.id}
            data-resolved={note.resolved}
            style={{ left: sp.left, width: sp.width }}
            title={`${formatRange({ start: note.frameStart, end: note.frameEnd })} · ${note.author}${note.resolved ? ' (resolved)' : ''}\n${note.text}`}
          />
        );
      })}
      {failed.map((sp, i) => (
        <div
          key={i}
          className="tl-failed"
          data-testid="timeline-failed"
          style={{ left: sp.left, width: sp.width }}
          title="The solver could not read this frame"
        />
      ))}
    </div>
  );
}
