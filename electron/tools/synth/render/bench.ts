// Renderer throughput for `npm run bench`: RGB + normal pairs per second at 128² with the
// training-data settings (randomised lighting, shadows, sensor), on one thread and with the pool.
import { availableParallelism } from 'node:os';
import type { Rig } from '../../../rig/types';
import { priorContext } from '../data/prior';
import { synthSample } from '../data/write-data';
import { loadDefaultRig } from '../default-rig';
import { createRenderPool } from './pool';
import { createRenderer } from './renderer';
import type { RenderRequest } from './types';

export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export interface BenchRendererOptions {
  /** Default: the shipped default head. */
  readonly rig?: Rig;
  readonly size?: number;
  /** Pool workers (default: the machine's parallelism). */
  readonly workers?: number;
  /** Requests per measurement (default 400). */
  readonly samples?: number;
}

export async function benchRenderer(options: BenchRendererOptions = {}): Promise<BenchFigure[]> {
  const rig = options.rig ?? (await loadDefaultRig());
  const size = options.size ?? 128;
  const n = options.samples ?? 400;
  const workers = options.workers ?? availableParallelism();
  const ctx = priorContext(rig.controls);
  const requests: RenderRequest[] = Array.from({ length: n }, (_, i) => synthSample(12345, i, size, ctx));

  const renderer = createRenderer(rig);
  for (let i = 0; i < 10; i++) renderer.render(requests[i]!);
  let t = performance.now();
  for (const r of requests) renderer.render(r);
  const single = n / ((performance.now() - t) / 1000);

  const pool = await createRenderPool({ rig, workers });
  try {
    await pool.renderMany(requests.slice(0, 10 * workers));
    t = performance.now();
    await pool.renderMany(requests);
    const pooled = n / ((performance.now() - t) / 1000);
    return [
      { name: `render ${size}² RGB+normal pairs, 1 thread`, value: single, unit: 'pairs/s' },
      { name: `render ${size}² RGB+normal pairs, pool of ${workers}`, value: pooled, unit: 'pairs/s' },
    ];
  } finally {
    await pool.close();
  }
}
