// Review mode (plate and head side by side, curves hidden) and the in/out marks a note is made on.
// Its own store so the timeline, the keys and the notes panel share them without prop chains.
import { create } from 'zustand';
import { markIn, markOut, marksFromDrag, NO_MARKS, type Marks } from './note-range';

interface ReviewState {
  on: boolean;
  marks: Marks;
  /** The "add note" box is open (N is typed into it, not a key). */
  composing: boolean;
}

export const useReview = create<ReviewState>()(() => ({ on: false, marks: NO_MARKS, composing: false }));

export function setReviewMode(on: boolean): void {
  useReview.setState({ on });
}

export function toggleReviewMode(): void {
  useReview.setState((s) => ({ on: !s.on }));
}

export function setMarkIn(frame: number): void {
  useReview.setState((s) => ({ marks: markIn(s.marks, frame) }));
}

export function setMarkOut(frame: number): void {
  useReview.setState((s) => ({ marks: markOut(s.marks, frame) }));
}

export function setMarksFromDrag(a: number, b: number): void {
  useReview.setState({ marks: marksFromDrag(a, b) });
}

export function clearMarks(): void {
  useReview.setState({ marks: NO_MARKS });
}

export function setComposing(composing: boolean): void {
  useReview.setState({ composing });
}
