// One time axis for the shot view. The curve editor's plot says where it is on the page; the
// timeline sits exactly under it (its margins), and the graph's Frame All (and its first view)
// places frames by the timeline's own rule (timeline-math's frameToPx, with the timeline's pad)
// over the plot. So while the graph shows the whole shot, frame f is at one x in the graph and on
// the timeline, and the two playheads are one line.
import { create } from 'zustand';

/** The graph's plot, in client (page) px. */
export interface PlotSpan {
  left: number;
  right: number;
}

export const useTimeAxis = create<{ plot: PlotSpan | null }>()(() => ({ plot: null }));

/** The graph publishes its plot (null when it goes); an unchanged span causes no update. */
export function publishPlotSpan(plot: PlotSpan | null): void {
  const cur = useTimeAxis.getState().plot;
  if (cur === plot || (cur && plot && cur.left === plot.left && cur.right === plot.right)) return;
  useTimeAxis.setState({ plot });
}

/**
 * The timeline's margins inside its container (client px span) that put it exactly under the plot;
 * null when the plot is not over the container.
 */
export function timelineInset(container: PlotSpan, plot: PlotSpan): { left: number; right: number } | null {
  const left = plot.left - container.left;
  const right = container.right - plot.right;
  if (left < 0 || right < 0 || plot.right <= plot.left) return null;
  return { left: Math.round(left), right: Math.round(right) };
}
