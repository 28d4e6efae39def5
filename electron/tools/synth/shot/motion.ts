// Natural facial motion for synthetic shots, deterministic by seed. Layers, each from its own
// random stream (so changing one does not reshuffle the others):
//   expressions  held FACS-style expressions with eased transitions, asymmetric intensities
//   speech       talk/pause phrases; syllables at ~4–6 Hz as viseme keys, Catmull-Rom between
//   twitches     single controls (nose, cheeks, tongue, neck…) so every control moves sometimes
//   eyes         blinks and gaze (eyes.ts)
//   head         slow pose drift and nods on stressed syllables (returned as poses, not controls)
import type { ControlIndex, Template } from '../expressions';
import { ANTAGONISTS, EXPRESSIONS, VISEMES, controlSide, indexControls, resolveTemplate, twinIndex } from '../expressions';
import type { HeadPose } from '../render/types';
import { createRng, deriveSeed } from '../rng';
import type { Rng } from '../rng';
import { eyeLayer } from './eyes';
import { addPulse, clamp, dense, logNormal, smoothstep } from './signal';

export { GAZE_FULL_DEG } from './eyes';

export interface MotionOptions {
  readonly frames: number;
  readonly fps: number;
  readonly seed: number;
  readonly controls: readonly string[];
  /** Scales expression, speech and twitch amplitudes (default 1). */
  readonly intensity?: number;
  /** Fraction of the time spent talking (default 0.5). */
  readonly speech?: number;
  /** Head-motion amplitude multiplier (default 1: a few degrees; 0 = still). */
  readonly headMotion?: number;
}

export interface Motion {
  readonly frames: number;
  readonly fps: number;
  readonly controls: readonly string[];
  /** frames × controls, row-major, each in [0, 1]. */
  readonly weights: Float32Array;
  readonly poses: readonly HeadPose[];
}

/** Expression template with a random side for one-sided ones and a left/right intensity imbalance. */
function asymmetric(rng: Rng, name: string, t: Template, idx: ControlIndex, controls: readonly string[], amount: number): [number, number][] {
  let pairs = resolveTemplate(t, idx);
  if (name.endsWith('_L') && rng.chance(0.5)) {
    pairs = pairs.map(([i, v]) => [twinIndex(controls[i]!, idx) ?? i, v]);
  }
  const a = clamp(rng.normal() * 0.18, -0.45, 0.45);
  return pairs.map(([i, v]) => {
    const side = controlSide(controls[i]!);
    const k = side === 'L' ? 1 + a : side === 'R' ? 1 - a : 1;
    return [i, v * amount * k * rng.uniform(0.85, 1.15)];
  });
}

function expressionLayer(rng: Rng, T: number, times: Float64Array, idx: ControlIndex, controls: readonly string[], out: Float32Array, intensity: number): void {
  const C = controls.length;
  const names = Object.keys(EXPRESSIONS);
  interface Seg {
    start: number;
    trans: number;
    target: Float32Array;
  }
  const segs: Seg[] = [{ start: -1, trans: 0.01, target: new Float32Array(C) }];
  let t = rng.uniform(0, 1.5);
  while (t < T + 1) {
    const trans = rng.uniform(0.2, 0.7);
    let target: Float32Array;
    if (rng.chance(0.35)) {
      target = new Float32Array(C);
    } else {
      const name = rng.pick(names);
      target = dense(asymmetric(rng, name, EXPRESSIONS[name]!, idx, controls, rng.uniform(0.35, 1) * intensity), C);
    }
    segs.push({ start: t, trans, target });
    t += trans + logNormal(rng, 1.4, 0.5);
  }
  let k = 0;
  for (let f = 0; f < times.length; f++) {
    const tf = times[f]!;
    while (k + 1 < segs.length && segs[k + 1]!.start <= tf) k++;
    const seg = segs[k]!;
    const prev = segs[Math.max(0, k - 1)]!.target;
    const s = smoothstep((tf - seg.start) / seg.trans);
    for (let c = 0; c < C; c++) out[f * C + c] = out[f * C + c]! + prev[c]! + (seg.target[c]! - prev[c]!) * s;
  }
}

interface SpeechEvents {
  /** Stressed-syllable times (for brow raises and nods). */
  readonly stresses: number[];
}

function speechLayer(
  rng: Rng,
  T: number,
  times: Float64Array,
  idx: ControlIndex,
  C: number,
  out: Float32Array,
  intensity: number,
  talkFraction: number,
): SpeechEvents {
  interface Key {
    t: number;
    v: Float32Array;
  }
  const keys: Key[] = [{ t: -1, v: new Float32Array(C) }];
  const stresses: number[] = [];
  const vowels = VISEMES.filter((v) => v.vowel),
    consonants = VISEMES.filter((v) => !v.vowel);
  const shapes = new Map(VISEMES.map((v) => [v.name, resolveTemplate(v.shape, idx)]));
  let t = rng.uniform(0, 1);
  let talking = rng.chance(talkFraction);
  while (t < T + 1) {
    if (!talking || talkFraction <= 0) {
      t += talkFraction >= 1 ? 0.2 : logNormal(rng, (1.2 * (1 - talkFraction)) / Math.max(0.2, talkFraction), 0.4);
      talking = true;
      continue;
    }
    const end = t + logNormal(rng, 2.8, 0.4) * talkFraction * 2;
    const loud = rng.uniform(0.6, 1.2) * intensity;
    keys.push({ t, v: new Float32Array(C) });
    t += 0.06;
    while (t < end) {
      const syllable = rng.uniform(0.7, 1.1) * loud;
      if (rng.chance(0.7)) {
        const c = consonants[rng.weighted(consonants.map((v) => v.weight))]!;
        t += rng.uniform(0.03, 0.06);
        keys.push({ t, v: dense(shapes.get(c.name)!, C, syllable) });
        t += rng.uniform(0.03, 0.06);
      }
      const v = vowels[rng.weighted(vowels.map((x) => x.weight))]!;
      const stressed = rng.chance(0.15);
      t += rng.uniform(0.05, 0.1);
      keys.push({ t, v: dense(shapes.get(v.name)!, C, syllable * (stressed ? 1.3 : 1)) });
      if (stressed) stresses.push(t);
      t += rng.uniform(0.04, 0.1);
    }
    keys.push({ t: t + 0.08, v: new Float32Array(C) });
    t += 0.08;
    talking = false;
  }
  keys.push({ t: T + 10, v: new Float32Array(C) });
  // Catmull-Rom through the keys (coarticulation: a shape is reached on the way, not stopped at).
  let k = 0;
  for (let f = 0; f < times.length; f++) {
    const tf = times[f]!;
    while (k + 2 < keys.length && keys[k + 1]!.t <= tf) k++;
    const p1 = keys[k]!,
      p2 = keys[k + 1]!;
    const p0 = keys[Math.max(0, k - 1)]!,
      p3 = keys[Math.min(keys.length - 1, k + 2)]!;
    const u = clamp((tf - p1.t) / (p2.t - p1.t), 0, 1);
    const u2 = u * u,
      u3 = u2 * u;
    const b0 = -0.5 * u3 + u2 - 0.5 * u,
      b1 = 1.5 * u3 - 2.5 * u2 + 1,
      b2 = -1.5 * u3 + 2 * u2 + 0.5 * u,
      b3 = 0.5 * u3 - 0.5 * u2;
    for (let c = 0; c < C; c++) {
      const x = b0 * p0.v[c]! + b1 * p1.v[c]! + b2 * p2.v[c]! + b3 * p3.v[c]!;
      if (x > 0) out[f * C + c] = out[f * C + c]! + x;
    }
  }
  // Brows lift on stressed syllables.
  const brows = resolveTemplate({ browInnerUp: 0.4, browOuterUp: 0.3 }, idx);
  for (const s of stresses) {
    if (!rng.chance(0.6)) continue;
    const a = rng.uniform(0.5, 1.2) * intensity;
    addPulse(times, s - 0.12, 0.12, 0.1, 0.35, (f, w) => {
      for (const [c, v] of brows) out[f * C + c] = out[f * C + c]! + v * a * w;
    });
  }
  return { stresses };
}

function twitchLayer(rng: Rng, T: number, times: Float64Array, idx: ControlIndex, controls: readonly string[], out: Float32Array, intensity: number): void {
  const C = controls.length;
  // Gaze and blinks have their own layers.
  const pool = controls.map((n, i) => [n, i] as const).filter(([n]) => !/^eyeLook|^eyeBlink/.test(n));
  if (pool.length === 0) return;
  let t = rng.uniform(0, 2);
  while (t < T) {
    const [name, c] = rng.pick(pool);
    const twin = rng.chance(0.5) ? twinIndex(name, idx) : undefined;
    const a = rng.uniform(0.2, 0.9) * intensity;
    const a2 = a * rng.uniform(0.6, 1);
    addPulse(times, t, rng.uniform(0.15, 0.5), logNormal(rng, 0.5, 0.7), rng.uniform(0.25, 0.7), (f, w) => {
      out[f * C + c] = out[f * C + c]! + a * w;
      if (twin !== undefined) out[f * C + twin] = out[f * C + twin]! + a2 * w;
    });
    t += logNormal(rng, 1.6, 0.6);
  }
}

function headLayer(rng: Rng, times: Float64Array, amount: number, stresses: number[]): HeadPose[] {
  const axis = (amp: number): ((t: number) => number) => {
    const comps = Array.from({ length: 3 }, (_, i) => ({ f: rng.uniform(0.04, 0.35) * (i + 1) * 0.6, ph: rng.uniform(0, 2 * Math.PI), a: amp / (i + 1.5) }));
    return (t) => comps.reduce((s, c) => s + c.a * Math.sin(2 * Math.PI * c.f * t + c.ph), 0);
  };
  const yaw = axis(5 * amount),
    pitch = axis(3.5 * amount),
    roll = axis(2.5 * amount);
  const nods = stresses.filter(() => rng.chance(0.5));
  return Array.from(times, (t) => {
    let nod = 0;
    for (const s of nods) {
      const u = t - s + 0.1;
      if (u > 0 && u < 0.5) nod += 2 * amount * Math.sin((Math.PI * u) / 0.5);
    }
    return { yaw: yaw(t), pitch: pitch(t) + nod, roll: roll(t) };
  });
}

export function generateMotion(o: MotionOptions): Motion {
  const { frames, fps, seed, controls } = o;
  if (!(frames > 0) || !(fps > 0)) throw new Error(`bad motion length ${frames} frames at ${fps} fps`);
  const C = controls.length;
  const T = frames / fps;
  const times = Float64Array.from({ length: frames }, (_, i) => i / fps);
  const idx = indexControls(controls);
  const intensity = o.intensity ?? 1;
  const out = new Float32Array(frames * C);
  expressionLayer(createRng(deriveSeed(seed, 1)), T, times, idx, controls, out, intensity);
  const speech = speechLayer(createRng(deriveSeed(seed, 2)), T, times, idx, C, out, intensity, clamp(o.speech ?? 0.5, 0, 1));
  twitchLayer(createRng(deriveSeed(seed, 3)), T, times, idx, controls, out, intensity);
  eyeLayer(createRng(deriveSeed(seed, 4)), T, times, idx, C, out);
  const poses = headLayer(createRng(deriveSeed(seed, 5)), times, o.headMotion ?? 1, speech.stresses);
  const pairs = ANTAGONISTS.map(([a, b]) => [idx.get(a), idx.get(b)] as const).filter(
    (p): p is readonly [number, number] => p[0] !== undefined && p[1] !== undefined,
  );
  for (let f = 0; f < frames; f++) {
    const row = f * C;
    // Opposing actions cancel (the net pull wins) rather than both showing.
    for (const [a, b] of pairs) {
      const d = out[row + a]! - out[row + b]!;
      out[row + a] = Math.max(0, d);
      out[row + b] = Math.max(0, -d);
    }
    for (let c = 0; c < C; c++) out[row + c] = clamp(out[row + c]!, 0, 1);
  }
  return { frames, fps, controls, weights: out, poses };
}
