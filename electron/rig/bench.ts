// Micro benchmark of rig evaluation (for `npm run bench`; not a test), on the rig it is given:
// the bench suite passes the shipped default head, so the runtime needs no rig generator.
import { evaluateRig, prepareRig } from './evaluate';
import type { Rig } from './types';

export interface RigBenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

/** Deterministic pseudo-random weights in [0, 1) (mulberry32). */
function weights(count: number, active: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const w = new Float32Array(count);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const i of order.slice(0, active)) w[i] = rnd();
  return w;
}

function timeMs(run: () => void, minMs = 300): number {
  for (let i = 0; i < 20; i++) run();
  const times: number[] = [];
  const start = performance.now();
  while (performance.now() - start < minMs || times.length < 30) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function benchRigEvaluation(rig: Rig): RigBenchFigure[] {
  const vertices = rig.parts.reduce((n, p) => n + p.vertexCount, 0);
  const t0 = performance.now();
  prepareRig(rig);
  const prepareMs = performance.now() - t0;
  const all = weights(rig.controls.length, rig.controls.length, 1);
  const typical = weights(rig.controls.length, 16, 2);
  let out = evaluateRig(rig, all);
  const allMs = timeMs(() => (out = evaluateRig(rig, all, out)));
  const typicalMs = timeMs(() => (out = evaluateRig(rig, typical, out)));
  const normalsMs = timeMs(() => (out = evaluateRig(rig, all, out, { normals: true })));
  return [
    { name: 'rig vertices', value: vertices, unit: 'count' },
    { name: 'rig prepare (sparse runs, once per rig)', value: prepareMs, unit: 'ms' },
    { name: `evaluate, all ${rig.controls.length} controls nonzero`, value: allMs, unit: 'ms' },
    { name: 'evaluate, 16 controls nonzero', value: typicalMs, unit: 'ms' },
    { name: `evaluate + area-weighted normals, all controls`, value: normalsMs, unit: 'ms' },
  ];
}
