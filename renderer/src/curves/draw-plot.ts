// The plot's curves, rasterised (see raster.ts) into the cached curve image (curve-layer.ts):
// what each drawn channel shows, the grid spacing, and the image's cache key.
import type { ChannelDef } from './channels';
import type { ColumnCache } from './column-cache';
import { COMPARE_ALPHA, compareDash, type CompareOverlay } from './compare-overlay';
import type { CurveModel } from './curve-model';
import type { CurvePlan } from './draw-vector';
import { drawSpans, mixRgb, packRgb, parseHex, type Dash, type Raster } from './raster';
import { niceStep } from './scale';
import { FILTERED_ALPHA, GRAPH, RAW_ALPHA } from './theme';
import type { GraphView } from './view';

export interface PlotInput {
  model: CurveModel;
  channels: readonly ChannelDef[];
  colors: Readonly<Record<string, string>>;
  view: GraphView;
  dpr: number;
  showRaw: boolean;
  showFiltered: boolean;
  active: string | null;
  /** A take comparison to show under the final curves (dashed), or null. */
  compare?: CompareOverlay | null;
}

export interface GridSteps {
  frameMajor: number;
  frameMinor: number;
  valueMajor: number;
  valueMinor: number;
}

/** Grid spacing for the view: labelled lines ≥ 70 px (frames) / 32 px (values) apart. */
export function gridSteps(view: GraphView): GridSteps {
  const frameMajor = niceStep(view.pxPerFrame, 70, 1);
  const fm =
    frameMajor / 5 >= 1 && (frameMajor / 5) * view.pxPerFrame >= 8
      ? frameMajor / 5
      : frameMajor / 2 >= 1 && (frameMajor / 2) * view.pxPerFrame >= 8
        ? frameMajor / 2
        : frameMajor;
  const valueMajor = niceStep(view.pxPerValue, 32);
  const vm = (valueMajor / 5) * view.pxPerValue >= 8 ? valueMajor / 5 : valueMajor;
  return { frameMajor, frameMinor: fm, valueMajor, valueMinor: vm };
}

/** What each drawn channel shows: its colour, and whether its raw and filtered curves differ from the final one. */
export function curvePlan(inp: Pick<PlotInput, 'model' | 'channels' | 'colors' | 'showRaw' | 'showFiltered'>): CurvePlan[] {
  const layer = inp.model.layer;
  return inp.channels.map((c) => {
    const rgb = parseHex(inp.colors[c.name] ?? '#cccccc');
    const f = inp.model.filterOf(c);
    const filtered = f.kind !== 'none' && f.strength > 0;
    const keyed = (layer.keys[c.name]?.length ?? 0) > 0;
    // Identical curves are drawn once: raw = final without filter or keys, filtered = final without keys.
    return { c, rgb, raw: inp.showRaw && (filtered || keyed), filt: inp.showFiltered && filtered && keyed };
  });
}

/**
 * Rasterises the curves into `r`, whose pixel (0, 0) is scaled device px (x0, y0): faint ones
 * (raw, filtered, a compared take's, dashed) under bold ones, the active control's final curve
 * last, on top.
 */
export function drawCurves(r: Raster, cache: ColumnCache, inp: PlotInput, plan: readonly CurvePlan[], x0: number, y0: number): { spans: number } {
  const { model, view, dpr } = inp;
  const bg = GRAPH.plotIn;
  const first = model.take.firstFrame;
  const ppf = view.pxPerFrame * dpr;
  const shiftX = x0;
  const ya = -view.pxPerValue * dpr;
  const yb = -y0;
  let spans = 0;
  const keep = new Set<string>();
  const draw = (id: string, values: Float32Array, version: number, thickness: number, color: number, from = first, dash: Dash | null = null) => {
    keep.add(id);
    const cols = cache.get(id, values, version, from, ppf, shiftX, r.width, 0);
    spans += drawSpans(r, cols, shiftX, ya, yb, thickness, color, dash);
  };
  for (const p of plan) if (p.raw) draw(`${p.c.name}:raw`, model.take.raw[p.c.index]!, 0, 1, packRgb(mixRgb(p.rgb, bg, RAW_ALPHA)));
  for (const p of plan)
    if (p.filt) draw(`${p.c.name}:filtered`, model.filtered[p.c.index]!, model.filteredVersion[p.c.index]!, 1, packRgb(mixRgb(p.rgb, bg, FILTERED_ALPHA)));
  const cmp = inp.compare;
  if (cmp) {
    const dash = compareDash(dpr);
    for (const p of plan) {
      const v = cmp.curves.get(p.c.name);
      if (v && v.length > 0) draw(`${p.c.name}:compare`, v, cmp.version, Math.max(1, dpr), packRgb(mixRgb(p.rgb, bg, COMPARE_ALPHA)), cmp.firstFrame, dash);
    }
  }
  const bold = Math.max(1.5, 1.6 * dpr);
  let activePlan: (typeof plan)[number] | null = null;
  for (const p of plan) {
    if (p.c.name === inp.active) activePlan = p;
    else draw(`${p.c.name}:final`, model.final[p.c.index]!, model.finalVersion[p.c.index]!, bold, packRgb(p.rgb));
  }
  if (activePlan)
    draw(`${activePlan.c.name}:final`, model.final[activePlan.c.index]!, model.finalVersion[activePlan.c.index]!, bold + dpr, packRgb(activePlan.rgb));
  cache.retain(keep);
  return { spans };
}

/** What the cached curve image depends on: the take, zoom, the comparison, and each drawn curve's look and version. */
export function curveLayerKey(model: CurveModel, plan: readonly CurvePlan[], inp: Pick<PlotInput, 'view' | 'dpr' | 'active' | 'compare'>): string {
  const parts = [model.serial, inp.view.pxPerFrame * inp.dpr, inp.view.pxPerValue * inp.dpr, inp.active ?? '', inp.compare ? `cmp${inp.compare.version}` : ''];
  for (const p of plan)
    parts.push(`${p.c.index}:${p.rgb.join('.')}:${p.raw ? 1 : 0}${p.filt ? 1 : 0}:${model.finalVersion[p.c.index]}:${model.filteredVersion[p.c.index]}`);
  return parts.join('|');
}

/** The compared curves drawn with the plan (one per drawn control the comparison has). */
export function compareCount(plan: readonly CurvePlan[], compare: CompareOverlay | null | undefined): number {
  if (!compare) return 0;
  let n = 0;
  for (const p of plan) if ((compare.curves.get(p.c.name)?.length ?? 0) > 0) n++;
  return n;
}
