// What solving and review need while a shot is open: its takes and notes kept current, the
// marks cleared for the new shot, and review mode on for a read-only review host (a supervisor
// opening a shot there wants the review layout, not the animator's).
import { useEffect } from 'react';
import { watchTakes } from '../state/takes-store';
import { useApp } from '../state/app-store';
import { watchNotes } from './notes-store';
import { clearMarks, setReviewMode } from './review-store';

export function useShotFeatures(shotId: number): void {
  const readOnly = useApp((s) => s.project?.readOnly ?? false);
  useEffect(() => {
    clearMarks();
    const offTakes = watchTakes(shotId);
    const offNotes = watchNotes(shotId);
    return () => {
      offTakes();
      offNotes();
    };
  }, [shotId]);
  useEffect(() => {
    if (readOnly) setReviewMode(true);
  }, [readOnly]);
}
