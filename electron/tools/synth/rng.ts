// Seeded, splittable randomness. Every random choice in synth goes through this, so a seed
// reproduces a shot or a data set bit for bit, whatever the number of workers.

/** 32-bit integer hash (lowbias32); mixes a seed with stream/sample indices. */
export function hash32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** A seed for sub-stream `parts` of `seed` (e.g. sample i, purpose k): independent streams. */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = hash32((seed >>> 0) ^ 0x9e3779b9);
  for (const p of parts) h = hash32((h ^ Math.imul((p >>> 0) + 0x632be5ab, 0x85ebca6b)) >>> 0);
  return h;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  u32(): number;
  uniform(lo: number, hi: number): number;
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  /** Standard normal (Box–Muller, cached pair). */
  normal(): number;
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to weights. */
  weighted(weights: readonly number[]): number;
}

/** sfc32: fast, small state, good statistical quality; seeded through hash32 so nearby seeds differ. */
export function createRng(seed: number): Rng {
  let a = hash32(seed ^ 0xa5a5a5a5);
  let b = hash32(seed + 0x3c6ef372);
  let c = hash32(seed ^ 0x1b873593);
  let d = 1;
  let spare: number | null = null;
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = (): number => u32() / 4294967296;
  const rng: Rng = {
    next,
    u32,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      const u = 1 - next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
  };
  return rng;
}
