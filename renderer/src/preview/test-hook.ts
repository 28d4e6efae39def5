// window.__rigsolveTest.preview: drives and reads the head preview from an end-to-end test.
// Installed only outside production builds (HeadPreview.tsx), so the shipped app has none.
import { DEFAULT_CONTROLS } from '../../../electron/common/controls';
import { HEAD_CHANNELS } from '../../../electron/common/head';
import { clearControlValues, publishControlValues, useControlValues, type ValuesMode } from '../state/control-values';
import { useSelectRequest, type SelectControlsRequest } from '../state/select-request';
import { activePreview } from './active';
import { plateView } from './framing';

type Values = Readonly<Record<string, number>>;

function toArray(controls: readonly string[], v: Values | undefined): Float32Array | null {
  return v ? Float32Array.from(controls, (c) => v[c] ?? 0) : null;
}

const previewTestApi = {
  /** Publishes a constant sampler: `final` for final (and compare), `raw` for raw (absent: no data). */
  publish(shotId: number, final: Values, raw?: Values, compare?: Values): void {
    // The head channels after the controls, as a take with head motion publishes them.
    const controls = [...DEFAULT_CONTROLS.map((c) => c.name), ...HEAD_CHANNELS];
    const byMode: Record<ValuesMode, Float32Array | null> = {
      final: toArray(controls, final),
      raw: toArray(controls, raw),
      compare: toArray(controls, compare),
    };
    publishControlValues(shotId, controls, (_frame, mode, out) => {
      const v = byMode[mode];
      if (!v) return false;
      out.set(v);
      return true;
    });
  },
  clear(): void {
    clearControlValues();
  },
  setMode(mode: ValuesMode): void {
    useControlValues.setState({ previewMode: mode });
  },
  /** Pixels not of the background colour, and a grey thumbnail (every `step` px) to compare images. */
  snapshot(step = 4): { width: number; height: number; nonBackground: number; gray: number[] } | null {
    const p = activePreview();
    if (!p) return null;
    // What a settled view shows (moving frames may be drawn coarser: render-scale.ts).
    p.controller.pacer.settle();
    const { width, height, pixels } = p.view.snapshot();
    const bg = [pixels[0]!, pixels[1]!, pixels[2]!];
    let nonBackground = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (Math.abs(pixels[i]! - bg[0]!) + Math.abs(pixels[i + 1]! - bg[1]!) + Math.abs(pixels[i + 2]! - bg[2]!) > 12) nonBackground++;
    }
    const gray: number[] = [];
    for (let y = 0; y < height; y += step)
      for (let x = 0; x < width; x += step) {
        const o = (y * width + x) * 4;
        gray.push(Math.round((pixels[o]! + pixels[o + 1]! + pixels[o + 2]!) / 3));
      }
    return { width, height, nonBackground, gray };
  },
  /**
   * Where the head is drawn over the plate: for each pixel of a `size`² grid over the plate's
   * rectangle (row 0 at the top), 1 where the head covers it (the canvas is transparent around the
   * head in overlay), with the plate-camera state the frame was drawn with and the plate's rectangle
   * in the canvas (CSS px), where a test reads the composited page (the overlay's blend) from.
   */
  plateMask(size: number): { mask: number[]; register: unknown; rect: { x: number; y: number; width: number; height: number } } | null {
    const p = activePreview();
    const source = p?.controller.source;
    if (!p || !source) return null;
    p.controller.pacer.settle();
    const { width, height, pixels } = p.view.snapshot();
    const css = p.view.cssSize;
    const { view } = plateView(css, source);
    const sx = width / css.width,
      sy = height / css.height;
    const mask: number[] = [];
    for (let v = 0; v < size; v++)
      for (let u = 0; u < size; u++) {
        const cx = -view.x + ((u + 0.5) / size) * view.fullWidth,
          cy = -view.y + ((v + 0.5) / size) * view.fullHeight;
        const x = Math.floor(cx * sx),
          y = height - 1 - Math.floor(cy * sy); // GL rows start at the bottom
        mask.push(x >= 0 && x < width && y >= 0 && y < height && pixels[(y * width + x) * 4 + 3]! > 127 ? 1 : 0);
      }
    return { mask, register: p.controller.lastRegister, rect: { x: -view.x, y: -view.y, width: view.fullWidth, height: view.fullHeight } };
  },
  /**
   * The id pass (head-view.ts partCoverage): pixels per mesh and side (counts[part][0] the image's
   * left from the front, [1] its right) of the view as settled, or, given `moving` (a ratio to the
   * display's, e.g. 0.5), of a frame drawn as a moving one at that scale (coarse triangles below 1).
   * Null until the rig's coarse lists exist (they come half a second after the head), so a moving
   * frame is drawn as playback draws it.
   */
  parts(moving?: number): {
    names: string[];
    width: number;
    height: number;
    ratio: number;
    coarse: boolean;
    counts: number[][];
    other: number;
  } | null {
    const p = activePreview();
    if (!p) return null;
    p.controller.pacer.settle();
    if (moving !== undefined) {
      p.view.setPixelRatio(moving * p.view.display.dpr);
      if (moving < 1 && !p.view.usesCoarse) return null;
    }
    const c = p.view.partCoverage();
    if (moving !== undefined) p.controller.pacer.settle();
    return c && { names: p.view.meshNames, ...c };
  },
  /** Draws the view as a moving frame at `scale` × the display's ratio and leaves it on screen (a screenshot then shows what playback shows). */
  showMoving(scale: number): { ratio: number; coarse: boolean; canvasWidth: number } | null {
    const p = activePreview();
    if (!p) return null;
    p.controller.pacer.settle();
    p.view.setPixelRatio(scale * p.view.display.dpr);
    p.view.render();
    return { ratio: scale * p.view.display.dpr, coarse: p.view.usesCoarse, canvasWidth: p.view.canvas.width };
  },
  /** Draws the view settled again (after showMoving). */
  settle(): void {
    activePreview()?.controller.pacer.settle();
  },
  /** Pixels the head's canvas covers (alpha > 0) inside and outside the plate's rectangle, as settled. */
  coverageByPlate(): { inside: number; outside: number } | null {
    const p = activePreview();
    if (!p) return null;
    p.controller.pacer.settle();
    const { width, height, pixels } = p.view.snapshot();
    const r = p.view.plateRect();
    const css = p.view.cssSize;
    const sx = width / css.width,
      sy = height / css.height;
    let inside = 0,
      outside = 0;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        if (pixels[(y * width + x) * 4 + 3]! === 0) continue;
        const cx = (x + 0.5) / sx,
          cy = (height - 1 - y + 0.5) / sy; // GL rows start at the bottom
        if (cx >= r.x && cx < r.x + r.width && cy >= r.y && cy < r.y + r.height) inside++;
        else outside++;
      }
    return { inside, outside };
  },
  /** `triangles`: drawn by the last render (fewer when a moving frame used the coarse lists). */
  stats(): { renders: number; lastRenderMs: number; lastFrame: number | null; scaleStep: number; canvasWidth: number; triangles: number } | null {
    const p = activePreview();
    if (!p) return null;
    return {
      renders: p.controller.scheduler.renders,
      lastRenderMs: p.view.lastRenderMs,
      lastFrame: p.controller.lastDrawnFrame,
      scaleStep: p.controller.pacer.scale.movingStep,
      canvasWidth: p.view.canvas.width,
      triangles: p.view.renderer.info.render.triangles,
    };
  },
  /** Times `n` renders, each finished by a 1-pixel read-back (so the GPU, or SwiftShader, has done the work). */
  timeRenders(n: number): { meanMs: number; maxMs: number } | null {
    const p = activePreview();
    if (!p) return null;
    const gl = p.view.renderer.getContext();
    const px = new Uint8Array(4);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      p.view.render();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      times.push(performance.now() - t0);
    }
    return { meanMs: times.reduce((a, b) => a + b, 0) / n, maxMs: Math.max(...times) };
  },
  pick(x: number, y: number, wholeRegion = false): { primary: string; controls: readonly string[] } | null {
    return activePreview()?.controller.pickAt(x, y, wholeRegion) ?? null;
  },
  /** The last "select these controls" request a click made for the curve editor. */
  selectRequest(): SelectControlsRequest | null {
    return useSelectRequest.getState().request;
  },
};

export type PreviewTestApi = typeof previewTestApi;

export function installPreviewTestHook(): void {
  const w = window as unknown as { __rigsolveTest?: Record<string, unknown> };
  w.__rigsolveTest = { ...(w.__rigsolveTest ?? {}), preview: previewTestApi };
}
