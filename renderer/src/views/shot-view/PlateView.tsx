// The plate viewer: a canvas driven by PlateRenderer, fed straight from the playhead store
// (no React render per frame), with a small HUD.
import { useEffect, useMemo, useRef } from 'react';
import type { FrameInfo, ShotDetail } from '../../../../electron/common/api/schemas';
import { frameLoader, makeAvailability, PlateRenderer, type PlateStatus } from '../../plate';
import { usePlayhead } from '../../state/playhead';

interface Props {
  shot: ShotDetail;
  frames: readonly FrameInfo[];
  loop: boolean;
}

export function PlateView({ shot, frames, loop }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const hudFrame = useRef<HTMLSpanElement>(null);
  const hudProxy = useRef<HTMLSpanElement>(null);
  const hudSpin = useRef<HTMLSpanElement>(null);
  const mode = usePlayhead((s) => s.mode);
  const availability = useMemo(() => makeAvailability(shot.hasNormal, frames), [shot.hasNormal, frames]);

  useEffect(() => {
    const c = canvas.current;
    const w = wrap.current;
    if (!c || !w) return;
    let spinTimer: ReturnType<typeof setTimeout> | undefined;
    const onStatus = (s: PlateStatus) => {
      if (hudFrame.current) hudFrame.current.textContent = String(s.shown ?? s.wanted);
      if (hudProxy.current) hudProxy.current.textContent = s.proxyWidth ? `proxy ${s.proxyWidth}px` : 'full res';
      // Only show the spinner when loading is slow enough to notice.
      clearTimeout(spinTimer);
      if (s.shown === null) spinTimer = setTimeout(() => hudSpin.current?.classList.add('on'), 150);
      else hudSpin.current?.classList.remove('on');
    };
    const renderer = new PlateRenderer(c, frameLoader(), onStatus);
    const source = { width: shot.width ?? 0, height: shot.height ?? 0 };
    const show = () => {
      const s = usePlayhead.getState();
      if (s.shotId !== shot.id) return;
      renderer.show({
        shotId: shot.id,
        frame: s.frame,
        mode: s.mode,
        source,
        first: s.first,
        last: s.last,
        fps: shot.fps,
        playing: s.playing,
        direction: s.direction,
        loop,
        availability,
      });
    };
    const ro = new ResizeObserver(() => {
      renderer.resize({ width: w.clientWidth, height: w.clientHeight }, window.devicePixelRatio || 1);
      show();
    });
    ro.observe(w);
    const unsub = usePlayhead.subscribe((s, prev) => {
      if (s.frame !== prev.frame || s.mode !== prev.mode || s.playing !== prev.playing || s.shotId !== prev.shotId) show();
    });
    show();
    return () => {
      ro.disconnect();
      unsub();
      clearTimeout(spinTimer);
    };
  }, [shot, availability, loop]);

  return (
    <div className="plate-wrap" ref={wrap}>
      <canvas ref={canvas} className="plate-canvas" data-testid="plate" />
      <div className={`plate-labels ${mode === 'side' ? 'two' : 'one'}`}>
        {(mode === 'side' ? ['RGB', 'Normal'] : [mode === 'rgb' ? 'RGB' : 'Normal']).map((l) => (
          <span key={l} className="plate-label">
            {l}
          </span>
        ))}
      </div>
      <div className="plate-hud">
        <span className="hud-frame num" ref={hudFrame} />
        <span className="hud-spin spinner" ref={hudSpin} />
        <span className="hud-proxy num" ref={hudProxy} />
      </div>
    </div>
  );
}
