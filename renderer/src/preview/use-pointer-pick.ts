// A click (not a drag: the drag orbits) on the head canvas picks; Shift widens to both sides.
import { useEffect, type RefObject } from 'react';

const SLOP_PX = 4;

export function usePointerPick(canvas: RefObject<HTMLCanvasElement | null>, onPick: (x: number, y: number, wholeRegion: boolean) => void): void {
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    let down: { x: number; y: number; id: number } | null = null;
    const onDown = (e: PointerEvent) => {
      down = e.button === 0 ? { x: e.clientX, y: e.clientY, id: e.pointerId } : null;
    };
    const onUp = (e: PointerEvent) => {
      const d = down;
      down = null;
      if (!d || d.id !== e.pointerId || Math.hypot(e.clientX - d.x, e.clientY - d.y) > SLOP_PX) return;
      const r = c.getBoundingClientRect();
      onPick(e.clientX - r.left, e.clientY - r.top, e.shiftKey);
    };
    c.addEventListener('pointerdown', onDown);
    c.addEventListener('pointerup', onUp);
    return () => {
      c.removeEventListener('pointerdown', onDown);
      c.removeEventListener('pointerup', onUp);
    };
  }, [canvas, onPick]);
}
