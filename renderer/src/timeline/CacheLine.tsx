// The cache line under the ruler (as in Nuke or RV): which frames are decoded and ready, so a
// user sees prefetch run ahead of playback. Redrawn at most once per animation frame.
import { useEffect, useRef } from 'react';
import { frameRuns } from './cache-runs';
import { frameToPx, type TimelineSpace } from './timeline-math';

export interface CacheSource {
  frames(): number[];
  onChange(listener: () => void): () => void;
}

export function CacheLine({ space, source }: { space: TimelineSpace; source: CacheSource }) {
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || space.width <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(space.width * dpr);
    c.height = Math.round(3 * dpr);
    let raf = 0;
    const draw = () => {
      raf = 0;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, space.width, 3);
      ctx.fillStyle = '#3f9a5a';
      const half = (frameToPx(space, space.first + 1) - frameToPx(space, space.first)) / 2;
      for (const [a, b] of frameRuns(source.frames())) {
        const x0 = frameToPx(space, a) - half;
        ctx.fillRect(x0, 0, Math.max(1, frameToPx(space, b) + half - x0), 3);
      }
    };
    draw();
    const off = source.onChange(() => {
      if (!raf) raf = requestAnimationFrame(draw);
    });
    return () => {
      off();
      cancelAnimationFrame(raf);
    };
  }, [space, source]);

  return <canvas ref={ref} className="cache-line" aria-hidden="true" />;
}
