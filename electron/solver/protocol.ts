// Messages between the main process and the solver process. Plain structured-clone data, so the
// same messages travel over child_process IPC (Node) and a utilityProcess port (Electron).
import type { Device, Provider } from './providers';
import type { ModelInput } from './preprocess';

/** A batch of frames as decoded: 8-bit, HWC, back to back (batch × size × size × 3 per modality).
 *  Frames travel as bytes, a quarter of their float32 tensors, and are normalised in the solver
 *  process: the float32 copy through IPC cost as much as the network itself (bench: solve). */
export interface FrameBatch {
  batch: number;
  size: number;
  rgb: Uint8Array;
  normal: Uint8Array;
  /** Per frame, 1 when that modality was decoded; 0 feeds the model its absent-modality input. */
  hasRgb: Uint8Array;
  hasNormal: Uint8Array;
}

export type SolverRequest =
  | { type: 'load'; id: number; modelPath: string; device: Device; threads: number }
  | { type: 'infer'; id: number; modelPath: string; frames: FrameBatch; input: ModelInput }
  | { type: 'unload'; id: number; modelPath: string };

export type SolverResponse =
  | { type: 'loaded'; id: number; provider: Provider; notice: string | null; loadMs: number }
  | { type: 'inferred'; id: number; params: Float32Array; features: Float32Array | null; controls: number; pose: Float32Array | null; inferMs: number }
  | { type: 'unloaded'; id: number }
  | { type: 'error'; id: number; message: string };
