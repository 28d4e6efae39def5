/// <reference types="vite/client" />
// The shot's head preview panel: the rig at the playhead, beside the plate or over it. The
// canvas work lives outside React (preview-controller.ts, head-view.ts); React draws the
// toolbar and the notes, and re-renders only when the status changes, never per frame.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/current';
import { useControlValues } from '../state/control-values';
import { requestSelectControls } from '../state/select-request';
import { isTypingTarget, previewKeyAction } from '../keyboard';
import { frameLoader } from '../plate';
import type { ShotPanelProps } from '../ui/shot-panel';
import { addActivePreview } from './active';
import { installPreviewDebugHooks } from './debug-hooks';
import { HeadView } from './head-view';
import { loadRig } from './load-rig';
import { OverlayPlate } from './overlay-plate';
import { PreviewController, type PreviewStatus } from './preview-controller';
import { resetPreviewView, togglePreview, usePreviewStore } from './preview-store';
import { PreviewToolbar } from './PreviewToolbar';
import { usePointerPick } from './use-pointer-pick';
import { rigDataPath, useRigVersions } from '../rig';
import './preview.css';

if (import.meta.env.MODE !== 'production') void import('./test-hook').then((m) => m.installPreviewTestHook());
installPreviewDebugHooks();

type Load = { state: 'loading' } | { state: 'ready'; vertices: number; correctives: number } | { state: 'error'; message: string };

export function HeadPreview({ shot, overlay: stageOverlay }: ShotPanelProps) {
  const stage = useRef<HTMLDivElement>(null);
  const plateCanvas = useRef<HTMLCanvasElement>(null);
  const glCanvas = useRef<HTMLCanvasElement>(null);
  const controller = useRef<PreviewController | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [status, setStatus] = useState<PreviewStatus | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const overlay = usePreviewStore((s) => s.overlay);
  const opacity = usePreviewStore((s) => s.opacity);
  const stabilise = usePreviewStore((s) => s.stabilise);
  const overlayMode = usePreviewStore((s) => s.overlayMode);
  const hasSource = (shot.width ?? 0) > 0 && (shot.height ?? 0) > 0;
  const rigVersion = useRigVersions((s) => s.versions[shot.id] ?? 0);

  useEffect(() => {
    const canvas = glCanvas.current;
    const wrap = stage.current;
    const plate = plateCanvas.current;
    if (!canvas || !wrap || !plate) return;
    let view: HeadView;
    try {
      view = new HeadView(canvas, () => controller.current?.scheduler.request());
    } catch (e) {
      setLoad({ state: 'error', message: `WebGL is not available here (${e instanceof Error ? e.message : String(e)}).` });
      return;
    }
    const source = hasSource ? { width: shot.width ?? 0, height: shot.height ?? 0 } : null;
    const c = new PreviewController(
      view,
      { id: shot.id, fps: shot.fps > 0 ? shot.fps : 24, source, camera: shot.camera, fovDeg: shot.fovDeg },
      new OverlayPlate(plate, frameLoader()),
      setStatus,
    );
    controller.current = c;
    const unregister = addActivePreview({ view, controller: c });
    c.start();
    const ro = new ResizeObserver(() => c.resize({ width: wrap.clientWidth, height: wrap.clientHeight }, window.devicePixelRatio || 1));
    ro.observe(wrap);
    const onLost = (e: Event) => {
      e.preventDefault(); // lets the browser restore the context; three re-uploads on restore
      setLoad({ state: 'error', message: 'The graphics context was lost; it comes back when the GPU recovers.' });
    };
    canvas.addEventListener('webglcontextlost', onLost);
    let alive = true;
    setLoad({ state: 'loading' });
    loadRig(api().dataUrl(rigDataPath(shot.id, shot.rigPath ?? null, rigVersion))).then(
      (rig) => {
        if (!alive) return;
        c.setRig(rig);
        setLoad({ state: 'ready', vertices: rig.vertexCount, correctives: rig.correctiveCount });
      },
      (e: unknown) => alive && setLoad({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      alive = false;
      canvas.removeEventListener('webglcontextlost', onLost);
      ro.disconnect();
      c.dispose();
      view.setRig(null);
      view.dispose();
      controller.current = null;
      unregister();
    };
  }, [shot.id, shot.width, shot.height, shot.fps, hasSource, attempt, shot.rigPath, rigVersion]);

  // A field of view set, or a camera file re-imported, re-aims the plate camera without a new view.
  useEffect(() => controller.current?.setShotCamera(shot.camera, shot.fovDeg), [shot.camera, shot.fovDeg]);

  usePreviewKeys();

  const onPick = useCallback((x: number, y: number, whole: boolean) => {
    const r = controller.current?.pickAt(x, y, whole);
    if (!r) {
      setPicked(null);
      return;
    }
    requestSelectControls(r.controls, r.primary);
    setPicked(`${r.primary}${r.controls.length > 1 ? ` + ${r.controls.length - 1} in its region` : ''}`);
  }, []);
  usePointerPick(glCanvas, onPick);

  const single = status?.compare !== 'values' && hasSource;
  const showOverlay = overlay && single;
  // Stabilised, the plate shows (moving, the face still) with the head at rest over it only in overlay.
  const showPlate = (overlay || stabilise) && single;
  const hideHead = stabilise && single && !overlay;
  // Diff is |head − plate| per pixel, so the head goes in whole: at the Mix opacity, (1 − opacity) of
  // the plate would show through undifferenced and the face would read as a dimmed overlay.
  const diff = showOverlay && overlayMode === 'difference';
  return (
    <div className="head-preview" data-testid="head-preview" data-load={load.state} data-values={status?.values ?? ''} data-layout={status?.layout ?? ''}>
      <PreviewToolbar overlayAvailable={hasSource} shot={shot} />
      <div className="head-stage" ref={stage}>
        <canvas ref={plateCanvas} className="head-plate" data-testid="head-plate" style={{ visibility: showPlate ? 'visible' : 'hidden' }} />
        <canvas
          ref={glCanvas}
          className="head-canvas"
          data-testid="head-canvas"
          data-overlay-mode={showOverlay ? overlayMode : ''}
          style={{
            opacity: hideHead ? 0 : showOverlay && !diff ? opacity : 1,
            mixBlendMode: diff ? 'difference' : 'normal',
          }}
        />
        <ModeLabel status={status} />
        {stageOverlay}
        <div className="head-notes">
          {load.state === 'loading' ? (
            <span className="head-note">
              <span className="spinner" /> Loading the rig…
            </span>
          ) : null}
          {load.state === 'ready' && status && status.values !== 'values' ? (
            <span className="head-note" data-testid="preview-no-solve">
              {status.values === 'no-sampler' ? 'No solve yet: neutral head' : `No ${status.mode} values at this frame: neutral head`}
            </span>
          ) : null}
          {status?.compare === 'unavailable' ? <span className="head-note">No other take to compare with</span> : null}
          {picked ? <span className="head-note picked">Selected {picked}</span> : null}
        </div>
        {load.state === 'error' ? (
          <div className="head-error" data-testid="preview-error" role="alert">
            <strong>The head cannot be shown</strong>
            <span>{load.message}</span>
            <button className="btn" onClick={() => setAttempt((a) => a + 1)}>
              Retry
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function ModeLabel({ status }: { status: PreviewStatus | null }) {
  const compareLabel = useControlValues((s) => s.compare?.label);
  if (!status || status.values !== 'values') return null;
  if (status.compare === 'values') {
    return (
      <div className={`head-labels ${status.layout}`}>
        <span className="head-label">Final</span>
        <span className="head-label">{compareLabel || 'Compared take'}</span>
      </div>
    );
  }
  return (
    <div className="head-labels">
      <span className="head-label">{status.mode === 'raw' ? 'Raw solve' : 'Final'}</span>
    </div>
  );
}

/** Alt+O / W / N / 0 while the preview is mounted (keymap.ts lists them in the help). */
function usePreviewKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target) || document.querySelector('.dialog')) return;
      const a = previewKeyAction(e);
      if (!a) return;
      e.preventDefault();
      if (a.type === 'previewReset') resetPreviewView();
      else togglePreview(a.what);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
