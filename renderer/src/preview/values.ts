// What the preview shows at a frame, read through the control-values seam. Pure over the
// store's state so the "no solve yet" rules are tested without a renderer.
import type { CompareValues, ControlValuesState, ValuesMode } from '../state/control-values';

/** values: `out` holds them; no-sampler: nothing published for this shot; no-data: the sampler has nothing for that mode. */
export type SampleOutcome = 'values' | 'no-sampler' | 'no-data';

export type CompareSampler = CompareValues['sample'];

/** A buffer of `n` values, reusing `buf` when it already fits (no allocation per frame). */
export function sized(buf: Float32Array, n: number): Float32Array {
  return buf.length === n ? buf : new Float32Array(n);
}

export function sampleValues(
  state: Pick<ControlValuesState, 'shotId' | 'sample' | 'controls'>,
  shotId: number,
  frame: number,
  mode: ValuesMode,
  out: Float32Array,
): SampleOutcome {
  if (!state.sample || state.shotId !== shotId || state.controls.length === 0) return 'no-sampler';
  if (out.length !== state.controls.length) return 'no-data';
  return state.sample(frame, mode, out) ? 'values' : 'no-data';
}

/**
 * The second head of a take comparison: the compared take published on the seam when there is
 * one, else the seam's own 'compare' mode. Same control order as the seam's `controls`.
 */
export function sampleCompare(
  state: Pick<ControlValuesState, 'shotId' | 'sample' | 'controls'>,
  shotId: number,
  frame: number,
  compare: CompareSampler | null,
  out: Float32Array,
): SampleOutcome {
  if (compare && state.shotId === shotId && out.length === state.controls.length && state.controls.length > 0 && compare(frame, out)) return 'values';
  return sampleValues(state, shotId, frame, 'compare', out);
}

/** The head's left mode: 'compare' shows the final curves beside the other take. */
export function primaryMode(mode: ValuesMode): ValuesMode {
  return mode === 'compare' ? 'final' : mode;
}
