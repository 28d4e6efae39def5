// The frame ruler (top) and value gutter (left), drawn with Canvas 2D text around the plot.
import { GUTTER_W, RULER_H } from './graph-layout';
import type { GridSteps } from './draw-plot';
import { stepDecimals, ticksIn } from './scale';
import { GRAPH } from './theme';
import { frameToX, valueToY, visibleRange, type GraphView } from './view';

export function drawAxes(ctx: CanvasRenderingContext2D, view: GraphView, g: GridSteps, shot: { first: number; last: number; failed: readonly number[] }): void {
  const width = view.width + GUTTER_W;
  const range = visibleRange(view);
  ctx.fillStyle = GRAPH.rulerBg;
  ctx.fillRect(0, 0, width, RULER_H);
  ctx.fillRect(0, RULER_H, GUTTER_W, view.height);

  // The shot's extent on the ruler.
  const sx0 = Math.max(GUTTER_W, GUTTER_W + frameToX(view, shot.first));
  const sx1 = Math.min(width, GUTTER_W + frameToX(view, shot.last));
  if (sx1 > sx0) {
    ctx.fillStyle = GRAPH.shotBar;
    ctx.fillRect(sx0, RULER_H - 3, sx1 - sx0, 2);
  }
  ctx.font = GRAPH.font;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  ctx.fillStyle = GRAPH.rulerTick;
  for (const f of ticksIn(range.frame0, range.frame1, g.frameMinor)) {
    const x = Math.round(GUTTER_W + frameToX(view, f)) + 0.5;
    if (x >= GUTTER_W) ctx.fillRect(x - 0.5, RULER_H - 5, 1, 4);
  }
  for (const f of ticksIn(range.frame0, range.frame1, g.frameMajor)) {
    const x = Math.round(GUTTER_W + frameToX(view, f)) + 0.5;
    if (x < GUTTER_W) continue;
    ctx.fillStyle = GRAPH.rulerTick;
    ctx.fillRect(x - 0.5, RULER_H - 9, 1, 8);
    ctx.fillStyle = GRAPH.rulerText;
    ctx.fillText(String(f), x, 3);
  }
  ctx.fillStyle = GRAPH.failedTick;
  const fw = Math.max(2, Math.min(6, view.pxPerFrame));
  for (const f of shot.failed) {
    if (f < range.frame0 || f > range.frame1) continue;
    ctx.fillRect(GUTTER_W + frameToX(view, f) - fw / 2, RULER_H - 7, fw, 6);
  }

  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const decimals = stepDecimals(g.valueMajor);
  for (const v of ticksIn(range.value0, range.value1, g.valueMajor)) {
    const y = Math.round(RULER_H + valueToY(view, v)) + 0.5;
    if (y < RULER_H + 4 || y > RULER_H + view.height - 2) continue;
    ctx.fillStyle = v === 0 || v === 1 ? GRAPH.readoutText : GRAPH.rulerText;
    ctx.fillText(v.toFixed(decimals), GUTTER_W - 6, y);
    ctx.fillStyle = GRAPH.rulerTick;
    ctx.fillRect(GUTTER_W - 4, y - 0.5, 4, 1);
  }
  ctx.fillStyle = GRAPH.gutterLine;
  ctx.fillRect(0, RULER_H - 1, width, 1);
  ctx.fillRect(GUTTER_W - 1, RULER_H, 1, view.height);
}
