// Which frames to load ahead of the playhead. Playback looks about a second ahead; scrubbing a
// shorter way in the direction of travel and a little behind, since a scrub often turns back.
// With `lookAhead`, both reach that many frames ahead: paused, after the scrub's neighbours, so
// the frames a play will need are decoded while the user looks (a viewer's look-ahead cache).
// While playing, the frames the playhead reaches before a fetch started now could be decoded
// (`latencyMs`) are left out: asked for, they would arrive after their turn on screen and hold
// up the frames after them, and a plate that fell behind once would never catch up.
import { FRAME_CACHE_BYTES } from './frame-loader';

/** Seconds of plate kept decoded ahead of the playhead… */
const LOOK_AHEAD_S = 5;
/** …within this share of the frame cache, so the look-ahead never evicts what it just loaded. */
const LOOK_AHEAD_CACHE_SHARE = 0.5;

/** Frames to keep decoded ahead: LOOK_AHEAD_S of the shot, as far as the cache holds them. */
export function lookAheadFrames(
  fps: number,
  source: { width: number; height: number },
  kinds: number,
  width: number | undefined,
  cacheBytes = FRAME_CACHE_BYTES,
): number {
  const w = width ?? source.width;
  const h = source.width > 0 ? Math.round((w * source.height) / source.width) : w;
  const frameBytes = Math.max(1, w * h * 4 * kinds);
  return Math.max(0, Math.min(Math.round(LOOK_AHEAD_S * fps), Math.floor((cacheBytes * LOOK_AHEAD_CACHE_SHARE) / frameBytes)));
}

/** Frames to prefetch in priority order, the current one excluded. */
export function prefetchFrames(
  current: number,
  direction: 1 | -1,
  first: number,
  last: number,
  opts: { playing: boolean; fps: number; loop: boolean; latencyMs?: number; lookAhead?: number },
): number[] {
  const near = opts.playing ? Math.max(8, Math.min(48, Math.ceil(opts.fps))) : 8;
  const ahead = Math.max(near, opts.lookAhead ?? 0);
  // Frame i ahead is on screen i/fps seconds from now: worth fetching once i/fps ≥ the latency.
  const firstUseful = opts.playing ? Math.max(1, Math.ceil(((opts.latencyMs ?? 0) * opts.fps) / 1000)) : 1;
  const behind = opts.playing ? 0 : 3;
  const span = last - first + 1;
  const out: number[] = [];
  const seen = new Set<number>([current]);
  const push = (f: number) => {
    let g = f;
    if (g < first || g > last) {
      // While playing on loop, ahead of the last frame is the start of the shot.
      if (!(opts.playing && opts.loop) || span <= 0) return;
      g = first + ((((g - first) % span) + span) % span);
    }
    if (!seen.has(g)) {
      seen.add(g);
      out.push(g);
    }
  };
  if (opts.playing) {
    for (let i = firstUseful; i < firstUseful + ahead; i++) push(current + direction * i);
    return out;
  }
  for (let i = 1; i <= near; i++) push(current + direction * i);
  for (let i = 1; i <= behind; i++) push(current - direction * i);
  // Paused, the look-ahead is towards the end of the shot (where Space plays to), whatever the
  // direction of the last scrub.
  for (let i = 1; i <= ahead; i++) push(current + i);
  return out;
}
