// Drives the playhead while playing: one requestAnimationFrame loop, frame chosen from real
// elapsed time (playback-clock), so frames that are not decoded in time are dropped, not
// waited for, and playback never drifts from the shot's fps.
import { useEffect } from 'react';
import { frameAt } from '../../timeline';
import { usePlayhead } from '../../state/playhead';

export function usePlayback(fps: number, loop: boolean): void {
  const playing = usePlayhead((s) => s.playing);

  useEffect(() => {
    if (!playing) return;
    const s0 = usePlayhead.getState();
    const anchor = { frame: s0.frame, time: performance.now() };
    let raf = 0;
    const tick = (now: number) => {
      const s = usePlayhead.getState();
      if (!s.playing) return;
      const { frame, ended } = frameAt(anchor, now, { first: s.first, last: s.last, fps, loop });
      if (frame !== s.frame || ended) usePlayhead.setState({ frame, playing: !ended });
      if (!ended) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, fps, loop]);
}
