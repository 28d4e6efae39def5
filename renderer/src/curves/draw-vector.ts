// Zoomed in, few samples are visible: then curves are stroked as antialiased Canvas 2D paths,
// as a DCC draws them, instead of rasterised spans (which are right for dense views, where a
// column holds many frames and path calls would cost far more than they show).
import type { ChannelDef } from './channels';
import { COMPARE_ALPHA, COMPARE_DASH, type CompareOverlay } from './compare-overlay';
import type { CurveModel } from './curve-model';
import { GUTTER_W, RULER_H } from './graph-layout';
import { mixRgb, type Rgb } from './raster';
import { FILTERED_ALPHA, GRAPH, RAW_ALPHA } from './theme';
import { frameToX, valueToY, visibleRange, type GraphView } from './view';

/** Path vertices drawn at most in vector mode (all curves together). */
export const VECTOR_BUDGET = 24_000;

/** Vector paths when frames are at least 2 px apart and the vertex count stays in budget. */
export function wantsVectorCurves(view: GraphView, curveCount: number): boolean {
  const frames = view.width / view.pxPerFrame + 2;
  return view.pxPerFrame >= 2 && frames * curveCount <= VECTOR_BUDGET;
}

export interface CurvePlan {
  c: ChannelDef;
  rgb: Rgb;
  raw: boolean;
  filt: boolean;
}

const css = (c: Rgb): string => `rgb(${Math.round(c[0])},${Math.round(c[1])},${Math.round(c[2])})`;

export function drawVectorCurves(
  ctx: CanvasRenderingContext2D,
  model: CurveModel,
  plan: readonly CurvePlan[],
  view: GraphView,
  active: string | null,
  compare: CompareOverlay | null = null,
): void {
  const r = visibleRange(view);
  const first = model.take.firstFrame;
  const i0 = Math.max(0, Math.floor(r.frame0) - 1 - first);
  const i1 = Math.min(model.take.length - 1, Math.ceil(r.frame1) + 1 - first);
  if (i1 < i0) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(GUTTER_W, RULER_H, view.width, view.height);
  ctx.clip();
  ctx.translate(GUTTER_W, RULER_H);
  ctx.lineJoin = 'round';
  const stroke = (values: Float32Array, color: string, width: number) => {
    ctx.beginPath();
    for (let i = i0; i <= i1; i++) {
      const x = frameToX(view, first + i);
      const y = valueToY(view, values[i]!);
      if (i === i0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.stroke();
  };
  for (const p of plan) if (p.raw) stroke(model.take.raw[p.c.index]!, css(mixRgb(p.rgb, GRAPH.plotIn, RAW_ALPHA)), 1);
  for (const p of plan) if (p.filt) stroke(model.filtered[p.c.index]!, css(mixRgb(p.rgb, GRAPH.plotIn, FILTERED_ALPHA)), 1);
  if (compare) {
    // The compared take's curves: dashed, thin and semi-transparent, under the final ones.
    const c0 = Math.floor(r.frame0) - 1 - compare.firstFrame;
    const c1 = Math.ceil(r.frame1) + 1 - compare.firstFrame;
    ctx.save();
    ctx.setLineDash([COMPARE_DASH.on, COMPARE_DASH.off]);
    ctx.globalAlpha = COMPARE_ALPHA;
    ctx.lineWidth = 1;
    for (const p of plan) {
      const v = compare.curves.get(p.c.name);
      if (!v) continue;
      const j0 = Math.max(0, c0);
      const j1 = Math.min(v.length - 1, c1);
      if (j1 < j0) continue;
      ctx.beginPath();
      for (let j = j0; j <= j1; j++) {
        const x = frameToX(view, compare.firstFrame + j);
        const y = valueToY(view, v[j]!);
        if (j === j0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.strokeStyle = css(p.rgb);
      ctx.stroke();
    }
    ctx.restore();
  }
  let last: CurvePlan | null = null;
  for (const p of plan) {
    if (p.c.name === active) last = p;
    else stroke(model.final[p.c.index]!, css(p.rgb), 1.6);
  }
  if (last) stroke(model.final[last.c.index]!, css(last.rgb), 2.4);
  ctx.restore();
}
