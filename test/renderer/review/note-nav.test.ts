import { describe, expect, it } from 'vitest';
import { adjacentNote, notesAt, sortNotes } from '../../../renderer/src/review/note-nav';

const note = (id: number, frameStart: number, frameEnd: number, resolved = false) => ({ id, frameStart, frameEnd, resolved });
const notes = [note(1, 50, 60), note(2, 10, 20), note(3, 30, 30, true), note(4, 80, 95)];

describe('next / previous note', () => {
  it('goes forward and back through open notes, wrapping round', () => {
    expect(adjacentNote(notes, 0, 1)?.id).toBe(2);
    expect(adjacentNote(notes, 10, 1)?.id).toBe(1); // skips the resolved one at 30
    expect(adjacentNote(notes, 80, 1)?.id).toBe(2); // wraps
    expect(adjacentNote(notes, 50, -1)?.id).toBe(2);
    expect(adjacentNote(notes, 10, -1)?.id).toBe(4); // wraps
  });

  it('uses resolved notes when none is open, and null when there are none', () => {
    const done = notes.map((n) => ({ ...n, resolved: true }));
    expect(adjacentNote(done, 20, 1)?.id).toBe(3);
    expect(adjacentNote([], 20, 1)).toBeNull();
  });

  it('finds notes under a frame and orders the panel', () => {
    expect(notesAt(notes, 55).map((n) => n.id)).toEqual([1]);
    expect(sortNotes(notes).map((n) => n.id)).toEqual([2, 1, 4, 3]);
  });
});
