// The curves a take comparison holds (the review's compare panel loads them): drawn dashed by the
// curve editor, and published on the control-values seam for the head preview's second head,
// which reads them in the control order the curve editor published (useControlValues.controls).
import { create } from 'zustand';
import { publishCompareValues, useControlValues } from './control-values';

export interface CompareState {
  shotId: number | null;
  /** What the second head shows, for its label: "Take 3". */
  label: string;
  firstFrame: number;
  curves: ReadonlyMap<string, Float32Array> | null;
  /** Bumped on every change: redraw. */
  version: number;
}

export const useCompare = create<CompareState>()(() => ({ shotId: null, label: '', firstFrame: 0, curves: null, version: 0 }));

export function setCompareCurves(shotId: number, label: string, firstFrame: number, curves: ReadonlyMap<string, Float32Array>): void {
  useCompare.setState((s) => ({ shotId, label, firstFrame, curves, version: s.version + 1 }));
  // On the seam for the head preview (publishing bumps its version: the head redraws).
  publishCompareValues({ label, sample: (frame, out) => compareSample(frame, out) });
}

export function clearCompare(): void {
  useCompare.setState((s) => ({ shotId: null, label: '', curves: null, version: s.version + 1 }));
  // The second head has nothing left to show: back to the animator's final curves.
  if (useControlValues.getState().previewMode === 'compare') useControlValues.setState({ previewMode: 'final' });
  publishCompareValues(null);
}

/**
 * Writes the compared curves' values at `frame` into `out`, in the order of `controls` (by default
 * the order the curve editor published); false when there is no comparison or the frame is outside
 * it. Controls the compared take lacks read 0 (the rig's neutral).
 */
export function compareSample(frame: number, out: Float32Array, controls: readonly string[] = useControlValues.getState().controls): boolean {
  const { curves, firstFrame } = useCompare.getState();
  if (!curves) return false;
  const i = frame - firstFrame;
  let any = false;
  for (let c = 0; c < controls.length && c < out.length; c++) {
    const v = curves.get(controls[c]!);
    if (v && i >= 0 && i < v.length) {
      out[c] = v[i]!;
      any = true;
    } else out[c] = 0;
  }
  return any;
}
