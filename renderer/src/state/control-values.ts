// The seam between what computes control values and what shows them. The curve editor (which
// owns the take's curves and the correction layer) publishes a sampler here; the head preview,
// the review player and anything else that needs "the values at frame F" read it. The take
// comparison publishes its second take here too. Kept tiny so the two sides can be built and
// tested apart.
import { create } from 'zustand';

/** Which values: the animator's final curves, the raw solve, or (take comparison) another take. */
export type ValuesMode = 'final' | 'raw' | 'compare';

export interface ControlValuesState {
  shotId: number | null;
  /** Control names, in the order samples are written. */
  controls: readonly string[];
  /**
   * Writes the values at `frame` into `out` (length controls.length) and returns true, or returns
   * false when there is nothing to show (no take, or that mode has no data).
   */
  sample: ((frame: number, mode: ValuesMode, out: Float32Array) => boolean) | null;
  /** Bumped whenever the values behind `sample` change (an edit, a drag, a new take): redraw. */
  version: number;
  /** What the preview shows: the animator's A/B toggle between final and raw. */
  previewMode: ValuesMode;
  /** The take comparison's second take, when one is loaded (state/compare-store.ts publishes it). */
  compare: CompareValues | null;
}

/** A compared take as the seam serves it: the same control order as `controls`. */
export interface CompareValues {
  /** What the second head shows, for its label: "Take 3". */
  label: string;
  /** Writes the compared values at `frame` into `out`; false when the take has none there. */
  sample: (frame: number, out: Float32Array) => boolean;
}

export const useControlValues = create<ControlValuesState>()(() => ({
  shotId: null,
  controls: [],
  sample: null,
  version: 0,
  previewMode: 'final',
  compare: null,
}));

export function publishControlValues(shotId: number, controls: readonly string[], sample: ControlValuesState['sample']): void {
  useControlValues.setState((s) => ({ shotId, controls, sample, version: s.version + 1 }));
}

/** Call after anything `sample` reads has changed (cheap: no arrays are copied). */
export function bumpControlValues(): void {
  useControlValues.setState((s) => ({ version: s.version + 1 }));
}

/** The take comparison publishes its second take here (null: none); the preview redraws. */
export function publishCompareValues(compare: CompareValues | null): void {
  useControlValues.setState((s) => ({ compare, version: s.version + 1 }));
}

export function clearControlValues(): void {
  useControlValues.setState((s) => ({ shotId: null, controls: [], sample: null, version: s.version + 1 }));
}
