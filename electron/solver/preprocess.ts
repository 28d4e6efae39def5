// Model-input preprocessing, the mirror of models/training/rigsolve_training/preprocess.py:
//   out[c, y, x] = float32((u8[y, x, c] / 255 − mean[c]) / std[c])
// computed in float64 (JS numbers) in that order and rounded to float32 once by the store, so
// the values are bit-identical to the trainer's (a test pins it against the Python fixture).

import type { FrameBatch } from './protocol';

export interface ChannelNormalisation {
  mean: readonly number[];
  std: readonly number[];
}

/** Writes one HWC uint8 RGB image as CHW float32 into `out` at `offset` (a batch slot). */
export function normaliseInto(u8: Uint8Array, size: number, norm: ChannelNormalisation, out: Float32Array, offset: number): void {
  const plane = size * size;
  for (let c = 0; c < 3; c++) {
    const mean = norm.mean[c]!;
    const std = norm.std[c]!;
    const base = offset + c * plane;
    for (let i = 0; i < plane; i++) out[base + i] = (u8[i * 3 + c]! / 255 - mean) / std;
  }
}

/** Fills a batch slot with the absent-modality sentinel. */
export function fillAbsent(out: Float32Array, size: number, offset: number, value: number): void {
  out.fill(value, offset, offset + 3 * size * size);
}

/** DirectX-convention normal maps have +Y down: flip green so the model sees OpenGL's +Y up. */
export function directxToOpenGl(u8: Uint8Array): void {
  for (let i = 1; i < u8.length; i += 3) u8[i] = 255 - u8[i]!;
}

/** What a model's manifest says about its input tensors. */
export interface ModelInput {
  normalisation: { rgb: ChannelNormalisation; normal: ChannelNormalisation };
  absentValue: number;
}

/** A fresh frame batch for `batch` frames of `size`², every modality absent until set. */
export function emptyFrameBatch(batch: number, size: number): FrameBatch {
  const bytes = batch * size * size * 3;
  return { batch, size, rgb: new Uint8Array(bytes), normal: new Uint8Array(bytes), hasRgb: new Uint8Array(batch), hasNormal: new Uint8Array(batch) };
}

/** The model's float32 NCHW tensors for a frame batch: each present frame normalised, each absent
 *  one the sentinel. */
export function batchTensors(frames: FrameBatch, input: ModelInput): { rgb: Float32Array; normal: Float32Array } {
  const { batch, size } = frames;
  const plane = 3 * size * size;
  const pixels = size * size * 3;
  const tensor = (u8: Uint8Array, present: Uint8Array, norm: ChannelNormalisation): Float32Array => {
    const out = new Float32Array(batch * plane);
    for (let i = 0; i < batch; i++) {
      if (present[i]) normaliseInto(u8.subarray(i * pixels, (i + 1) * pixels), size, norm, out, i * plane);
      else fillAbsent(out, size, i * plane, input.absentValue);
    }
    return out;
  };
  return { rgb: tensor(frames.rgb, frames.hasRgb, input.normalisation.rgb), normal: tensor(frames.normal, frames.hasNormal, input.normalisation.normal) };
}
