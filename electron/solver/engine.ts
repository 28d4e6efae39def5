// Runs inside the solver process: one onnxruntime session per model, created once and kept warm
// between shots; execution providers tried in preference order with CPU last.
import * as ort from 'onnxruntime-node';
import { batchTensors } from './preprocess';
import { fallbackNotice, providerPreference, type Device, type Provider } from './providers';
import type { SolverRequest, SolverResponse } from './protocol';

interface LoadedModel {
  session: ort.InferenceSession;
  provider: Provider;
  notice: string | null;
}

// onnxruntime logs a provider that fails to load (CUDA on a machine without it, the usual case)
// at error level from its environment, before any session option applies. Every failure reaches
// the user as an exception and a one-line notice instead.
ort.env.logLevel = 'fatal';

const sessions = new Map<string, LoadedModel>();

function key(modelPath: string, device: Device): string {
  return `${device}\u0000${modelPath}`;
}

const byPath = new Map<string, string>();

async function load(modelPath: string, device: Device, threads: number): Promise<LoadedModel> {
  const k = key(modelPath, device);
  const existing = sessions.get(k);
  if (existing) return existing;
  const tried: { provider: Provider; error: string }[] = [];
  for (const provider of providerPreference(device)) {
    try {
      const session = await ort.InferenceSession.create(modelPath, {
        executionProviders: [provider],
        graphOptimizationLevel: 'all',
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
      });
      const loaded = { session, provider, notice: fallbackNotice(device, tried, provider) };
      sessions.set(k, loaded);
      byPath.set(modelPath, k);
      return loaded;
    } catch (err) {
      tried.push({
        provider,
        error: String((err as Error).message ?? err)
          .split('\n')[0]!
          .slice(0, 160),
      });
    }
  }
  throw new Error(`cannot load the model: ${tried.map((t) => `${t.provider}: ${t.error}`).join('; ')}`);
}

export interface ModelOutput {
  params: Float32Array;
  features: Float32Array | null;
  controls: number;
  /** The pose stage's head yaw, pitch, roll per frame in degrees ([N, 3]), when the graph has a `pose` output. */
  pose: Float32Array | null;
}

/** One forward pass of a loaded model on float32 NCHW tensors (the model bench calls it directly). */
export async function runModel(modelPath: string, batch: number, size: number, rgb: Float32Array, normal: Float32Array): Promise<ModelOutput> {
  const k = byPath.get(modelPath);
  const m = k ? sessions.get(k) : undefined;
  if (!m) throw new Error('model not loaded');
  const shape = [batch, 3, size, size];
  const out = await m.session.run({ rgb: new ort.Tensor('float32', rgb, shape), normal: new ort.Tensor('float32', normal, shape) });
  const params = out.params;
  if (!params) throw new Error('the model has no "params" output');
  const features = out.features;
  const pose = out.pose && out.pose.dims.length === 2 && out.pose.dims[1] === 3 ? (out.pose.data as Float32Array) : null;
  return { params: params.data as Float32Array, features: features ? (features.data as Float32Array) : null, controls: params.dims[1] ?? 0, pose };
}

export async function handleRequest(req: SolverRequest): Promise<SolverResponse> {
  try {
    switch (req.type) {
      case 'load': {
        const t = performance.now();
        const m = await load(req.modelPath, req.device, req.threads);
        return { type: 'loaded', id: req.id, provider: m.provider, notice: m.notice, loadMs: performance.now() - t };
      }
      case 'infer': {
        const t = performance.now();
        const { rgb, normal } = batchTensors(req.frames, req.input);
        const out = await runModel(req.modelPath, req.frames.batch, req.frames.size, rgb, normal);
        return { type: 'inferred', id: req.id, ...out, inferMs: performance.now() - t };
      }
      case 'unload': {
        const k = byPath.get(req.modelPath);
        if (k) {
          await sessions.get(k)?.session.release();
          sessions.delete(k);
          byPath.delete(req.modelPath);
        }
        return { type: 'unloaded', id: req.id };
      }
    }
  } catch (err) {
    return { type: 'error', id: req.id, message: String((err as Error).message ?? err).split('\n')[0]! };
  }
}
