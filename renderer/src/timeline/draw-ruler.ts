// Draws the timeline's ruler and warning/missing ticks into a canvas (a 5,000-frame shot
// would be thousands of DOM nodes otherwise). The playhead is a DOM element on top, so moving
// it during playback does not redraw the ruler.
import { frameToPx, markerColumns, ticks, tickStep, type Marker, type TimelineSpace } from './timeline-math';

export const RULER_H = 18;
export const MARKER_H = 8;

export function drawRuler(ctx: CanvasRenderingContext2D, s: TimelineSpace, height: number, dpr: number, markers: readonly Marker[]): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, s.width, height);

  // Shot extent band.
  ctx.fillStyle = '#1a1c1f';
  ctx.fillRect(0, 0, s.width, height);
  ctx.fillStyle = '#202328';
  ctx.fillRect(s.pad, RULER_H, Math.max(0, s.width - 2 * s.pad), height - RULER_H);

  const major = tickStep(s, 64);
  const minor = tickStep(s, 7);
  ctx.fillStyle = '#3d4148';
  for (const f of ticks(s, minor)) {
    const x = Math.round(frameToPx(s, f)) + 0.5;
    ctx.fillRect(x - 0.5, RULER_H - 5, 1, 5);
  }
  ctx.font = '10px ui-monospace, Menlo, Consolas, monospace';
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  for (const f of ticks(s, major)) {
    const x = Math.round(frameToPx(s, f)) + 0.5;
    ctx.fillStyle = '#5a5f67';
    ctx.fillRect(x - 0.5, RULER_H - 9, 1, 9);
    ctx.fillStyle = '#8e949c';
    ctx.fillText(String(f), Math.min(s.width - 16, Math.max(16, x)), 2);
  }
  ctx.fillStyle = '#0f1012';
  ctx.fillRect(0, RULER_H, s.width, 1);

  // Markers sit in a strip at the bottom; missing frames are red and full height of the strip.
  for (const m of markerColumns(s, markers)) {
    ctx.fillStyle = m.status === 'missing' ? '#e0564b' : '#e0a43a';
    const w = Math.max(2, Math.min(6, frameToPx(s, s.first + 1) - frameToPx(s, s.first) - 1));
    ctx.fillRect(m.px - w / 2, height - MARKER_H - 2, w, MARKER_H);
  }
}
