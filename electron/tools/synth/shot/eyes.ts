// Eyes for the motion generator: blinks (~15–20/min, fast close 70–110 ms, slower open, partial
// and double blinks) and gaze (log-normal fixations, median ~0.45 s; minimum-jerk saccades of
// 21 + 2.2 ms/°; conjugate; vertical gaze pulling the lids; big saccades often with a blink).
import type { ControlIndex } from '../expressions';
import type { Rng } from '../rng';
import { clamp, logNormal, minJerk } from './signal';

/** Degrees of eye rotation a gaze control value of 1 stands for. */
export const GAZE_FULL_DEG = 30;

interface Blink {
  start: number;
  close: number;
  hold: number;
  open: number;
  ampL: number;
  ampR: number;
}

function blinkValue(b: Blink, t: number): number {
  const u = t - b.start;
  if (u <= 0) return 0;
  if (u < b.close) return 0.5 - 0.5 * Math.cos((Math.PI * u) / b.close);
  if (u < b.close + b.hold) return 1;
  const x = (u - b.close - b.hold) / b.open;
  // Opening: the closure falls as (1 − x)², quickly at first, easing into fully open.
  return x >= 1 ? 0 : (1 - x) * (1 - x);
}

function makeBlink(rng: Rng, start: number): Blink {
  const partial = rng.chance(0.15);
  const amp = partial ? rng.uniform(0.4, 0.8) : rng.uniform(0.9, 1);
  return {
    start,
    close: rng.uniform(0.07, 0.11),
    hold: rng.chance(0.5) ? 0 : rng.uniform(0.01, 0.04),
    open: rng.uniform(0.12, 0.25),
    ampL: amp * rng.uniform(0.95, 1.05),
    ampR: amp * rng.uniform(0.95, 1.05),
  };
}

interface GazeKey {
  t: number;
  dur: number;
  yaw: number;
  pitch: number;
  drift: number;
}

function gazeKeys(rng: Rng, T: number, blinks: Blink[]): GazeKey[] {
  const keys: GazeKey[] = [{ t: -1, dur: 0.03, yaw: 0, pitch: -2, drift: 0 }];
  let t = logNormal(rng, 0.45, 0.6);
  let yaw = 0,
    pitch = -2;
  while (t < T + 1) {
    let ny: number, np: number;
    if (rng.chance(0.3)) {
      ny = rng.normal() * 2;
      np = -1 + rng.normal() * 2;
    } else {
      ny = clamp(rng.normal() * 11, -28, 28);
      np = clamp(-2 + rng.normal() * 7, -22, 18);
    }
    const amp = Math.hypot(ny - yaw, np - pitch);
    const dur = (21 + 2.2 * amp) / 1000;
    keys.push({ t, dur, yaw: ny, pitch: np, drift: rng.normal() * 0.4 });
    if (amp > 18 && rng.chance(0.3)) blinks.push(makeBlink(rng, t - 0.02));
    yaw = ny;
    pitch = np;
    t += dur + clamp(logNormal(rng, 0.45, 0.6), 0.12, 3);
  }
  return keys;
}

export function eyeLayer(rng: Rng, T: number, times: Float64Array, idx: ControlIndex, C: number, out: Float32Array): void {
  const blinks: Blink[] = [];
  let t = rng.uniform(0.2, 3);
  while (t < T + 1) {
    blinks.push(makeBlink(rng, t));
    if (rng.chance(0.07)) blinks.push(makeBlink(rng, t + rng.uniform(0.28, 0.42)));
    t += clamp(logNormal(rng, 4.2, 0.55), 0.6, 12);
  }
  const gaze = gazeKeys(rng, T, blinks);
  blinks.sort((a, b) => a.start - b.start);
  const at = (n: string): number | undefined => idx.get(n);
  const ch = {
    blinkL: at('eyeBlink_L'),
    blinkR: at('eyeBlink_R'),
    wideL: at('eyeWide_L'),
    wideR: at('eyeWide_R'),
    upL: at('eyeLookUp_L'),
    upR: at('eyeLookUp_R'),
    downL: at('eyeLookDown_L'),
    downR: at('eyeLookDown_R'),
    inL: at('eyeLookIn_L'),
    inR: at('eyeLookIn_R'),
    outL: at('eyeLookOut_L'),
    outR: at('eyeLookOut_R'),
  };
  const add = (f: number, c: number | undefined, v: number): void => {
    if (c !== undefined && v > 0) out[f * C + c] = out[f * C + c]! + v;
  };
  const max = (f: number, c: number | undefined, v: number): void => {
    if (c !== undefined && v > out[f * C + c]!) out[f * C + c] = v;
  };
  const vergence = rng.uniform(0, 2);
  let g = 0;
  for (let f = 0; f < times.length; f++) {
    const tf = times[f]!;
    while (g + 1 < gaze.length && gaze[g + 1]!.t <= tf) g++;
    const cur = gaze[g]!,
      prev = gaze[Math.max(0, g - 1)]!;
    const s = minJerk((tf - cur.t) / cur.dur);
    const since = Math.max(0, tf - cur.t - cur.dur);
    const yaw = prev.yaw + (cur.yaw - prev.yaw) * s + cur.drift * since;
    const pitch = prev.pitch + (cur.pitch - prev.pitch) * s;
    const y = yaw / GAZE_FULL_DEG,
      p = pitch / GAZE_FULL_DEG,
      v = vergence / GAZE_FULL_DEG;
    // +yaw looks toward the actor's left: the left eye turns out, the right eye in.
    add(f, ch.outL, y - v);
    add(f, ch.inL, -y + v);
    add(f, ch.inR, y + v);
    add(f, ch.outR, -y - v);
    add(f, ch.upL, p);
    add(f, ch.upR, p);
    add(f, ch.downL, -p);
    add(f, ch.downR, -p);
    // Upper lids follow vertical gaze.
    add(f, ch.blinkL, -p * 0.35);
    add(f, ch.blinkR, -p * 0.35);
    add(f, ch.wideL, p * 0.2);
    add(f, ch.wideR, p * 0.2);
    let bl = 0,
      br = 0;
    for (const b of blinks) {
      if (b.start > tf) break;
      const x = blinkValue(b, tf);
      if (x > 0) {
        bl = Math.max(bl, x * b.ampL);
        br = Math.max(br, x * b.ampR);
      }
    }
    const lidL = ch.blinkL !== undefined ? out[f * C + ch.blinkL]! : 0;
    const lidR = ch.blinkR !== undefined ? out[f * C + ch.blinkR]! : 0;
    max(f, ch.blinkL, lidL + (1 - lidL) * bl);
    max(f, ch.blinkR, lidR + (1 - lidR) * br);
  }
}
