// Read-only hooks for the bench (and any end-to-end test of the shipped build), on
// window.__rigsolvePreview. Installed only when localStorage "rigsolve.debugHooks" is "1", as
// the curve editor's (curves/debug-hooks.ts), so a user's page exposes nothing.
import { activePreview } from './active';
import { SCALE_LADDER } from './render-scale';

export interface PreviewDebugHooks {
  /** The frame the main head was last drawn for, and the values it was drawn with (live: copy them). */
  drawn(): { frame: number | null; values: Float32Array | null };
  /** The moving scale in use (× the display's pixel ratio) and the last measured frame cost. */
  pacing(): { movingScale: number; frameCostMs: number; canvasWidth: number } | null;
}

function enabled(): boolean {
  try {
    return localStorage.getItem('rigsolve.debugHooks') === '1';
  } catch {
    return false;
  }
}

export function installPreviewDebugHooks(): void {
  if (!enabled()) return;
  const hooks: PreviewDebugHooks = {
    drawn() {
      const c = activePreview()?.controller;
      return { frame: c?.lastDrawnFrame ?? null, values: c?.drawnValues() ?? null };
    },
    pacing() {
      const p = activePreview();
      if (!p) return null;
      const { pacer } = p.controller;
      return { movingScale: SCALE_LADDER[pacer.scale.movingStep]!, frameCostMs: pacer.frameCostMs, canvasWidth: p.view.canvas.width };
    },
  };
  (window as unknown as { __rigsolvePreview?: PreviewDebugHooks }).__rigsolvePreview = hooks;
}
