// The graph's named coordinate spaces, as Theatre.js names its timeline's:
//   unit    — data: shot frames (x) and control values (y, up)
//   scaled  — CSS px of the whole shot at the current zoom: x = frame·pxPerFrame, y = −value·pxPerValue
//   clipped — CSS px inside the plot: scaled minus the scroll (what is on screen)
// Zoom changes unit→scaled, pan changes scaled→clipped; keeping the two apart lets the curve
// decimation be cached in scaled space and reused while panning.
import { cellWidth, frameToPx, TIMELINE_PAD, type TimelineSpace } from '../timeline';

export interface GraphView {
  /** Plot size, CSS px. */
  width: number;
  height: number;
  pxPerFrame: number;
  pxPerValue: number;
  /** Scaled x at the plot's left edge, scaled y at its top. */
  scrollX: number;
  scrollY: number;
}

export const ZOOM_LIMITS = { minPxPerFrame: 0.002, maxPxPerFrame: 400, minPxPerValue: 4, maxPxPerValue: 2e6 } as const;

// unit ↔ scaled
export const frameToScaled = (v: GraphView, frame: number): number => frame * v.pxPerFrame;
export const valueToScaled = (v: GraphView, value: number): number => -value * v.pxPerValue;
// scaled ↔ clipped
export const scaledToClippedX = (v: GraphView, sx: number): number => sx - v.scrollX;
export const scaledToClippedY = (v: GraphView, sy: number): number => sy - v.scrollY;
// unit ↔ clipped, the everyday pair
export const frameToX = (v: GraphView, frame: number): number => frame * v.pxPerFrame - v.scrollX;
export const valueToY = (v: GraphView, value: number): number => -value * v.pxPerValue - v.scrollY;
export const xToFrame = (v: GraphView, x: number): number => (x + v.scrollX) / v.pxPerFrame;
export const yToValue = (v: GraphView, y: number): number => -(y + v.scrollY) / v.pxPerValue;

/** Frame snapping: keys and the playhead live on whole frames. */
export const snapFrame = (frame: number): number => Math.round(frame);

export interface VisibleRange {
  frame0: number;
  frame1: number;
  /** Bottom and top of the plot in value units. */
  value0: number;
  value1: number;
}

export function visibleRange(v: GraphView): VisibleRange {
  return { frame0: xToFrame(v, 0), frame1: xToFrame(v, v.width), value0: yToValue(v, v.height), value1: yToValue(v, 0) };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Zooms time by `factor` (> 1 in) keeping the frame under clipped x `anchorX` still. */
export function zoomTime(v: GraphView, factor: number, anchorX: number): GraphView {
  const frame = xToFrame(v, anchorX);
  const ppf = clamp(v.pxPerFrame * factor, ZOOM_LIMITS.minPxPerFrame, ZOOM_LIMITS.maxPxPerFrame);
  return { ...v, pxPerFrame: ppf, scrollX: frame * ppf - anchorX };
}

/** Zooms values by `factor` keeping the value under clipped y `anchorY` still. */
export function zoomValue(v: GraphView, factor: number, anchorY: number): GraphView {
  const value = yToValue(v, anchorY);
  const ppv = clamp(v.pxPerValue * factor, ZOOM_LIMITS.minPxPerValue, ZOOM_LIMITS.maxPxPerValue);
  return { ...v, pxPerValue: ppv, scrollY: -value * ppv - anchorY };
}

/** Pans by a pointer movement in CSS px (content follows the pointer). */
export function panBy(v: GraphView, dx: number, dy: number): GraphView {
  return { ...v, scrollX: v.scrollX - dx, scrollY: v.scrollY - dy };
}

export interface FrameBox {
  frame0: number;
  frame1: number;
  value0: number;
  value1: number;
}

/**
 * The view that shows `box` with `margin` CSS px around it. Degenerate boxes (one frame, a flat
 * curve) are widened so framing a single key still gives a usable view.
 */
export function frameBox(v: GraphView, box: FrameBox, margin = { x: 24, y: 20 }): GraphView {
  let { frame0, frame1, value0, value1 } = box;
  if (frame1 - frame0 < 10) {
    const c = (frame0 + frame1) / 2;
    frame0 = c - 5;
    frame1 = c + 5;
  }
  if (value1 - value0 < 0.05) {
    const c = (value0 + value1) / 2;
    value0 = c - 0.025;
    value1 = c + 0.025;
  }
  const w = Math.max(1, v.width - 2 * margin.x);
  const h = Math.max(1, v.height - 2 * margin.y);
  const ppf = clamp(w / (frame1 - frame0), ZOOM_LIMITS.minPxPerFrame, ZOOM_LIMITS.maxPxPerFrame);
  const ppv = clamp(h / (value1 - value0), ZOOM_LIMITS.minPxPerValue, ZOOM_LIMITS.maxPxPerValue);
  return { ...v, pxPerFrame: ppf, pxPerValue: ppv, scrollX: frame0 * ppf - margin.x, scrollY: -value1 * ppv - margin.y };
}

/**
 * The whole shot on the time axis as the timeline lays it over the same width (its frameToPx, its
 * pad): frame f at the centre of its cell. The timeline sits under the plot (state/time-axis), so
 * after Frame All a frame is at one x in both, and the half cell is the margin at either end.
 */
export function shotTimeAxis(v: GraphView, first: number, last: number): GraphView {
  const space: TimelineSpace = { first, last, width: v.width, pad: TIMELINE_PAD };
  const cw = cellWidth(space);
  if (cw < ZOOM_LIMITS.minPxPerFrame || cw > ZOOM_LIMITS.maxPxPerFrame) return v;
  return { ...v, pxPerFrame: cw, scrollX: first * cw - frameToPx(space, first) };
}

/** Keeps the view's anchor when the plot is resized (the left edge and top stay where they were). */
export function resizeView(v: GraphView, width: number, height: number): GraphView {
  return { ...v, width, height };
}

export function sameView(a: GraphView, b: GraphView): boolean {
  return (
    a.width === b.width &&
    a.height === b.height &&
    a.pxPerFrame === b.pxPerFrame &&
    a.pxPerValue === b.pxPerValue &&
    a.scrollX === b.scrollX &&
    a.scrollY === b.scrollY
  );
}
