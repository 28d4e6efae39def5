// The plot's background with Canvas 2D (a few dozen rectangles, drawn natively): the shot's frames
// × the controls' 0…1 range lighter than the rest, failed frames, the grid. Lines are snapped to
// device pixels so they stay one pixel wide and crisp at any zoom.
import type { CurveModel } from './curve-model';
import type { GridSteps } from './draw-plot';
import { GUTTER_W, RULER_H } from './graph-layout';
import type { Rgb } from './raster';
import { ticksIn } from './scale';
import { GRAPH } from './theme';
import { frameToX, valueToY, visibleRange, type GraphView } from './view';

const css = (c: Rgb): string => `rgb(${c[0]},${c[1]},${c[2]})`;

export function drawPlotBackground(ctx: CanvasRenderingContext2D, model: CurveModel, view: GraphView, g: GridSteps, dpr: number): void {
  const px = 1 / dpr;
  const snap = (v: number) => Math.floor(v * dpr) / dpr;
  ctx.save();
  ctx.beginPath();
  ctx.rect(GUTTER_W, RULER_H, view.width, view.height);
  ctx.clip();
  ctx.translate(GUTTER_W, RULER_H);
  ctx.fillStyle = css(GRAPH.plotOut);
  ctx.fillRect(0, 0, view.width, view.height);
  const x0 = frameToX(view, model.take.firstFrame);
  const x1 = frameToX(view, model.lastFrame);
  const yTop = valueToY(view, 1);
  const yBottom = valueToY(view, 0);
  ctx.fillStyle = css(GRAPH.plotIn);
  ctx.fillRect(snap(x0), snap(yTop), snap(x1) - snap(x0) + px, snap(yBottom) - snap(yTop) + px);

  const range = visibleRange(view);
  ctx.fillStyle = css(GRAPH.failed);
  const fw = Math.max(px, view.pxPerFrame);
  for (const f of model.take.failedFrames) {
    if (f < range.frame0 - 1 || f > range.frame1 + 1) continue;
    ctx.fillRect(snap(frameToX(view, f) - fw / 2), 0, Math.max(px, snap(fw)), view.height);
  }

  const vLines = (step: number, color: Rgb) => {
    ctx.fillStyle = css(color);
    for (const f of ticksIn(range.frame0, range.frame1, step)) ctx.fillRect(snap(frameToX(view, f)), 0, px, view.height);
  };
  const hLines = (step: number, color: Rgb) => {
    ctx.fillStyle = css(color);
    for (const v of ticksIn(range.value0, range.value1, step)) ctx.fillRect(0, snap(valueToY(view, v)), view.width, px);
  };
  if (g.frameMinor !== g.frameMajor) vLines(g.frameMinor, GRAPH.gridMinor);
  if (g.valueMinor !== g.valueMajor) hLines(g.valueMinor, GRAPH.gridMinor);
  vLines(g.frameMajor, GRAPH.gridMajor);
  hLines(g.valueMajor, GRAPH.gridMajor);
  ctx.fillStyle = css(GRAPH.gridUnit);
  ctx.fillRect(0, snap(yTop), view.width, px);
  ctx.fillRect(0, snap(yBottom), view.width, px);
  ctx.restore();
}
