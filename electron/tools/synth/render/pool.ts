// A pool of render workers (worker_threads). The rig goes to each worker once; requests are
// batched a few at a time, each worker keeps two batches in flight so it never waits for the main
// thread, and the images come back as transferred buffers (no copy). Workers are unref'd while
// idle, so a forgotten pool never keeps the process alive.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Rig } from '../../../rig/types';
import type { FromWorker, ToWorker } from './protocol';
import type { RendererOptions } from './renderer';
import { createRenderer } from './renderer';
import type { RenderRequest, RenderResult } from './types';

export interface RenderPoolOptions {
  readonly rig: Rig;
  /** Worker threads; 0 renders on the calling thread. Default: the machine's parallelism. */
  readonly workers?: number;
  readonly renderer?: RendererOptions;
  /** Requests per message (default 4). */
  readonly batch?: number;
  /** Where the worker script is, when bundling moves it (default: ./worker next to this file). */
  readonly workerUrl?: URL;
}

export interface RenderPool {
  readonly workers: number;
  render(request: RenderRequest): Promise<RenderResult>;
  renderMany(requests: readonly RenderRequest[]): Promise<RenderResult[]>;
  close(): Promise<void>;
}

interface Job {
  readonly request: RenderRequest;
  readonly resolve: (r: RenderResult) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly inFlight: Map<number, Job[]>;
}

const IN_FLIGHT = 2;

/** Under tsx/vitest this file is TypeScript: the worker needs tsx's loader registered first. */
function spawnWorker(url: URL | undefined): Worker {
  const self = import.meta.url;
  if (url) return new Worker(url);
  if (self.endsWith('.ts')) {
    const target = new URL('./worker.ts', self).href;
    const api = createRequire(self)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
    const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
    return new Worker(code, { eval: true });
  }
  return new Worker(new URL('./worker.js', self));
}

export async function createRenderPool(options: RenderPoolOptions): Promise<RenderPool> {
  const count = Math.max(0, Math.floor(options.workers ?? availableParallelism()));
  if (count === 0) return inlinePool(options);
  const batch = Math.max(1, options.batch ?? 4);
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let failure: Error | null = null;
  let closed = false;

  const fail = (e: Error): void => {
    failure ??= e;
    for (const s of slots) {
      for (const jobs of s.inFlight.values()) for (const j of jobs) j.reject(e);
      s.inFlight.clear();
    }
    for (const j of queue.splice(0)) j.reject(e);
  };

  const pump = (): void => {
    for (const s of slots) {
      while (queue.length > 0 && s.inFlight.size < IN_FLIGHT) {
        const n = Math.min(batch, Math.max(1, Math.ceil(queue.length / slots.length)));
        const jobs = queue.splice(0, n);
        const id = nextId++;
        s.inFlight.set(id, jobs);
        s.worker.ref();
        s.worker.postMessage({ type: 'render', id, requests: jobs.map((j) => j.request) } satisfies ToWorker);
      }
      if (s.inFlight.size === 0) s.worker.unref();
    }
  };

  const ready: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const worker = spawnWorker(options.workerUrl);
    const slot: Slot = { worker, inFlight: new Map() };
    slots.push(slot);
    ready.push(
      new Promise<void>((resolve, reject) => {
        worker.on('message', (msg: FromWorker) => {
          if (msg.type === 'ready') return resolve();
          if (msg.type === 'error' && msg.id === -1) return reject(new Error(`render worker failed to start: ${msg.message}`));
          const jobs = slot.inFlight.get(msg.id);
          slot.inFlight.delete(msg.id);
          if (!jobs) return;
          if (msg.type === 'done') jobs.forEach((j, k) => j.resolve(msg.results[k]!));
          else jobs.forEach((j) => j.reject(new Error(msg.message)));
          pump();
        });
        worker.on('error', (e) => {
          reject(e);
          fail(e);
        });
        worker.on('exit', (code) => {
          if (!closed) fail(new Error(`render worker exited (code ${code})`));
        });
      }),
    );
    worker.postMessage({ type: 'init', rig: options.rig, options: options.renderer ?? {} } satisfies ToWorker);
  }
  try {
    await Promise.all(ready);
  } catch (e) {
    closed = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw e;
  }
  for (const s of slots) s.worker.unref();

  const render = (request: RenderRequest): Promise<RenderResult> =>
    new Promise<RenderResult>((resolve, reject) => {
      if (failure) return reject(failure);
      if (closed) return reject(new Error('render pool is closed'));
      queue.push({ request, resolve, reject });
      // Let synchronous callers queue several requests before the first batch goes out.
      if (queue.length === 1) queueMicrotask(pump);
    });

  return {
    workers: count,
    render,
    renderMany: (requests) => Promise.all(requests.map(render)),
    close: async () => {
      if (closed) return;
      closed = true;
      fail(new Error('render pool closed'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

function inlinePool(options: RenderPoolOptions): RenderPool {
  const renderer = createRenderer(options.rig, options.renderer);
  const render = async (request: RenderRequest): Promise<RenderResult> => renderer.render(request);
  return { workers: 0, render, renderMany: (qs) => Promise.all(qs.map(render)), close: async () => {} };
}
