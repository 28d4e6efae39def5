// The shot-view keys of solving and review (see keyboard/keymap.ts): crop overlay, review mode,
// in/out marks, note navigation and the note box. Returns false for actions it does not own.
import type { ShotAction } from '../keyboard';
import { toggleCropOverlay } from '../state/crop-store';
import { usePlayhead } from '../state/playhead';
import { hasMarks } from './note-range';
import { adjacentNote } from './note-nav';
import { jumpToNote } from './NotesPanel';
import { useNotes } from './notes-store';
import { clearMarks, setComposing, setMarkIn, setMarkOut, setReviewMode, toggleReviewMode, useReview } from './review-store';

export function runFeatureKey(a: ShotAction): boolean {
  const frame = usePlayhead.getState().frame;
  switch (a.type) {
    case 'cropOverlay':
      toggleCropOverlay();
      return true;
    case 'reviewMode':
      toggleReviewMode();
      return true;
    case 'markIn':
      setMarkIn(frame);
      return true;
    case 'markOut':
      setMarkOut(frame);
      return true;
    case 'jumpNote': {
      const n = adjacentNote(useNotes.getState().notes, frame, a.dir);
      if (n) jumpToNote(n);
      return true;
    }
    case 'addNote':
      // Use the note box on screen (Notes tab or review column); else open review mode, which has one.
      if (!document.querySelector('[data-testid=note-text]')) setReviewMode(true);
      setComposing(false);
      queueMicrotask(() => setComposing(true));
      return true;
    case 'back':
      // Esc clears the marks first; a second Esc leaves the shot.
      if (!hasMarks(useReview.getState().marks)) return false;
      clearMarks();
      return true;
    default:
      return false;
  }
}
