// Drawn notes: the strokes and arrows a supervisor draws on the plate or the head with a note.
// Points are normalised to what was drawn on (0..1 across the plate image, or the head's square
// viewport), so a drawing stays on the face whatever the window's size; the note's frame range
// says when it shows, and resolving the note hides it. The API validates with these schemas, the
// database stores the JSON, the review layer draws it and the dailies burn it in.
import { z } from 'zod';

export const DRAWING_TARGETS = ['plate', 'head'] as const;
export type DrawingTarget = (typeof DRAWING_TARGETS)[number];

/** The pens a supervisor picks from: high-contrast on skin and on the dark viewer. */
export const DRAWING_COLORS = ['#ff3b30', '#ffcc00', '#34c759', '#0aa8ff', '#ffffff'] as const;

export const MAX_STROKES = 200;
export const MAX_POINTS = 2000;

const Unit = z.number().min(-0.5).max(1.5);
export const DrawingPoint = z.tuple([Unit, Unit]);
export type DrawingPoint = z.infer<typeof DrawingPoint>;

export const DrawingStroke = z
  .object({
    /** 'pen': a free line through the points; 'arrow': from the first point to the last, with a head there. */
    kind: z.enum(['pen', 'arrow']),
    color: z.enum(DRAWING_COLORS),
    /** Line width as a fraction of the drawn-on area's height. */
    width: z.number().min(0.001).max(0.05),
    points: z.array(DrawingPoint).min(1).max(MAX_POINTS),
  })
  .strict();
export type DrawingStroke = z.infer<typeof DrawingStroke>;

export const NoteDrawing = z
  .object({
    target: z.enum(DRAWING_TARGETS),
    strokes: z.array(DrawingStroke).min(1).max(MAX_STROKES),
  })
  .strict();
export type NoteDrawing = z.infer<typeof NoteDrawing>;

export const DEFAULT_STROKE_WIDTH = 0.006;

/** A stored drawing read back; anything that is not one (a damaged row) reads as none rather than failing the notes list. */
export function parseDrawing(json: string | null): NoteDrawing | null {
  if (json === null) return null;
  try {
    const r = NoteDrawing.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** The drawings to show on `frame`: those of the open notes whose range holds it. */
export function drawingsOnFrame<N extends { frameStart: number; frameEnd: number; resolved: boolean; drawing: NoteDrawing | null }>(
  notes: readonly N[],
  frame: number,
  target?: DrawingTarget,
): (N & { drawing: NoteDrawing })[] {
  return notes.filter(
    (n): n is N & { drawing: NoteDrawing } =>
      n.drawing !== null && !n.resolved && n.frameStart <= frame && frame <= n.frameEnd && (target === undefined || n.drawing.target === target),
  );
}

/** The two barbs of an arrow's head at `tip`, coming from `from`, `size` long (same units as the points). */
export function arrowHead(from: DrawingPoint, tip: DrawingPoint, size: number): [DrawingPoint, DrawingPoint] {
  const a = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const spread = Math.PI / 7;
  return [
    [tip[0] - size * Math.cos(a - spread), tip[1] - size * Math.sin(a - spread)],
    [tip[0] - size * Math.cos(a + spread), tip[1] - size * Math.sin(a + spread)],
  ];
}

/** Squared distance from p to the segment ab: the eraser's hit test. */
export function segmentDistance2(p: DrawingPoint, a: DrawingPoint, b: DrawingPoint): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** The index of the topmost stroke within `radius` of p, or -1 (what the eraser removes). */
export function strokeAt(strokes: readonly DrawingStroke[], p: DrawingPoint, radius: number): number {
  for (let i = strokes.length - 1; i >= 0; i--) {
    const s = strokes[i]!;
    const pts = s.kind === 'arrow' ? [s.points[0]!, s.points[s.points.length - 1]!] : s.points;
    const r = radius + s.width / 2;
    if (pts.length === 1 && segmentDistance2(p, pts[0]!, pts[0]!) <= r * r) return i;
    for (let k = 1; k < pts.length; k++) if (segmentDistance2(p, pts[k - 1]!, pts[k]!) <= r * r) return i;
  }
  return -1;
}

export interface DrawingRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a drawing's unit square lies for its target: the plate's image rect, or the centred square of the head's view. */
export function drawingRect(target: DrawingTarget, plateRect: DrawingRect, headView: DrawingRect): DrawingRect {
  if (target === 'plate') return plateRect;
  const side = Math.min(headView.width, headView.height);
  return { x: headView.x + (headView.width - side) / 2, y: headView.y + (headView.height - side) / 2, width: side, height: side };
}

/** A stroke as SVG path data in `r` (pixels), and its line width there: the shot view and the dailies draw with these. */
export function strokeSvg(s: DrawingStroke, r: DrawingRect): { d: string; width: number } {
  const at = (p: DrawingPoint) => `${(r.x + p[0] * r.width).toFixed(1)} ${(r.y + p[1] * r.height).toFixed(1)}`;
  const width = Math.max(1.5, s.width * r.height);
  if (s.kind === 'arrow') {
    const from = s.points[0]!;
    const tip = s.points[s.points.length - 1]!;
    // the head in the rect's own proportions, so it is not squashed on a wide plate
    const aspect = r.width / Math.max(1, r.height);
    const [a, b] = arrowHead([from[0] * aspect, from[1]], [tip[0] * aspect, tip[1]], 0.04);
    return { d: `M${at(from)}L${at(tip)}M${at([a[0] / aspect, a[1]])}L${at(tip)}L${at([b[0] / aspect, b[1]])}`, width };
  }
  return { d: s.points.length === 1 ? `M${at(s.points[0]!)}l0.01 0` : `M${s.points.map(at).join('L')}`, width };
}
