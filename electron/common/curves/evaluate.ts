// The one evaluation of a control's final curve, used by the renderer (display, preview) and the
// main process (export) alike:  final = clamp(filter(raw) + correction). The correction passes
// through every key's offset (keys.ts), so an offset key adds its value to the filtered solve at
// its frame and a pose key's frame evaluates to the pose key's value, whatever the filter.
import { applyFilter, type FilterSpec } from './filters';
import { sampleCorrection, type Key } from './keys';

export interface ControlLayer {
  /** The take's raw solve over the whole shot (index 0 = the shot's first frame). */
  raw: Float32Array;
  filter: FilterSpec;
  /** Correction keys, sorted by frame (absolute frame numbers). */
  keys: readonly Key[];
  /** Frames over which a correction eases back to zero beyond its first and last keys. */
  falloff: number;
  /** The control's range; the default rig's controls run 0…1 (common/head.ts channelRange gives the head's). */
  min?: number;
  max?: number;
  /** The channel's span for the filter (1 for a control; common/head.ts channelScale for the head). */
  scale?: number;
}

export interface FrameRange {
  /** The shot's first frame number (raw[0]). */
  shotFirst: number;
  /** Frames to evaluate, inclusive. */
  from: number;
  to: number;
}

/** The filtered raw curve alone (cache it: it changes only when the take or filter does). */
export function filteredCurve(raw: Float32Array, filter: FilterSpec, fps: number, scale = 1): Float32Array {
  return applyFilter(raw, filter, fps, undefined, scale);
}

/** Final values for frames range.from..range.to, given the already filtered curve. */
export function finalFromFiltered(
  filtered: Float32Array,
  layer: Pick<ControlLayer, 'keys' | 'falloff' | 'min' | 'max'>,
  range: FrameRange,
  out?: Float32Array,
): Float32Array {
  const length = range.to - range.from + 1;
  const result = out ?? new Float32Array(length);
  sampleCorrection(layer.keys, layer.falloff, range.from, result, { filtered, shotFirst: range.shotFirst });
  const lo = layer.min ?? 0;
  const hi = layer.max ?? 1;
  const offset = range.from - range.shotFirst;
  for (let i = 0; i < length; i++) {
    const j = offset + i;
    const base = j >= 0 && j < filtered.length ? filtered[j]! : 0;
    const v = base + result[i]!;
    result[i] = v < lo ? lo : v > hi ? hi : v;
  }
  return result;
}

export function evaluateControl(layer: ControlLayer, range: FrameRange, fps: number): Float32Array {
  return finalFromFiltered(filteredCurve(layer.raw, layer.filter, fps, layer.scale), layer, range);
}
