// Drawn notes over a view (the plate, or the head): the open notes' drawings on the frames they
// cover, for the animator and the supervisor alike, and in draw mode the supervisor's pen: drag to
// draw a stroke or an arrow, click a stroke with the eraser to remove it. Points are kept
// normalised to the plate image (contain-fitted, on each pane in side-by-side) or to the head
// view's centred square, so a drawing stays where it was put whatever the window's size.
import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { drawingRect, drawingsOnFrame, strokeSvg, type DrawingPoint, type DrawingStroke, type DrawingTarget } from '../../../electron/common/review/drawing';
import { usePlayhead } from '../state/playhead';
import { fitContain, plateBoxes, type Size } from '../ui/plate-layout';
import { addStroke, canDrawOn, eraseAt, redoDrawing, undoDrawing, useDrawing } from './drawing-store';
import { useNotes } from './notes-store';
import { useReview } from './review-store';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where the drawing's unit square lies in the layer, one rect per pane: the plate's image rect
 * (margin, contain-fit), or for the head the centred square of that rect, where the head preview
 * frames the face; the dailies use the same rects (common/review/drawing).
 */
function targetRects(target: DrawingTarget, box: Size, plate: Size, panes: 1 | 2): Rect[] {
  return plateBoxes(box, target === 'head' ? 1 : panes).map((b) => {
    const f = fitContain(plate, b);
    const r = { x: b.x + f.x, y: b.y + f.y, width: f.width, height: f.height };
    return drawingRect(target, r, r);
  });
}

function Strokes({ strokes, rects, testId }: { strokes: readonly DrawingStroke[]; rects: readonly Rect[]; testId: string }) {
  return (
    <>
      {rects.map((r, i) =>
        strokes.map((s, k) => (
          <path
            key={`${i}-${k}`}
            data-testid={i === 0 ? testId : undefined}
            d={strokeSvg(s, r).d}
            stroke={s.color}
            strokeWidth={strokeSvg(s, r).width}
            fill="none"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        )),
      )}
    </>
  );
}

/** `plate`: the shot's plate size (its rect frames both the plate and, as in the head preview, the head). */
export function DrawingLayer({ target, plate }: { target: DrawingTarget; plate: Size }) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const [live, setLive] = useState<DrawingPoint[] | null>(null);
  const mode = usePlayhead((s) => s.mode);
  const notes = useNotes((s) => s.notes);
  const reviewOn = useReview((s) => s.on);
  const draft = useDrawing();
  const drawing = reviewOn && draft.on;
  // A primitive key, so playback re-renders only when a drawn note starts or ends.
  const shownKey = usePlayhead((s) =>
    drawingsOnFrame(notes, s.frame, target)
      .map((n) => n.id)
      .join(','),
  );
  const shown = useMemo(() => {
    const ids = new Set(shownKey.split(',').filter(Boolean).map(Number));
    return notes.filter((n) => ids.has(n.id));
  }, [notes, shownKey]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Ctrl/Cmd+Z undoes the last stroke (or erase) while drawing, before the view's own keys see it.
  useEffect(() => {
    if (!drawing || target !== 'plate') return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
      if ((e.target as HTMLElement | null)?.closest('input, textarea')) return;
      if (e.shiftKey ? redoDrawing() : undoDrawing()) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [drawing, target]);

  const plateSize = plate && plate.width > 0 && plate.height > 0 ? plate : { width: 1, height: 1 };
  const rects = targetRects(target, size, plateSize, target === 'plate' && mode === 'side' ? 2 : 1);
  const editable = drawing && canDrawOn(target);

  const toUnit = (e: ReactPointerEvent): DrawingPoint | null => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return null;
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const r = rects.find((q) => x >= q.x && x <= q.x + q.width && y >= q.y && y <= q.y + q.height) ?? rects[0];
    if (!r || r.width <= 0 || r.height <= 0) return null;
    const round = (v: number) => Math.round(v * 10000) / 10000;
    return [round((x - r.x) / r.width), round((y - r.y) / r.height)];
  };

  return (
    <div
      ref={ref}
      className={`drawing-layer${editable ? ' drawing' : ''}${drawing && !editable ? ' other' : ''}`}
      data-testid={`drawing-layer-${target}`}
      data-drawn={shown.length}
      title={drawing && !editable ? 'This note is drawn on the other view: add it, or clear the drawing, to draw here' : undefined}
      onPointerDown={(e) => {
        if (!editable || e.button !== 0) return;
        const p = toUnit(e);
        if (!p) return;
        e.preventDefault();
        e.stopPropagation();
        if (draft.tool === 'erase') {
          eraseAt(p, 0.025);
          return;
        }
        e.currentTarget.setPointerCapture(e.pointerId);
        setLive([p]);
      }}
      onPointerMove={(e) => {
        if (!live) return;
        const p = toUnit(e);
        if (!p) return;
        if (draft.tool === 'arrow') setLive([live[0]!, p]);
        else {
          const last = live[live.length - 1]!;
          if (Math.hypot(p[0] - last[0], p[1] - last[1]) > 0.002) setLive([...live, p]);
        }
      }}
      onPointerUp={() => {
        if (!live) return;
        if (draft.tool === 'pen' || draft.tool === 'arrow') addStroke(target, draft.tool, live);
        setLive(null);
      }}
      onPointerCancel={() => setLive(null)}
    >
      <svg width={size.width} height={size.height} aria-hidden="true">
        {shown.map((n) => (
          <g key={n.id} data-testid="note-drawing-shown" data-note-id={n.id}>
            <Strokes strokes={n.drawing!.strokes} rects={rects} testId="shown-stroke" />
          </g>
        ))}
        {drawing && draft.target === target ? <Strokes strokes={draft.strokes} rects={rects} testId="draft-stroke" /> : null}
        {live && draft.tool !== 'erase' ? (
          <Strokes strokes={[{ kind: draft.tool, color: draft.color, width: 0.006, points: live }]} rects={rects} testId="live-stroke" />
        ) : null}
      </svg>
    </div>
  );
}
