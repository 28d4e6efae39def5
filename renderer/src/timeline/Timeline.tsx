// Timeline: frame ruler, warning/missing ticks and the playhead. Click or drag anywhere to
// scrub (pointer capture keeps the drag alive outside the element); hover shows the frame.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent, type ReactNode, type RefObject } from 'react';
import { seek, usePlayhead } from '../state/playhead';
import { timelineInset, useTimeAxis } from '../state/time-axis';
import { CacheLine, type CacheSource } from './CacheLine';
import { drawRuler } from './draw-ruler';
import { frameToPx, pxToFrame, type Marker, type TimelineSpace } from './timeline-math';
import './timeline.css';

export const TIMELINE_PAD = 10;

interface Props {
  first: number;
  last: number;
  markers: readonly Marker[];
  cache?: CacheSource;
  /** Extra lanes drawn over the ruler (review notes, in/out marks, failed frames), in its space. */
  layers?: (space: TimelineSpace) => ReactNode;
  /** Shift+drag selects a frame range instead of scrubbing (`done` on release). */
  onRangeDrag?: (from: number, to: number, done: boolean) => void;
  className?: string;
}

export function Timeline({ first, last, markers, cache, layers, onRangeDrag, className }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0, dpr: 1 });
  const [hover, setHover] = useState<{ x: number; frame: number } | null>(null);
  const rangeFrom = useRef<number | null>(null);
  const frame = usePlayhead((s) => s.frame);
  const space: TimelineSpace = useMemo(() => ({ first, last, width: size.width, pad: TIMELINE_PAD }), [first, last, size.width]);
  // Over the curve editor's plot when it is on screen (one time axis: state/time-axis).
  const inset = useTimelineInset(wrap);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight, dpr: window.devicePixelRatio || 1 }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || size.width === 0) return;
    c.width = Math.round(size.width * size.dpr);
    c.height = Math.round(size.height * size.dpr);
    drawRuler(ctx, space, size.height, size.dpr, markers);
  }, [space, size, markers]);

  const frameAtEvent = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return pxToFrame(space, e.clientX - rect.left);
  };

  return (
    <div
      ref={wrap}
      className={className ? `timeline ${className}` : 'timeline'}
      data-testid="timeline"
      data-first={first}
      data-last={last}
      data-pad={TIMELINE_PAD}
      style={inset ? { marginLeft: inset.left, marginRight: inset.right } : undefined}
      role="slider"
      aria-label="Timeline"
      aria-valuemin={first}
      aria-valuemax={last}
      aria-valuenow={frame}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        if (e.shiftKey && onRangeDrag) {
          rangeFrom.current = frameAtEvent(e);
          onRangeDrag(rangeFrom.current, rangeFrom.current, false);
          return;
        }
        rangeFrom.current = null;
        seek(frameAtEvent(e));
      }}
      onPointerMove={(e) => {
        const rect = e.currentTarget.getBoundingClientRect();
        setHover({ x: e.clientX - rect.left, frame: frameAtEvent(e) });
        if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
        if (rangeFrom.current !== null && onRangeDrag) onRangeDrag(rangeFrom.current, frameAtEvent(e), false);
        else seek(frameAtEvent(e));
      }}
      onPointerUp={(e) => {
        if (rangeFrom.current !== null && onRangeDrag) onRangeDrag(rangeFrom.current, frameAtEvent(e), true);
        rangeFrom.current = null;
      }}
      onPointerLeave={() => setHover(null)}
    >
      <canvas ref={canvas} className="timeline-canvas" />
      {cache && size.width > 0 ? <CacheLine space={space} source={cache} /> : null}
      {layers && size.width > 0 ? layers(space) : null}
      {size.width > 0 ? (
        <div className="playhead" style={{ transform: `translateX(${frameToPx(space, frame)}px)` }}>
          <span className="playhead-label num" style={{ transform: `translateX(${labelShift(frameToPx(space, frame), frame, size.width)}px)` }}>
            {frame}
          </span>
        </div>
      ) : null}
      {hover && size.width > 0 ? (
        <div className="hover-frame num" style={{ transform: `translateX(${frameToPx(space, hover.frame)}px)` }}>
          {hover.frame}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The margins that put the timeline under the curve editor's plot while it is on screen, so the
 * two lay frames on the same pixels; null (full width) otherwise.
 */
function useTimelineInset(wrap: RefObject<HTMLDivElement | null>): { left: number; right: number } | null {
  const plot = useTimeAxis((s) => s.plot);
  const [inset, setInset] = useState<{ left: number; right: number } | null>(null);
  useLayoutEffect(() => {
    const box = wrap.current?.parentElement?.getBoundingClientRect();
    const next = box && plot ? timelineInset({ left: box.left, right: box.right }, plot) : null;
    setInset((cur) => (cur?.left === next?.left && cur?.right === next?.right ? cur : next));
  }, [plot, wrap]);
  return inset;
}

/** Centres the playhead's label on it, but keeps it inside the timeline at either end. */
function labelShift(x: number, frame: number, width: number): number {
  const w = String(frame).length * 6.5 + 8;
  return Math.min(Math.max(-w / 2, -x), width - x - w);
}
