// Review notes on frame ranges: a box to add one on the marked range (I / O, or Shift+drag on
// the timeline; the playhead's frame when nothing is marked), and the list, open first. A note's
// range jumps the playhead there; resolving keeps it, greyed, with who resolved it.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Note } from '../../../electron/common/api/schemas';
import { seek, usePlayhead } from '../state/playhead';
import { FeatureIcon } from '../ui/icons';
import { formatRange, hasMarks, noteRange } from './note-range';
import { sortNotes } from './note-nav';
import { addNote, resolveNote, useNotes } from './notes-store';
import { clearMarks, setComposing, setMarksFromDrag, useReview } from './review-store';
import { formatAge } from './status-filter';
import { ensureUserName } from './user-store';
import { draftDrawing, resetDrawing, useDrawing } from './drawing-store';
import { DrawingTools } from './DrawingTools';

export function jumpToNote(n: Pick<Note, 'frameStart' | 'frameEnd'>): void {
  seek(n.frameStart);
  setMarksFromDrag(n.frameStart, n.frameEnd);
}

function NoteComposer({ shotId }: { shotId: number }) {
  const marks = useReview((s) => s.marks);
  const composing = useReview((s) => s.composing);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const reviewOn = useReview((s) => s.on);
  const drawn = useDrawing((s) => s.strokes.length);
  const rangeKey = usePlayhead((s) => {
    const r = noteRange(marks, s.frame, s.first, s.last);
    return `${r.start}:${r.end}`;
  });
  const [start = 0, end = 0] = rangeKey.split(':').map(Number);
  const range = { start, end };

  // M (or the timeline) asks for the box: focus it.
  useEffect(() => {
    if (composing) box.current?.focus();
  }, [composing]);

  const submit = async () => {
    if (!text.trim() || busy) return;
    const author = await ensureUserName();
    if (!author) return;
    setBusy(true);
    const ok = await addNote(shotId, range, text.trim(), author, reviewOn ? draftDrawing() : null);
    setBusy(false);
    if (!ok) return;
    if (reviewOn) resetDrawing();
    setText('');
    clearMarks();
    box.current?.blur();
  };

  return (
    <div className="note-composer" data-testid="note-composer">
      {reviewOn ? <DrawingTools /> : null}
      <div className="note-composer-range">
        <span className="range-chip num" data-testid="note-range">
          {range.start === range.end ? `Frame ${range.start}` : `Frames ${formatRange(range)}`}
        </span>
        <span className="faint">{hasMarks(marks) ? 'marked' : 'I / O to mark a range'}</span>
        {hasMarks(marks) ? (
          <button className="btn ghost small" title="Clear the marks" onMouseDown={(e) => e.preventDefault()} onClick={clearMarks}>
            Clear
          </button>
        ) : null}
      </div>
      <textarea
        ref={box}
        className="input textarea"
        data-testid="note-text"
        rows={2}
        maxLength={4000}
        placeholder={drawn ? 'Say what the drawing shows… (M)' : 'Add a note… (M)'}
        value={text}
        disabled={busy}
        onFocus={() => setComposing(true)}
        onBlur={() => setComposing(false)}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
      />
      <div className="note-composer-foot">
        <span className="faint">Enter adds · Shift+Enter: new line</span>
        <button
          className="btn primary small"
          data-testid="note-add"
          disabled={!text.trim() || busy}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => void submit()}
        >
          <FeatureIcon name="note" /> Add note
        </button>
      </div>
    </div>
  );
}

function NoteItem({ note, current }: { note: Note; current: boolean }) {
  const toggle = async () => {
    const by = await ensureUserName();
    if (by) await resolveNote(note.id, !note.resolved, by);
  };
  return (
    <li
      className={`note-item${note.resolved ? ' resolved' : ''}${current ? ' current' : ''}`}
      data-testid="note-item"
      data-note-id={note.id}
      data-resolved={note.resolved}
    >
      <div className="note-head">
        <button className="range-chip num" title="Go to this range" onMouseDown={(e) => e.preventDefault()} onClick={() => jumpToNote(note)}>
          {formatRange({ start: note.frameStart, end: note.frameEnd })}
        </button>
        <span className="note-author">{note.author}</span>
        <span className="faint note-age" title={note.createdAt}>
          {formatAge(note.createdAt, Date.now())}
        </span>
        <button
          className={`btn ghost icon note-resolve${note.resolved ? ' on' : ''}`}
          data-testid="note-resolve"
          title={note.resolved ? 'Reopen' : 'Resolve'}
          aria-label={note.resolved ? 'Reopen note' : 'Resolve note'}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => void toggle()}
        >
          <FeatureIcon name={note.resolved ? 'resolved' : 'reopen'} />
        </button>
      </div>
      <div className="note-text">{note.text}</div>
      {note.drawing ? (
        <div className="faint note-drawn" data-testid="note-drawing" title="Shown over the view on the note's frames until it is resolved">
          <FeatureIcon name="pen" /> drawn on the {note.drawing.target} ({note.drawing.strokes.length} stroke{note.drawing.strokes.length === 1 ? '' : 's'})
        </div>
      ) : null}
      {note.resolved && note.resolvedBy ? <div className="faint note-resolved-by">Resolved by {note.resolvedBy}</div> : null}
    </li>
  );
}

export function NotesPanel({ shotId }: { shotId: number }) {
  const notes = useNotes((s) => (s.shotId === shotId ? s.notes : null));
  const error = useNotes((s) => s.error);
  const [showResolved, setShowResolved] = useState(true);
  const sorted = useMemo(() => sortNotes(notes ?? []), [notes]);
  // A primitive key, so playback re-renders the list only when the playhead enters or leaves a note.
  const currentKey = usePlayhead((s) =>
    sorted
      .filter((n) => n.frameStart <= s.frame && s.frame <= n.frameEnd)
      .map((n) => n.id)
      .join(','),
  );
  const current = new Set(currentKey.split(',').filter(Boolean).map(Number));
  const open = sorted.filter((n) => !n.resolved).length;
  const shown = showResolved ? sorted : sorted.filter((n) => !n.resolved);

  return (
    <div className="notes-panel" data-testid="notes-panel">
      <NoteComposer shotId={shotId} />
      <div className="notes-head">
        <span className="section-title">
          {open} open{sorted.length > open ? ` · ${sorted.length - open} resolved` : ''}
        </span>
        <label className="check faint">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> show resolved
        </label>
      </div>
      {error ? <div className="field-error">{error}</div> : null}
      {notes && sorted.length === 0 ? <p className="dim panel-empty">No notes on this shot. N / Shift+N jump between notes once there are some.</p> : null}
      <ul className="note-list">
        {shown.map((n) => (
          <NoteItem key={n.id} note={n} current={current.has(n.id)} />
        ))}
      </ul>
    </div>
  );
}
