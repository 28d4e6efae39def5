// Messages between the main process and the solver process. Plain structured-clone data, so the
// same messages travel over child_process IPC (Node) and a utilityProcess port (Electron).
import type { Device, Provider } from './providers';

export type SolverRequest =
  | { type: 'load'; id: number; modelPath: string; device: Device; threads: number }
  | { type: 'infer'; id: number; modelPath: string; batch: number; size: number; rgb: Float32Array; normal: Float32Array }
  | { type: 'unload'; id: number; modelPath: string };

export type SolverResponse =
  | { type: 'loaded'; id: number; provider: Provider; notice: string | null; loadMs: number }
  | { type: 'inferred'; id: number; params: Float32Array; features: Float32Array | null; controls: number; inferMs: number }
  | { type: 'unloaded'; id: number }
  | { type: 'error'; id: number; message: string };
