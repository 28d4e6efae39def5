// The model and device last used to solve, so a batch of shots is one click after the first.
import { DeviceChoice } from '../../../electron/common/api/schemas';

const MODEL_KEY = 'rigsolve.solve.model';
const DEVICE_KEY = 'rigsolve.solve.device';

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // storage blocked: the choice lasts for this dialog only
  }
}

export function lastModelPath(): string | null {
  return read(MODEL_KEY);
}

export function lastDevice(): DeviceChoice {
  const parsed = DeviceChoice.safeParse(read(DEVICE_KEY));
  return parsed.success ? parsed.data : 'auto';
}

export function rememberSolveChoice(modelPath: string, device: DeviceChoice): void {
  write(MODEL_KEY, modelPath);
  write(DEVICE_KEY, device);
}

export const DEVICE_OPTIONS: readonly { device: DeviceChoice; label: string; hint: string }[] = [
  { device: 'auto', label: 'Auto', hint: 'The fastest provider that loads here, CPU last' },
  { device: 'cpu', label: 'CPU', hint: 'Always available; slowest' },
  { device: 'cuda', label: 'CUDA', hint: 'NVIDIA GPU (Linux, Windows)' },
  { device: 'dml', label: 'DirectML', hint: 'Any DirectX 12 GPU (Windows)' },
  { device: 'coreml', label: 'CoreML', hint: 'Apple silicon / macOS' },
];
