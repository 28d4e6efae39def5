// The open shot's review notes, kept current through notes.changed (a reviewer in a browser adds
// one; the animator's timeline shows it at once).
import { create } from 'zustand';
import type { Note } from '../../../electron/common/api/schemas';
import type { NoteDrawing } from '../../../electron/common/review/drawing';
import { api } from '../api/current';
import { toApiCallError } from '../api/errors';
import { reportError } from '../state/toasts';
import type { FrameRange } from './note-range';

interface NotesState {
  shotId: number | null;
  notes: Note[];
  loaded: boolean;
  error: string | null;
}

export const useNotes = create<NotesState>()(() => ({ shotId: null, notes: [], loaded: false, error: null }));

let seq = 0;

export async function loadNotes(shotId: number): Promise<void> {
  const mine = ++seq;
  try {
    const notes = await api().call('notes.list', { shotId });
    if (mine === seq) useNotes.setState({ shotId, notes, loaded: true, error: null });
  } catch (err) {
    if (mine === seq) useNotes.setState({ shotId, loaded: true, error: toApiCallError(err).message });
  }
}

export function watchNotes(shotId: number): () => void {
  useNotes.setState({ shotId, notes: [], loaded: false, error: null });
  void loadNotes(shotId);
  const a = api();
  // Back in the window: another process (a review host on the same project) may have added notes.
  const onFocus = () => void loadNotes(shotId);
  window.addEventListener('focus', onFocus);
  const offs = [
    a.on('notes.changed', (p) => p.shotId === shotId && void loadNotes(shotId)),
    a.onConnection((c) => c.state === 'open' && void loadNotes(shotId)),
    () => window.removeEventListener('focus', onFocus),
  ];
  return () => {
    offs.forEach((off) => off());
    seq++;
    useNotes.setState({ shotId: null, notes: [], loaded: false, error: null });
  };
}

export async function addNote(shotId: number, range: FrameRange, text: string, author: string, drawing: NoteDrawing | null = null): Promise<boolean> {
  try {
    const notes = await api().call('notes.add', { shotId, frameStart: range.start, frameEnd: range.end, text, author, drawing });
    seq++; // an older list in flight must not overwrite this one
    useNotes.setState({ shotId, notes, loaded: true, error: null });
    return true;
  } catch (err) {
    reportError(err, 'Note');
    return false;
  }
}

export async function resolveNote(noteId: number, resolved: boolean, by: string): Promise<void> {
  try {
    const notes = await api().call('notes.resolve', { noteId, resolved, by });
    seq++;
    useNotes.setState({ notes });
  } catch (err) {
    reportError(err, 'Note');
  }
}
