// Which frames to load ahead of the playhead. Playback looks about a second ahead; scrubbing a
// shorter way in the direction of travel and a little behind, since a scrub often turns back.
/** Frames to prefetch in priority order, the current one excluded. */
export function prefetchFrames(
  current: number,
  direction: 1 | -1,
  first: number,
  last: number,
  opts: { playing: boolean; fps: number; loop: boolean },
): number[] {
  const ahead = opts.playing ? Math.max(8, Math.min(48, Math.ceil(opts.fps))) : 8;
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
  for (let i = 1; i <= ahead; i++) push(current + direction * i);
  for (let i = 1; i <= behind; i++) push(current - direction * i);
  return out;
}
