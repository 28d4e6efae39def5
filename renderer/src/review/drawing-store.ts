// The drawing a supervisor is making for the next note: draw mode, the pen (tool, colour), the
// strokes so far on one target (the plate or the head), with undo and redo. It goes with the note
// when the note is added (notes-store), and is cleared then.
import { create } from 'zustand';
import {
  DEFAULT_STROKE_WIDTH,
  DRAWING_COLORS,
  strokeAt,
  type DrawingPoint,
  type DrawingStroke,
  type DrawingTarget,
  type NoteDrawing,
} from '../../../electron/common/review/drawing';

export type DrawingTool = 'pen' | 'arrow' | 'erase';
export type DrawingColor = (typeof DRAWING_COLORS)[number];

interface DraftState {
  /** Draw mode: the panes take the pointer for drawing. */
  on: boolean;
  tool: DrawingTool;
  color: DrawingColor;
  target: DrawingTarget | null;
  strokes: DrawingStroke[];
  past: DrawingStroke[][];
  future: DrawingStroke[][];
}

const empty = (): Pick<DraftState, 'target' | 'strokes' | 'past' | 'future'> => ({ target: null, strokes: [], past: [], future: [] });

export const useDrawing = create<DraftState>()(() => ({ on: false, tool: 'pen', color: DRAWING_COLORS[0], ...empty() }));

export function setDrawMode(on: boolean): void {
  useDrawing.setState({ on });
}

export function setDrawingTool(tool: DrawingTool): void {
  useDrawing.setState({ tool, on: true });
}

export function setDrawingColor(color: DrawingColor): void {
  useDrawing.setState((s) => ({ color, on: true, tool: s.tool === 'erase' ? 'pen' : s.tool }));
}

function commit(target: DrawingTarget | null, strokes: DrawingStroke[]): void {
  useDrawing.setState((s) => ({ strokes, target: strokes.length ? target : null, past: [...s.past, s.strokes].slice(-200), future: [] }));
}

/** Whether a stroke may start on `target`: a note's drawing is on one view. */
export function canDrawOn(target: DrawingTarget): boolean {
  const s = useDrawing.getState();
  return s.target === null || s.target === target;
}

export function addStroke(target: DrawingTarget, kind: 'pen' | 'arrow', points: DrawingPoint[]): void {
  if (!canDrawOn(target) || points.length === 0) return;
  const s = useDrawing.getState();
  commit(target, [...s.strokes, { kind, color: s.color, width: DEFAULT_STROKE_WIDTH, points }]);
}

/** The eraser: removes the stroke under p (radius in the same normalised units); true when one went. */
export function eraseAt(p: DrawingPoint, radius: number): boolean {
  const s = useDrawing.getState();
  const i = strokeAt(s.strokes, p, radius);
  if (i < 0) return false;
  commit(
    s.target,
    s.strokes.filter((_, k) => k !== i),
  );
  return true;
}

export function undoDrawing(): boolean {
  const s = useDrawing.getState();
  const prev = s.past[s.past.length - 1];
  if (!prev) return false;
  useDrawing.setState({ strokes: prev, target: prev.length ? s.target : null, past: s.past.slice(0, -1), future: [s.strokes, ...s.future] });
  return true;
}

export function redoDrawing(): boolean {
  const s = useDrawing.getState();
  const next = s.future[0];
  if (!next) return false;
  useDrawing.setState({ strokes: next, past: [...s.past, s.strokes], future: s.future.slice(1) });
  return true;
}

export function clearDrawing(): void {
  if (useDrawing.getState().strokes.length) commit(null, []);
}

/** The draft as a note's drawing, or null when nothing is drawn. */
export function draftDrawing(): NoteDrawing | null {
  const s = useDrawing.getState();
  return s.target && s.strokes.length ? { target: s.target, strokes: s.strokes } : null;
}

/** After the note is added: the drawing went with it; draw mode stays as it was. */
export function resetDrawing(): void {
  useDrawing.setState({ ...empty() });
}
