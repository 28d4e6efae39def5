// Read-only hooks for end-to-end tests and the bench, on window.__rigsolveCurves. Installed only
// when localStorage "rigsolve.debugHooks" is "1" (what the tests set before the page loads), so
// a user's page exposes nothing.
import { useControlValues } from '../state/control-values';
import { usePlayhead } from '../state/playhead';
import { editorState } from './editor-store';
import { graphController } from './graph-controller';
import { GUTTER_W, RULER_H } from './graph-layout';
import { settled } from './session';
import type { GraphView } from './view';

export interface CurveDebugHooks {
  /** The final value of a control at a frame (the playhead by default), as the editor evaluates it. */
  finalAt(control: string, frame?: number): number | null;
  /** What the preview reads through control-values' sampler, in its current mode. */
  publishedAt(control: string, frame?: number): number | null;
  publishedVersion(): number;
  /** A control's final curve, raw solve or filtered solve at a frame, as the graph draws them. */
  curveAt(control: string, frame: number, kind: 'final' | 'raw' | 'filtered'): number | null;
  /** Every published value at a frame, in the seam's control order (what the head preview draws). */
  publishedValues(frame?: number): number[] | null;
  keys(control: string): { frame: number; value: number; interp: string }[];
  /** Key positions in the graph element (CSS px, relative to the element). */
  keyScreen(control: string, frame: number): { x: number; y: number } | null;
  /** A selected key's tangent handle end in the graph element (CSS px), null when not drawn. */
  handleScreen(control: string, frame: number, side: 'in' | 'out'): { x: number; y: number } | null;
  /** The graph's view (plot size, zoom, scroll), null before it has one. */
  view(): GraphView | null;
  /** The frame the graph last drew its playhead on, null before it drew one. */
  graphPlayhead(): number | null;
  plotTimes(): number[];
  overlayTimes(): number[];
  /** Waits for every edit sent to be saved. */
  settled(): Promise<void>;
}

function enabled(): boolean {
  try {
    return localStorage.getItem('rigsolve.debugHooks') === '1';
  } catch {
    return false;
  }
}

export function installDebugHooks(): () => void {
  if (!enabled()) return () => undefined;
  const hooks: CurveDebugHooks = {
    finalAt(control, frame) {
      const m = editorState().model;
      const c = m?.indexOf(control) ?? -1;
      return m && c >= 0 ? m.finalAt(c, frame ?? usePlayhead.getState().frame) : null;
    },
    publishedAt(control, frame) {
      const s = useControlValues.getState();
      const i = s.controls.indexOf(control);
      if (!s.sample || i < 0) return null;
      const out = new Float32Array(s.controls.length);
      return s.sample(frame ?? usePlayhead.getState().frame, s.previewMode, out) ? out[i]! : null;
    },
    publishedVersion: () => useControlValues.getState().version,
    curveAt(control, frame, kind) {
      const m = editorState().model;
      const c = m?.indexOf(control) ?? -1;
      if (!m || c < 0) return null;
      return kind === 'final' ? m.finalAt(c, frame) : kind === 'raw' ? m.rawAt(c, frame) : m.filteredAt(c, frame);
    },
    publishedValues(frame) {
      const s = useControlValues.getState();
      const out = new Float32Array(s.controls.length);
      // The head's own mode: a comparison shows the final curves on the main head.
      const mode = s.previewMode === 'compare' ? 'final' : s.previewMode;
      return s.sample && s.sample(frame ?? usePlayhead.getState().frame, mode, out) ? Array.from(out) : null;
    },
    keys: (control) => (editorState().model?.layer.keys[control] ?? []).map((k) => ({ ...k })),
    keyScreen(control, frame) {
      const p = graphController()
        ?.keyPositions()
        .find((k) => k.control === control && k.frame === frame);
      return p ? { x: p.x + GUTTER_W, y: p.y + RULER_H } : null;
    },
    handleScreen(control, frame, side) {
      const h = graphController()
        ?.handlePositions()
        .find((p) => p.control === control && p.frame === frame && p.side === side);
      return h ? { x: h.x + GUTTER_W, y: h.y + RULER_H } : null;
    },
    view: () => editorState().view,
    graphPlayhead: () => graphController()?.playheadDrawn ?? null,
    plotTimes: () => ring(graphController()?.plotTimes, graphController()?.plotCount ?? 0),
    overlayTimes: () => ring(graphController()?.overlayTimes, graphController()?.overlayCount ?? 0),
    settled: async () => {
      await settled();
    },
  };
  const w = window as unknown as { __rigsolveCurves?: CurveDebugHooks };
  w.__rigsolveCurves = hooks;
  return () => {
    if (w.__rigsolveCurves === hooks) delete w.__rigsolveCurves;
  };
}

function ring(buf: Float64Array | undefined, count: number): number[] {
  if (!buf) return [];
  const n = Math.min(count, buf.length);
  const out: number[] = [];
  for (let i = count - n; i < count; i++) out.push(buf[i % buf.length]!);
  return out;
}
