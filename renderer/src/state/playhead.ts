// The shot view's playhead and display mode. Kept in its own store because the plate, timeline,
// frame counter and (next) the head preview and curve editor all follow it at playback rate;
// each subscribes to just the fields it draws.
import { create } from 'zustand';

export type PlateMode = 'rgb' | 'normal' | 'side';

interface PlayheadState {
  shotId: number | null;
  first: number;
  last: number;
  frame: number;
  playing: boolean;
  /** +1 or -1: which way the user last moved, so prefetch looks ahead the right way. */
  direction: 1 | -1;
  mode: PlateMode;
  /** The frame whose pixels are on the plate right now (null until the first draw). */
  shownFrame: number | null;
}

export const usePlayhead = create<PlayheadState>()(() => ({
  shotId: null,
  first: 0,
  last: 0,
  frame: 0,
  playing: false,
  direction: 1,
  mode: 'rgb',
  shownFrame: null,
}));

export function clampFrame(frame: number, first: number, last: number): number {
  return Math.min(last, Math.max(first, Math.round(frame)));
}

export function resetPlayhead(shotId: number, first: number, last: number, frame: number | null, mode: PlateMode): void {
  usePlayhead.setState({
    shotId,
    first,
    last,
    frame: clampFrame(frame ?? first, first, last),
    playing: false,
    direction: 1,
    mode,
    shownFrame: null,
  });
}

/** Moves the playhead (stopping playback: a manual move wins). */
export function seek(frame: number): void {
  const s = usePlayhead.getState();
  const f = clampFrame(frame, s.first, s.last);
  if (f === s.frame && !s.playing) return;
  usePlayhead.setState({ frame: f, playing: false, direction: f < s.frame ? -1 : f > s.frame ? 1 : s.direction });
}

export function step(delta: number): void {
  seek(usePlayhead.getState().frame + delta);
}

export function togglePlay(): void {
  const s = usePlayhead.getState();
  if (s.playing) usePlayhead.setState({ playing: false });
  // At the end, play starts over rather than doing nothing.
  else usePlayhead.setState({ playing: true, direction: 1, frame: s.frame >= s.last ? s.first : s.frame });
}
