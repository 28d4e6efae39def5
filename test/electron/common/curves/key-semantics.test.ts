// Property tests of the rule a key keeps (README, "Keys"): over random solves, filters, falloffs
// and key sets (both modes, every tangent type), a pose key's frame evaluates to the pose key's
// value and an offset key's to the filtered solve plus its value, within 1e-6, and stays so when
// the filter, the falloff or the other keys change.
import { describe, expect, it } from 'vitest';
import { evaluateControl, filteredCurve } from '../../../../electron/common/curves/evaluate';
import type { FilterKind, FilterSpec } from '../../../../electron/common/curves/filters';
import { interpOf, sampleCorrection, TANGENT_TYPES, type Key, type TangentType } from '../../../../electron/common/curves/keys';
import { mulberry32 as rng } from '../../../helpers/seeded';

const FPS = 24;
const KINDS: FilterKind[] = ['none', 'gaussian', 'savitzkyGolay', 'oneEuro'];

/** A solve-like curve: smooth motion plus per-frame noise, inside 0…1. */
function randomSolve(r: () => number, length: number): Float32Array {
  const a = r() * 0.3;
  const w = 0.02 + r() * 0.2;
  const c = 0.3 + r() * 0.4;
  return Float32Array.from({ length }, (_, i) => Math.min(1, Math.max(0, c + a * Math.sin(w * i + r() * 0.01) + (r() - 0.5) * 0.1)));
}

const randomFilter = (r: () => number): FilterSpec => ({ kind: KINDS[Math.floor(r() * KINDS.length)]!, strength: r() });

function randomKeys(r: () => number, shotFirst: number, length: number): Key[] {
  const count = 1 + Math.floor(r() * 8);
  const frames = new Set<number>();
  // Some keys beyond the shot's ends, as the API allows (up to 100 frames).
  while (frames.size < count) frames.add(shotFirst - 20 + Math.floor(r() * (length + 40)));
  return [...frames]
    .sort((a, b) => a - b)
    .map((frame) => {
      const pose = r() < 0.5;
      const pick = (): TangentType => TANGENT_TYPES[Math.floor(r() * TANGENT_TYPES.length)]!;
      const outTangent = pick();
      const key: Key = {
        frame,
        // Pose values inside the control's range; offsets small enough that most do not clamp.
        value: pose ? r() : (r() - 0.5) * 0.4,
        interp: interpOf(outTangent),
        mode: pose ? 'pose' : 'offset',
        inTangent: pick(),
        outTangent,
      };
      if (r() < 0.5) key.broken = true;
      if (outTangent === 'fixed' || key.inTangent === 'fixed') {
        key.inSlope = (r() - 0.5) * 0.2;
        key.outSlope = key.broken ? (r() - 0.5) * 0.2 : key.inSlope;
      }
      return key;
    });
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** Every key's final value against its set value; returns the worst error. */
function worstKeyError(raw: Float32Array, filter: FilterSpec, keys: Key[], falloff: number, shotFirst: number): number {
  const from = shotFirst - 100;
  const to = shotFirst + raw.length - 1 + 100;
  const final = evaluateControl({ raw, filter, keys, falloff }, { shotFirst, from, to }, FPS);
  const filtered = filteredCurve(raw, filter, FPS);
  let worst = 0;
  for (const k of keys) {
    const j = k.frame - shotFirst;
    const under = j >= 0 && j < filtered.length ? filtered[j]! : 0;
    const expected = k.mode === 'pose' ? k.value : clamp01(under + k.value);
    worst = Math.max(worst, Math.abs(final[k.frame - from]! - expected));
  }
  return worst;
}

describe('key semantics (property tests, 400 random cases each)', () => {
  it('every key evaluates to its set value: a pose key to its value, an offset key to the filtered solve plus its value', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const length = 20 + Math.floor(r() * 200);
      const shotFirst = Math.floor(r() * 1000) - 100;
      const raw = randomSolve(r, length);
      const keys = randomKeys(r, shotFirst, length);
      const err = worstKeyError(raw, randomFilter(r), keys, Math.floor(r() * 30), shotFirst);
      if (err > 1e-6) throw new Error(`seed ${seed}: a key is ${err} off its value`);
    }
  });

  it('a pose key keeps its value when the filter, the falloff and the neighbouring keys change afterwards', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(10_000 + seed);
      const length = 30 + Math.floor(r() * 200);
      const shotFirst = 1;
      const raw = randomSolve(r, length);
      const keys = randomKeys(r, shotFirst, length);
      const pose = keys.filter((k) => k.mode === 'pose');
      if (pose.length === 0) continue;
      const before = evaluateControl({ raw, filter: randomFilter(r), keys, falloff: 8 }, { shotFirst, from: 1, to: length }, FPS);
      // Later: another filter, another falloff, a new neighbouring key, another's tangents changed.
      const extra = shotFirst + Math.floor(r() * length);
      const later = keys
        .filter((k) => k.frame !== extra)
        .map((k) => (k.mode === 'pose' ? k : { ...k, outTangent: 'spline' as const, interp: 'smooth' as const }))
        .concat([{ frame: extra, value: r(), interp: 'linear', mode: 'pose', inTangent: 'linear', outTangent: 'linear' }])
        .sort((a, b) => a.frame - b.frame);
      const after = evaluateControl({ raw, filter: randomFilter(r), keys: later, falloff: Math.floor(r() * 40) }, { shotFirst, from: 1, to: length }, FPS);
      for (const k of pose) {
        if (k.frame === extra || k.frame < 1 || k.frame > length) continue;
        const i = k.frame - 1;
        if (Math.abs(after[i]! - k.value) > 1e-6 || Math.abs(before[i]! - k.value) > 1e-6) {
          throw new Error(`seed ${seed}: pose key at ${k.frame} (${k.value}) evaluates to ${before[i]} then ${after[i]}`);
        }
      }
    }
  });

  it('fails for an offset key under a changed filter, which is what pose keys are for', () => {
    // The same case as the issue: a key set to 0.476 over a solve a filter then lowers.
    const raw = Float32Array.from({ length: 40 }, (_, i) => (i === 20 ? 0.6 : 0.3));
    const filtered = filteredCurve(raw, { kind: 'none', strength: 0 }, FPS);
    const offset: Key = { frame: 20, value: 0.476 - filtered[20]!, interp: 'smooth', mode: 'offset' };
    const pose: Key = { frame: 20, value: 0.476, interp: 'smooth', mode: 'pose' };
    const smoothing: FilterSpec = { kind: 'gaussian', strength: 0.5 };
    const at = (k: Key, f: FilterSpec) => evaluateControl({ raw, filter: f, keys: [k], falloff: 8 }, { shotFirst: 0, from: 20, to: 20 }, FPS)[0]!;
    expect(at(offset, { kind: 'none', strength: 0 })).toBeCloseTo(0.476, 6);
    expect(Math.abs(at(offset, smoothing) - 0.476)).toBeGreaterThan(0.05); // the offset rides the filtered solve
    expect(at(pose, smoothing)).toBeCloseTo(0.476, 6);
  });

  it('a lone key is the peak of its correction: it eases back to the solve over the falloff on both sides', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const r = rng(20_000 + seed);
      const raw = randomSolve(r, 120);
      const key: Key = { frame: 30 + Math.floor(r() * 60), value: r(), interp: 'smooth', mode: r() < 0.5 ? 'pose' : 'offset' };
      if (key.mode === 'offset') key.value -= 0.5;
      const falloff = 1 + Math.floor(r() * 20);
      const correction = sampleCorrection([key], falloff, 0, new Float32Array(120), { filtered: raw, shotFirst: 0 });
      let peak = 0;
      for (let i = 0; i < 120; i++) if (Math.abs(correction[i]!) > Math.abs(correction[peak]!)) peak = i;
      if (correction[key.frame] !== 0) expect(peak).toBe(key.frame);
      expect(Math.abs(correction[key.frame - falloff]!)).toBe(0);
      expect(Math.abs(correction[key.frame + falloff]!)).toBe(0);
    }
  });
});
