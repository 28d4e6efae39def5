// Shared by the rig tests: the committed default head, an independent mirror map, region sets.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadRigFromGlb } from '../../../electron/rig/load';
import type { Rig, RigPart } from '../../../electron/rig/types';

export const DEFAULT_HEAD_PATH = fileURLToPath(new URL('../../../resources/rigs/default-head.glb', import.meta.url));

let cached: Promise<{ bytes: Uint8Array; rig: Rig }> | null = null;

export function defaultHead(): Promise<{ bytes: Uint8Array; rig: Rig }> {
  cached ??= (async () => {
    const bytes = new Uint8Array(await readFile(DEFAULT_HEAD_PATH));
    return { bytes, rig: await loadRigFromGlb(bytes) };
  })();
  return cached;
}

export function part(rig: Rig, name: string): RigPart {
  const p = rig.parts.find((x) => x.name === name);
  if (!p) throw new Error(`no part ${name}`);
  return p;
}

/**
 * Mirror image (x → −x) of every vertex, found from the geometry alone (not from the generator):
 * by position, and for coincident vertices (the lip and lid slits, the doubled rings of the eyes)
 * by the mirrored centroid of their mesh neighbours, which lie on different sides.
 */
export function mirrorMap(p: RigPart): Int32Array {
  const n = p.vertexCount;
  const pos = p.neutral;
  const nb = new Float64Array(n * 3);
  const cnt = new Float64Array(n);
  for (let k = 0; k < p.indices.length; k += 3) {
    for (let e = 0; e < 3; e++) {
      const a = p.indices[k + e]!,
        b = p.indices[k + ((e + 1) % 3)]!;
      for (const [u, v] of [
        [a, b],
        [b, a],
      ] as const) {
        nb[u * 3] = nb[u * 3]! + pos[v * 3]!;
        nb[u * 3 + 1] = nb[u * 3 + 1]! + pos[v * 3 + 1]!;
        nb[u * 3 + 2] = nb[u * 3 + 2]! + pos[v * 3 + 2]!;
        cnt[u] = cnt[u]! + 1;
      }
    }
  }
  const key = (x: number, y: number, z: number): string => `${Math.round(x * 1e7)},${Math.round(y * 1e7)},${Math.round(z * 1e7)}`;
  const byPos = new Map<string, number[]>();
  for (let v = 0; v < n; v++) {
    const k = key(pos[v * 3]!, pos[v * 3 + 1]!, pos[v * 3 + 2]!);
    byPos.set(k, [...(byPos.get(k) ?? []), v]);
  }
  const out = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    const cands = byPos.get(key(-pos[v * 3]!, pos[v * 3 + 1]!, pos[v * 3 + 2]!)) ?? [];
    let best = -1,
      bestD = Infinity;
    const c = cnt[v] || 1;
    for (const u of cands) {
      const cu = cnt[u] || 1;
      const d = Math.hypot(nb[u * 3]! / cu + nb[v * 3]! / c, nb[u * 3 + 1]! / cu - nb[v * 3 + 1]! / c, nb[u * 3 + 2]! / cu - nb[v * 3 + 2]! / c);
      if (d < bestD) [best, bestD] = [u, d];
    }
    out[v] = best;
  }
  return out;
}

/** Largest displacement (m) of a delta array at the listed vertices (all when omitted). */
export function maxNorm(d: Float32Array | null, where?: (v: number) => boolean): number {
  if (!d) return 0;
  let m = 0;
  for (let v = 0; v < d.length / 3; v++) {
    if (where && !where(v)) continue;
    m = Math.max(m, Math.hypot(d[v * 3]!, d[v * 3 + 1]!, d[v * 3 + 2]!));
  }
  return m;
}

/** Deterministic random numbers for tests. */
export { mulberry32 as rng } from '../../helpers/seeded';
