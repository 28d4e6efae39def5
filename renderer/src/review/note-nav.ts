// Jumping between notes with N / Shift+N: by the note's first frame, wrapping round the shot,
// open notes only while any are open (resolved ones are done with), all of them otherwise.
import type { Note } from '../../../electron/common/api/schemas';

type NoteLike = Pick<Note, 'id' | 'frameStart' | 'frameEnd' | 'resolved'>;

function candidates<N extends NoteLike>(notes: readonly N[]): N[] {
  const open = notes.filter((n) => !n.resolved);
  return [...(open.length > 0 ? open : notes)].sort((a, b) => a.frameStart - b.frameStart || a.id - b.id);
}

/** The note to jump to from `frame` going forward (dir 1) or back (dir -1); null when there are none. */
export function adjacentNote<N extends NoteLike>(notes: readonly N[], frame: number, dir: 1 | -1): N | null {
  const list = candidates(notes);
  if (list.length === 0) return null;
  if (dir === 1) return list.find((n) => n.frameStart > frame) ?? list[0]!;
  return [...list].reverse().find((n) => n.frameStart < frame) ?? list[list.length - 1]!;
}

/** Notes covering `frame` (what the notes panel highlights while playing). */
export function notesAt<N extends NoteLike>(notes: readonly N[], frame: number): N[] {
  return notes.filter((n) => n.frameStart <= frame && frame <= n.frameEnd);
}

/** Open first, then by first frame: the notes panel's order. */
export function sortNotes<N extends NoteLike>(notes: readonly N[]): N[] {
  return [...notes].sort((a, b) => Number(a.resolved) - Number(b.resolved) || a.frameStart - b.frameStart || a.id - b.id);
}
