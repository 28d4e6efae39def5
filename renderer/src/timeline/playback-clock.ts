// Real-time playback: the frame to show is computed from elapsed wall time, never by counting
// animation callbacks, so a slow decode or a dropped vsync skips frames instead of drifting.
export interface PlaybackAnchor {
  /** Frame shown at anchorTime. */
  frame: number;
  /** performance.now() when playback (re)started. */
  time: number;
}

export interface PlaybackRange {
  first: number;
  last: number;
  fps: number;
  loop: boolean;
}

/** The frame due at `now`, and whether playback ran off the end (when not looping). */
export function frameAt(anchor: PlaybackAnchor, now: number, r: PlaybackRange): { frame: number; ended: boolean } {
  const elapsed = Math.max(0, now - anchor.time);
  const advanced = Math.floor((elapsed * r.fps) / 1000 + 1e-6);
  const raw = anchor.frame + advanced;
  if (raw <= r.last) return { frame: raw, ended: false };
  if (!r.loop) return { frame: r.last, ended: true };
  const span = r.last - r.first + 1;
  return { frame: r.first + ((raw - r.first) % span), ended: false };
}
