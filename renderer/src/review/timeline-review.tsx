// The timeline props solving and review add: their layers, Shift+drag to mark a range.
import { useCallback, type ReactNode } from 'react';
import type { Note } from '../../../electron/common/api/schemas';
import { activeTake, useTakes } from '../state/takes-store';
import type { TimelineSpace } from '../timeline';
import { useNotes } from './notes-store';
import { setMarksFromDrag, useReview } from './review-store';
import { TimelineLayers } from './TimelineLayers';

const NONE: readonly number[] = [];
const NO_NOTES: readonly Note[] = [];

export function useTimelineReview(shotId: number): {
  layers: (space: TimelineSpace) => ReactNode;
  onRangeDrag: (from: number, to: number) => void;
  className: string;
} {
  const notes = useNotes((s) => s.notes);
  const mine = useNotes((s) => s.shotId === shotId);
  const marks = useReview((s) => s.marks);
  const failed = useTakes((s) => (s.shotId === shotId ? (activeTake(s.takes)?.failedFrames ?? NONE) : NONE));
  const shown = mine ? notes : NO_NOTES;
  const layers = useCallback(
    (space: TimelineSpace) => <TimelineLayers space={space} notes={shown} marks={marks} failedFrames={failed} />,
    [shown, marks, failed],
  );
  return { layers, onRangeDrag: setMarksFromDrag, className: 'with-lanes' };
}
