// The main side of the solver: requests to the solver process, answered by id. If the process
// dies, every pending request fails with a clear message and the next request starts a new one
// (models are loaded again on demand), so a native crash never takes the app down.
import type { Device, Provider } from './providers';
import type { ModelInput } from './preprocess';
import type { FrameBatch, SolverRequest, SolverResponse } from './protocol';
import { forkTransport, type SolverTransport, type TransportFactory } from './transport';

type Pending = { resolve: (r: SolverResponse) => void; reject: (e: Error) => void };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface LoadedModelInfo {
  provider: Provider;
  notice: string | null;
}

export class SolverCrashedError extends Error {
  constructor(reason: string) {
    super(`the solver process stopped (${reason}); it restarts on the next solve`);
    this.name = 'SolverCrashedError';
  }
}

export class SolverClient {
  private transport: SolverTransport | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private loaded = new Map<string, LoadedModelInfo>();
  /** Told when the process dies, so the UI can say so. */
  onCrash: ((reason: string) => void) | null = null;
  crashes = 0;

  constructor(private readonly factory: TransportFactory = forkTransport) {}

  private ensure(): SolverTransport {
    if (this.transport) return this.transport;
    const t = this.factory();
    t.onMessage((msg) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.type === 'error') p.reject(new Error(msg.message));
      else p.resolve(msg);
    });
    t.onExit((reason) => {
      if (this.transport !== t) return;
      this.transport = null;
      this.loaded.clear();
      const stranded = [...this.pending.values()];
      this.pending.clear();
      if (stranded.length > 0 || reason !== 'exited with code 0') {
        this.crashes++;
        this.onCrash?.(reason);
      }
      for (const p of stranded) p.reject(new SolverCrashedError(reason));
    });
    this.transport = t;
    return t;
  }

  private request(msg: DistributiveOmit<SolverRequest, 'id'>): Promise<SolverResponse> {
    const t = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      t.send({ ...msg, id } as SolverRequest);
    });
  }

  async load(modelPath: string, device: Device, threads: number): Promise<LoadedModelInfo> {
    const k = `${device}\u0000${modelPath}`;
    const known = this.loaded.get(k);
    if (known && this.transport) return known;
    const res = await this.request({ type: 'load', modelPath, device, threads });
    if (res.type !== 'loaded') throw new Error(`unexpected answer ${res.type}`);
    const info = { provider: res.provider, notice: res.notice };
    this.loaded.set(k, info);
    return info;
  }

  /** Solves a batch of decoded frames; `input` is the model manifest's input contract. */
  async infer(
    modelPath: string,
    frames: FrameBatch,
    input: ModelInput,
  ): Promise<{ params: Float32Array; features: Float32Array | null; controls: number; pose: Float32Array | null }> {
    const res = await this.request({ type: 'infer', modelPath, frames, input });
    if (res.type !== 'inferred') throw new Error(`unexpected answer ${res.type}`);
    // An older solver process (or a test double) answers without a pose: no head rotation.
    return { params: res.params, features: res.features, controls: res.controls, pose: res.pose ?? null };
  }

  /** Kills the process (tests use it to simulate a crash; the app on quit). */
  kill(): void {
    this.transport?.kill();
  }

  dispose(): void {
    const t = this.transport;
    this.transport = null;
    for (const p of this.pending.values()) p.reject(new Error('the solver was shut down'));
    this.pending.clear();
    t?.kill();
  }
}
