// Drives the graph: owns its three canvases (background and axes, curves, overlay), redraws on demand
// (one requestAnimationFrame for any number of changes, and only the layers that changed), and
// turns pointer input into view changes, scrubbing, selection and key drags. Lives outside React
// so that playback and drags never re-render components.
import type { EditOp, LayerState } from '../../../electron/common/edits';
import { sizeCanvas } from '../plate';
import { useCompare } from '../state/compare-store';
import { useControlValues } from '../state/control-values';
import { publishPlotSpan } from '../state/time-axis';
import { seek, usePlayhead } from '../state/playhead';
import { drawnChannels, type ChannelDef } from './channels';
import { ColumnCache } from './column-cache';
import { compareOverlayFor } from './compare-overlay';
import type { CurveModel } from './curve-model';
import { drawAxes } from './draw-axes';
import { drawOverlay, type HandlePoint } from './draw-overlay';
import { drawPlotBackground } from './draw-background';
import { compareCount, curveLayerKey, curvePlan, drawCurves, gridSteps, type PlotInput } from './draw-plot';
import { CurveLayer } from './curve-layer';
import { drawVectorCurves, wantsVectorCurves, type CurvePlan } from './draw-vector';
import { editorState, useCurveEditor, type CurveEditorState } from './editor-store';
import { GUTTER_W, plotRect, RULER_H, zoneAt } from './graph-layout';
import { dragDelta, dragOps, handleOps } from './key-edits';
import { toImage } from './raster';
import { commit, setLive } from './session';
import { applySelection, hitCurve, hitKey, keysInBox, selectMode, type Box, type KeyPoint, type SelectMode } from './selection';
import { frameBox, panBy, resizeView, shotTimeAxis, snapFrame, valueToY, xToFrame, zoomTime, zoomValue, type GraphView } from './view';

type Gesture =
  | { kind: 'scrub' }
  | { kind: 'pan'; lastX: number; lastY: number }
  | { kind: 'zoom'; startX: number; startY: number; start: GraphView }
  | { kind: 'keys'; startX: number; startY: number; start: LayerState; startSel: ReadonlySet<string>; moved: boolean; ops: EditOp[] }
  | { kind: 'box'; box: Box; mode: SelectMode }
  | { kind: 'handle'; handle: HandlePoint; start: LayerState; under: number; moved: boolean; ops: EditOp[] };

const DRAG_THRESHOLD = 3;
const KEY_HIT_R = 7;
const HANDLE_HIT_R = 6;
/** The steepest slope a handle can be dragged to (the key schema's bound). */
const MAX_SLOPE = 1000;

let activeController: GraphController | null = null;

/** The mounted graph (one per window), for the key handler and the test hooks. */
export function graphController(): GraphController | null {
  return activeController;
}

function setActive(c: GraphController | null): void {
  activeController = c;
}

export class GraphController {
  private readonly cache = new ColumnCache();
  private readonly curves = new CurveLayer();
  /** The cached curve image as a canvas, blitted onto curveCanvas at the view's offset. */
  private readonly layerCanvas = document.createElement('canvas');
  private cssW = 0;
  private cssH = 0;
  private dpr = 1;
  private plotDirty = true;
  private overlayDirty = true;
  private raf = 0;
  private gesture: Gesture | null = null;
  private pointerId: number | null = null;
  private hover: { x: number; y: number } | null = null;
  private dragLabel: string | null = null;
  private keyPoints: KeyPoint[] = [];
  private handlePoints: HandlePoint[] = [];
  /** The frame the overlay last drew the playhead on (the bench compares it with the plate's). */
  playheadDrawn: number | null = null;
  private drawnKey: unknown[] = [];
  private drawnList: ChannelDef[] = [];
  /** Milliseconds of each plot redraw (ring buffer), for the bench. */
  readonly plotTimes = new Float64Array(4096);
  plotCount = 0;
  readonly overlayTimes = new Float64Array(4096);
  overlayCount = 0;

  constructor(
    private readonly el: HTMLElement,
    private readonly base: HTMLCanvasElement,
    private readonly curveCanvas: HTMLCanvasElement,
    private readonly overlay: HTMLCanvasElement,
  ) {}

  attach(): () => void {
    setActive(this);
    const offs: (() => void)[] = [];
    let modelOff: (() => void) | null = null;
    const watchModel = (m: CurveModel | null) => {
      modelOff?.();
      modelOff = m ? m.subscribe(() => this.invalidate(true)) : null;
    };
    watchModel(editorState().model);
    offs.push(
      useCurveEditor.subscribe((s, p) => {
        if (s.model !== p.model) watchModel(s.model);
        if (
          s.model !== p.model ||
          s.selected !== p.selected ||
          s.hidden !== p.hidden ||
          s.solo !== p.solo ||
          s.colors !== p.colors ||
          s.view !== p.view ||
          s.showRaw !== p.showRaw ||
          s.showFiltered !== p.showFiltered ||
          s.anchor !== p.anchor
        )
          this.invalidate(true);
        else if (s.keySel !== p.keySel) this.invalidate(false);
        if (s.model && !s.view && this.cssW > 0) this.initView();
      }),
      usePlayhead.subscribe((s, p) => {
        if (s.frame !== p.frame) this.playheadMoved();
      }),
      useControlValues.subscribe((s, p) => {
        if (s.previewMode !== p.previewMode) this.invalidate(false);
      }),
      // A take comparison shown, changed or cleared: its dashed curves and legend.
      useCompare.subscribe((s, p) => {
        if (s.version !== p.version) this.invalidate(true);
      }),
    );
    const ro = new ResizeObserver(() => this.resize());
    ro.observe(this.el);
    const wheel = (e: WheelEvent) => this.onWheel(e);
    this.el.addEventListener('wheel', wheel, { passive: false });
    this.resize();
    return () => {
      if (activeController === this) {
        setActive(null);
        publishPlotSpan(null);
      }
      for (const off of offs) off();
      modelOff?.();
      ro.disconnect();
      this.el.removeEventListener('wheel', wheel);
      cancelAnimationFrame(this.raf);
      if (this.gesture?.kind === 'keys' || this.gesture?.kind === 'handle') setLive(null);
    };
  }

  // ── drawing ────────────────────────────────────────────────────────────────────────────────

  private resize(): void {
    const w = this.el.clientWidth;
    const h = this.el.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (w === this.cssW && h === this.cssH && dpr === this.dpr) return;
    this.cssW = w;
    this.cssH = h;
    this.dpr = dpr;
    // Each layer is repainted whole by the redraw below (the base is opaque, the others cleared).
    for (const c of [this.base, this.curveCanvas, this.overlay]) sizeCanvas(c, { width: w, height: h }, dpr);
    const st = editorState();
    const rect = plotRect(w, h);
    this.publishPlot(rect.width);
    if (st.view) useCurveEditor.setState({ view: resizeView(st.view, rect.width, rect.height) });
    else this.initView();
    this.invalidate(true);
  }

  /** Where the plot is on the page, for the timeline to sit under it (one time axis). */
  private publishPlot(width: number): void {
    const left = this.el.getBoundingClientRect().left + GUTTER_W;
    publishPlotSpan({ left, right: left + width });
  }

  private initView(): void {
    const st = editorState();
    if (!st.model || this.cssW === 0) return;
    const rect = plotRect(this.cssW, this.cssH);
    const blank: GraphView = { width: rect.width, height: rect.height, pxPerFrame: 1, pxPerValue: 100, scrollX: 0, scrollY: 0 };
    const { firstFrame } = st.model.take;
    const box = frameBox(blank, { frame0: firstFrame, frame1: st.model.lastFrame, value0: -0.02, value1: 1.02 });
    useCurveEditor.setState({ view: shotTimeAxis(box, firstFrame, st.model.lastFrame) });
  }

  /**
   * The playhead moved: the overlay is drawn now, in the task that moved it (the playback loop's
   * animation frame, a scrub), so the graph's playhead is on the frame the plate and the head show
   * in the same presented frame. Waiting for another animation frame drew it one frame behind
   * while playing. A pending plot redraw keeps its animation frame (the overlay goes with it).
   */
  private playheadMoved(): void {
    if (this.plotDirty) {
      this.invalidate(false);
      return;
    }
    this.overlayDirty = true;
    if (this.raf !== 0) cancelAnimationFrame(this.raf);
    this.draw();
  }

  /** Marks layers for the next frame's redraw (plot implies overlay: it shows the same curves). */
  invalidate(plot: boolean): void {
    if (plot) this.plotDirty = true;
    this.overlayDirty = true;
    if (this.raf === 0) this.raf = requestAnimationFrame(() => this.draw());
  }

  private drawn(st: CurveEditorState): ChannelDef[] {
    const key = [st.model, st.selected, st.hidden, st.solo];
    if (key.some((k, i) => k !== this.drawnKey[i])) {
      this.drawnKey = key;
      this.drawnList = st.model ? drawnChannels(st.model.take.channels, new Set(st.selected), st.hidden, st.solo) : [];
    }
    return this.drawnList;
  }

  /** Draws what is dirty now (also used by the bench to time one redraw). */
  draw(): void {
    this.raf = 0;
    const st = editorState();
    const model = st.model;
    const view = st.view;
    if (!model || !view || this.cssW === 0) return;
    const channels = this.drawn(st);
    const compare = compareOverlayFor(useCompare.getState(), model.take.shotId);
    if (this.plotDirty) {
      const t0 = performance.now();
      this.plotDirty = false;
      const ctx = this.base.getContext('2d');
      const cctx = this.curveCanvas.getContext('2d');
      if (!ctx || !cctx) return;
      const dpr = this.dpr;
      const g = gridSteps(view);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawPlotBackground(ctx, model, view, g, dpr);
      drawAxes(ctx, view, g, { first: model.take.firstFrame, last: model.lastFrame, failed: model.take.failedFrames });
      const inp = { model, channels, colors: st.colors, view, dpr, showRaw: st.showRaw, showFiltered: st.showFiltered, active: st.anchor, compare };
      const plan = curvePlan(inp);
      const curveCount = plan.reduce((n, p) => n + 1 + (p.raw ? 1 : 0) + (p.filt ? 1 : 0), 0) + compareCount(plan, compare);
      cctx.setTransform(1, 0, 0, 1, 0, 0);
      cctx.clearRect(0, 0, this.curveCanvas.width, this.curveCanvas.height);
      if (wantsVectorCurves(view, curveCount)) {
        cctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        drawVectorCurves(cctx, model, plan, view, st.anchor, compare);
      } else this.blitCurves(cctx, model, plan, inp);
      this.plotTimes[this.plotCount++ % this.plotTimes.length] = performance.now() - t0;
    }
    if (this.overlayDirty) {
      const t0 = performance.now();
      this.overlayDirty = false;
      const ctx = this.overlay.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      ctx.clearRect(0, 0, this.cssW, this.cssH);
      const box = this.gesture?.kind === 'box' ? this.gesture.box : null;
      const frame = usePlayhead.getState().frame;
      const drawn = drawOverlay(ctx, {
        model,
        channels,
        colors: st.colors,
        view,
        frame,
        keySel: st.keySel,
        box,
        hover: this.hover,
        dragLabel: this.dragLabel,
        active: st.anchor,
        previewRaw: useControlValues.getState().previewMode === 'raw',
        compareLabel: compare?.label ?? null,
      });
      this.keyPoints = drawn.keys;
      this.handlePoints = drawn.handles;
      this.playheadDrawn = frame;
      this.overlayTimes[this.overlayCount++ % this.overlayTimes.length] = performance.now() - t0;
    }
  }

  /**
   * Raster curves: from the cached curve image, re-rasterised only when the curves, the zoom or a
   * pan past its window ask for it, then blitted at the view's offset (a native copy).
   */
  private blitCurves(cctx: CanvasRenderingContext2D, model: CurveModel, plan: readonly CurvePlan[], inp: PlotInput): void {
    const { view, dpr } = inp;
    const pw = Math.max(1, Math.round(view.width * dpr));
    const ph = Math.max(1, Math.round(view.height * dpr));
    const visible = { x: Math.round(view.scrollX * dpr), y: Math.round(view.scrollY * dpr), width: pw, height: ph };
    const ppf = view.pxPerFrame * dpr;
    const ppv = view.pxPerValue * dpr;
    // Curves live within the shot's frames and, for 0…1 controls, well inside −0.5…1.5.
    const content = {
      x0: Math.floor(model.take.firstFrame * ppf) - 2,
      x1: Math.ceil(model.lastFrame * ppf) + 2,
      y0: Math.floor(-1.5 * ppv) - 4,
      y1: Math.ceil(0.5 * ppv) + 4,
    };
    const redrawn = this.curves.ensure(curveLayerKey(model, plan, inp), visible, { x: pw, y: Math.round(ph / 2) }, content, (r, x0, y0) =>
      drawCurves(r, this.cache, inp, plan, x0, y0),
    );
    const img = this.curves.image;
    if (!img) return;
    const lctx = this.layerCanvas.getContext('2d');
    if (!lctx) return;
    if (redrawn) {
      const { raster } = img;
      if (this.layerCanvas.width !== raster.width || this.layerCanvas.height !== raster.height) {
        this.layerCanvas.width = raster.width;
        this.layerCanvas.height = raster.height;
      }
      const data = lctx.createImageData(raster.width, raster.height);
      toImage(raster, new Uint32Array(data.data.buffer));
      lctx.putImageData(data, 0, 0);
    }
    const left = Math.round(GUTTER_W * dpr);
    const top = Math.round(RULER_H * dpr);
    cctx.save();
    cctx.beginPath();
    cctx.rect(left, top, pw, ph);
    cctx.clip();
    cctx.drawImage(this.layerCanvas, left + img.x0 - visible.x, top + img.y0 - visible.y);
    cctx.restore();
  }

  // ── input ──────────────────────────────────────────────────────────────────────────────────

  private local(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const r = this.el.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private onWheel(e: WheelEvent): void {
    const view = editorState().view;
    if (!view) return;
    e.preventDefault();
    const p = this.local(e);
    const x = p.x - GUTTER_W;
    const y = p.y - RULER_H;
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const dy = e.deltaY * unit;
    const dx = e.deltaX * unit;
    let next: GraphView;
    if (e.ctrlKey || e.altKey || e.metaKey) next = zoomValue(view, Math.exp(-dy * 0.0015), y);
    else if (e.shiftKey) next = panBy(view, -(dy || dx), 0);
    else if (Math.abs(dx) > Math.abs(dy)) next = panBy(view, -dx, 0);
    else next = zoomTime(view, Math.exp(-dy * 0.0015), x);
    useCurveEditor.setState({ view: next });
  }

  onPointerDown(e: PointerEvent): void {
    const st = editorState();
    const view = st.view;
    const model = st.model;
    if (!view || !model || this.gesture) return;
    const p = this.local(e);
    const x = p.x - GUTTER_W;
    const y = p.y - RULER_H;
    const zone = zoneAt(p.x, p.y);
    if (e.button === 1 || (e.button === 0 && e.altKey)) this.gesture = { kind: 'pan', lastX: p.x, lastY: p.y };
    else if (e.button === 2 && e.altKey) this.gesture = { kind: 'zoom', startX: x, startY: y, start: view };
    else if (e.button !== 0) return;
    else if (zone === 'ruler') {
      this.gesture = { kind: 'scrub' };
      seek(snapFrame(xToFrame(view, x)));
    } else if (zone === 'plot') {
      const handle = this.hitHandle(x, y);
      const hit = handle ? null : hitKey(this.keyPoints, x, y, KEY_HIT_R, st.keySel);
      if (handle) {
        const c = model.indexOf(handle.control);
        this.gesture = { kind: 'handle', handle, start: model.layer, under: model.filteredSlopeAt(c, handle.frame), moved: false, ops: [] };
      } else if (hit) {
        const mode = selectMode(e);
        let sel = st.keySel;
        if (!sel.has(hit.id) || mode === 'toggle') sel = applySelection(sel, [hit.id], mode);
        useCurveEditor.setState({ keySel: sel, anchor: hit.control });
        if (!sel.has(hit.id)) return;
        this.gesture = { kind: 'keys', startX: x, startY: y, start: model.layer, startSel: sel, moved: false, ops: [] };
      } else this.gesture = { kind: 'box', box: { x0: x, y0: y, x1: x, y1: y }, mode: selectMode(e) };
    } else return;
    e.preventDefault();
    this.pointerId = e.pointerId;
    this.el.setPointerCapture(e.pointerId);
  }

  onPointerMove(e: PointerEvent): void {
    const p = this.local(e);
    const x = p.x - GUTTER_W;
    const y = p.y - RULER_H;
    const g = this.gesture;
    const view = editorState().view;
    if (!g || !view) {
      this.hover = zoneAt(p.x, p.y) === 'plot' ? { x, y } : null;
      this.invalidate(false);
      return;
    }
    if (g.kind === 'scrub') seek(snapFrame(xToFrame(view, x)));
    else if (g.kind === 'pan') {
      useCurveEditor.setState({ view: panBy(view, p.x - g.lastX, p.y - g.lastY) });
      g.lastX = p.x;
      g.lastY = p.y;
    } else if (g.kind === 'zoom') {
      const zx = zoomTime(g.start, Math.exp((x - g.startX) * 0.01), g.startX);
      useCurveEditor.setState({ view: zoomValue(zx, Math.exp(-(y - g.startY) * 0.01), g.startY) });
    } else if (g.kind === 'box') {
      g.box = { ...g.box, x1: x, y1: y };
      this.invalidate(false);
    } else if (g.kind === 'handle') {
      const h = g.handle;
      if (!g.moved && Math.hypot(x - h.x, y - h.y) < DRAG_THRESHOLD) return;
      g.moved = true;
      // The handle points from its key to the pointer, kept on its own side of the key.
      const dx = h.side === 'in' ? Math.min(-1, x - h.kx) : Math.max(1, x - h.kx);
      const slope = -(y - h.ky) / view.pxPerValue / (dx / view.pxPerFrame);
      const corr = Math.max(-MAX_SLOPE, Math.min(MAX_SLOPE, slope - g.under));
      g.ops = handleOps(g.start, h.control, h.frame, h.side, corr);
      setLive(g.ops);
      this.hover = { x, y };
      this.dragLabel = `${h.side} tangent ${slope >= 0 ? '+' : ''}${slope.toFixed(4)}/f`;
    } else {
      const dx = x - g.startX;
      const dy = y - g.startY;
      if (!g.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      g.moved = true;
      // Rebuilt from the drag's start every move: the temporary transaction (no API call).
      const delta = dragDelta(dx, dy, view.pxPerFrame, view.pxPerValue, e.shiftKey);
      const r = dragOps(g.start, g.startSel, delta);
      g.ops = r.ops;
      setLive(r.ops);
      this.hover = { x, y };
      this.dragLabel = `${delta.dFrame >= 0 ? '+' : ''}${delta.dFrame} f   ${delta.dValue >= 0 ? '+' : ''}${delta.dValue.toFixed(3)}`;
      useCurveEditor.setState({ keySel: r.selection });
    }
  }

  onPointerUp(e: PointerEvent): void {
    const g = this.gesture;
    if (!g || e.pointerId !== this.pointerId) return;
    this.endGesture();
    const st = editorState();
    if (g.kind === 'keys') {
      if (g.moved && g.ops.length > 0) {
        const n = st.keySel.size;
        void commit(n === 1 ? 'Move key' : `Move ${n} keys`, g.ops);
      }
    } else if (g.kind === 'handle') {
      if (g.moved && g.ops.length > 0) void commit(`Shape ${g.handle.side} tangent of ${g.handle.control} at ${g.handle.frame}`, g.ops);
    } else if (g.kind === 'box') {
      const b = g.box;
      if (Math.hypot(b.x1 - b.x0, b.y1 - b.y0) < DRAG_THRESHOLD) this.clickEmpty(b.x0, b.y0, g.mode);
      else useCurveEditor.setState({ keySel: applySelection(st.keySel, this.keysInBox(b), g.mode) });
    }
    this.invalidate(false);
  }

  /** A click on empty plot: selects the curve under it (as the active control), clears keys. */
  private clickEmpty(x: number, y: number, mode: SelectMode): void {
    const st = editorState();
    const model = st.model;
    const view = st.view;
    if (!model || !view) return;
    const frame = snapFrame(xToFrame(view, x));
    const names = this.drawn(st).map((c) => c.name);
    const curve = hitCurve(names, (n) => valueToY(view, model.finalAt(model.indexOf(n), frame)), y, 5);
    useCurveEditor.setState({ keySel: mode === 'replace' ? new Set() : st.keySel, ...(curve ? { anchor: curve } : {}) });
  }

  private endGesture(): void {
    if (this.pointerId !== null && this.el.hasPointerCapture(this.pointerId)) this.el.releasePointerCapture(this.pointerId);
    this.pointerId = null;
    this.gesture = null;
    this.dragLabel = null;
  }

  /** Esc during a drag: the temporary state is dropped and the selection restored. */
  cancelGesture(): boolean {
    const g = this.gesture;
    if (!g) return false;
    if (g.kind === 'keys') {
      setLive(null);
      useCurveEditor.setState({ keySel: g.startSel });
    } else if (g.kind === 'handle') setLive(null);
    this.endGesture();
    this.invalidate(false);
    return true;
  }

  get dragging(): boolean {
    return this.gesture !== null;
  }

  onPointerLeave(): void {
    if (!this.gesture) {
      this.hover = null;
      this.invalidate(false);
    }
  }

  /** The shown keys inside a box (clipped px): every key under it, however densely they are drawn. */
  private keysInBox(box: Box): string[] {
    const st = editorState();
    const model = st.model;
    const view = st.view;
    if (!model || !view) return [];
    return keysInBox(
      this.drawn(st).map((c) => c.name),
      {
        keysOf: (name) => model.keysOf(name),
        frameAt: (x) => xToFrame(view, x),
        y: (name, frame) => valueToY(view, model.finalAt(model.indexOf(name), frame)),
      },
      box,
    );
  }

  /** The nearest handle end within reach of (x, y), clipped px. */
  private hitHandle(x: number, y: number): HandlePoint | null {
    let best: HandlePoint | null = null;
    let bestD = HANDLE_HIT_R;
    for (const h of this.handlePoints) {
      const d = Math.hypot(h.x - x, h.y - y);
      if (d <= bestD) {
        best = h;
        bestD = d;
      }
    }
    return best;
  }

  /** Tangent handle ends drawn last (clipped px), for tests. */
  handlePositions(): readonly HandlePoint[] {
    return this.handlePoints;
  }

  /** Key positions drawn last (clipped px), for tests. */
  keyPositions(): readonly KeyPoint[] {
    return this.keyPoints;
  }
}
