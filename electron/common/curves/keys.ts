// The correction layer: keys shape a correction added on top of the filtered solve, so the solve
// shows through between and beyond them. Beyond the first and last keys a correction eases back
// to zero over a falloff (frames). Pure functions over plain arrays.
//
// The rule a key keeps (README, "Keys"): the correction passes through every key's offset at its
// frame, whatever the tangents, the falloff or the other keys, so
//   - an offset key (the default of keys made before key modes) adds its value to the solve there:
//     final = filter(raw) + value, as in an additive layer;
//   - a pose key is the value: its offset is measured from the curve under it when the layer is
//     evaluated (value − filter(raw) at its frame), so final = value whatever filter is applied
//     later.
// Between keys the correction follows the keys' tangents (Maya's vocabulary, per side).

export type Interp = 'smooth' | 'linear' | 'step';

/** Maya's tangent types. 'fixed' is a tangent shaped by hand (its slope is the key's). */
export const TANGENT_TYPES = ['auto', 'spline', 'clamped', 'linear', 'flat', 'step', 'plateau', 'fixed'] as const;
export type TangentType = (typeof TANGENT_TYPES)[number];

export const KEY_MODES = ['offset', 'pose'] as const;
/** offset: the key adds its value to the solve; pose: the key is the final value. */
export type KeyMode = (typeof KEY_MODES)[number];

export interface Key {
  frame: number;
  value: number;
  /** How the curve leaves this key, in the three-way shorthand (kept in step with outTangent). */
  interp: Interp;
  /** Absent: 'offset' (keys made before key modes). */
  mode?: KeyMode;
  /** Absent: from interp and the previous key's (see keyTangentTypes). */
  inTangent?: TangentType;
  outTangent?: TangentType;
  /** Slopes of 'fixed' tangents, in correction units per frame. */
  inSlope?: number;
  outSlope?: number;
  /** Broken: in and out tangents are shaped apart; unified (absent/false): dragging one turns both. */
  broken?: boolean;
}

export function sortKeys(keys: readonly Key[]): Key[] {
  return [...keys].sort((a, b) => a.frame - b.frame);
}

export const keyMode = (k: Key): KeyMode => k.mode ?? 'offset';

/** The index of the first key at or after `frame` in keys sorted by frame (keys.length if none): binary search. */
export function firstKeyAtOrAfter(keys: readonly { frame: number }[], frame: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]!.frame < frame) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The three-way shorthand for an out tangent (what the toolbar and Alt+1/2/3 show and set). */
export function interpOf(out: TangentType): Interp {
  return out === 'step' ? 'step' : out === 'linear' ? 'linear' : 'smooth';
}

/** The out tangent the three-way shorthand stands for. */
export const TANGENT_OF_INTERP: Readonly<Record<Interp, TangentType>> = { smooth: 'auto', linear: 'linear', step: 'step' };

/**
 * A key's in and out tangent types. A key without them (made before tangents) reads its interp as
 * the out tangent (smooth = auto) and takes its in tangent from the key before, so a linear
 * segment stays a straight line and every curve made before tangents is drawn as it was.
 */
export function keyTangentTypes(key: Key, prev: Key | undefined): { in: TangentType; out: TangentType } {
  const out = key.outTangent ?? TANGENT_OF_INTERP[key.interp];
  const inType = key.inTangent ?? (prev && prev.outTangent === undefined && prev.interp === 'linear' ? 'linear' : 'auto');
  return { in: inType === 'step' ? 'flat' : inType, out };
}

/** The curve under the layer (the filtered solve), which a pose key's offset is measured from. */
export interface LayerBase {
  /** filtered[0] is the shot's first frame. */
  filtered: ArrayLike<number>;
  shotFirst: number;
}

/** The curve under the layer at a frame; 0 outside the shot (as finalFromFiltered adds there). */
export function baseAt(base: LayerBase | null, frame: number): number {
  if (!base) return 0;
  const j = Math.round(frame) - base.shotFirst;
  return j >= 0 && j < base.filtered.length ? base.filtered[j]! : 0;
}

/** Each key's offset: its value for an offset key, value − the curve under it for a pose key. */
export function keyOffsets(keys: readonly Key[], base: LayerBase | null): Float64Array {
  const o = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    o[i] = k.mode === 'pose' ? k.value - baseAt(base, k.frame) : k.value;
  }
  return o;
}

/**
 * Auto tangents: Fritsch–Carlson monotone cubic, like a DCC's auto tangents, so a correction never
 * overshoots past its keys (an animator's 0.3 stays ≤ 0.3 between keys). Flat at the ends.
 */
export function autoSlopes(frames: ArrayLike<number>, values: ArrayLike<number>): Float64Array {
  const n = frames.length;
  const m = new Float64Array(n);
  if (n < 2) return m;
  const d = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) d[i] = (values[i + 1]! - values[i]!) / (frames[i + 1]! - frames[i]!);
  m[0] = d[0]!;
  m[n - 1] = d[n - 2]!;
  for (let i = 1; i < n - 1; i++) m[i] = d[i - 1]! * d[i]! <= 0 ? 0 : (d[i - 1]! + d[i]!) / 2;
  for (let i = 0; i < n - 1; i++) {
    if (d[i] === 0) {
      m[i] = 0;
      m[i + 1] = 0;
      continue;
    }
    const a = m[i]! / d[i]!;
    const b = m[i + 1]! / d[i]!;
    const s = a * a + b * b;
    if (s > 9) {
      const t = 3 / Math.sqrt(s);
      m[i] = t * a * d[i]!;
      m[i + 1] = t * b * d[i]!;
    }
  }
  // Flat ends: a correction settles into its first and last key rather than arriving at speed.
  m[0] = 0;
  m[n - 1] = 0;
  return m;
}

/** Auto tangents of offset keys (their values as offsets). */
export function smoothTangents(keys: readonly Key[]): Float64Array {
  return autoSlopes(
    keys.map((k) => k.frame),
    keys.map((k) => k.value),
  );
}

/** Slopes into and out of each key (correction units per frame), from its tangent types. */
export interface KeySlopes {
  in: Float64Array;
  out: Float64Array;
  /** Out tangent is 'step': the correction holds until the next key. */
  step: Uint8Array;
}

const EQUAL = 1e-9;

/**
 * Every key's in and out slope over the offsets `o`, in Maya's terms (the first key's in side and
 * the last key's out side face the falloff: flat there unless fixed):
 *   auto     monotone (no overshoot), flat at extremes and at the ends;
 *   spline   the slope between the neighbouring keys (Catmull–Rom), the adjacent segment's at an end;
 *   clamped  spline, but flat where a neighbouring key has the same value;
 *   plateau  flat at extremes and ends, spline elsewhere, limited so a segment cannot overshoot;
 *   linear   towards the neighbouring key on that side (two linear sides make a straight segment);
 *   flat     0;  step (out only): holds;  fixed: the key's own slope, as shaped by hand.
 */
export function keySlopes(keys: readonly Key[], o: ArrayLike<number>): KeySlopes {
  const n = keys.length;
  const sin = new Float64Array(n);
  const sout = new Float64Array(n);
  const step = new Uint8Array(n);
  if (n === 0) return { in: sin, out: sout, step };
  const frames = keys.map((k) => k.frame);
  const d = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i < n - 1; i++) d[i] = (o[i + 1]! - o[i]!) / (frames[i + 1]! - frames[i]!);
  let auto: Float64Array | null = null;
  const spline = (i: number): number => {
    if (n < 2) return 0;
    if (i === 0) return d[0]!;
    if (i === n - 1) return d[n - 2]!;
    return (o[i + 1]! - o[i - 1]!) / (frames[i + 1]! - frames[i - 1]!);
  };
  const slope = (type: TangentType, i: number, side: 'in' | 'out'): number => {
    const k = keys[i]!;
    switch (type) {
      case 'flat':
      case 'step':
        return 0;
      case 'fixed':
        return (side === 'in' ? (k.inSlope ?? k.outSlope) : (k.outSlope ?? k.inSlope)) ?? 0;
      case 'linear':
        return side === 'in' ? (i > 0 ? d[i - 1]! : 0) : i < n - 1 ? d[i]! : 0;
      case 'spline':
        return spline(i);
      case 'clamped': {
        const eqPrev = i > 0 && Math.abs(o[i]! - o[i - 1]!) < EQUAL;
        const eqNext = i < n - 1 && Math.abs(o[i + 1]! - o[i]!) < EQUAL;
        return eqPrev || eqNext ? 0 : spline(i);
      }
      case 'plateau': {
        if (i === 0 || i === n - 1) return 0;
        const a = d[i - 1]!;
        const b = d[i]!;
        if (a * b <= 0) return 0;
        const s = spline(i);
        const limit = 3 * Math.min(Math.abs(a), Math.abs(b));
        return Math.sign(s) * Math.min(Math.abs(s), limit);
      }
      case 'auto':
        auto ??= autoSlopes(frames, o);
        return auto[i]!;
    }
  };
  for (let i = 0; i < n; i++) {
    const t = keyTangentTypes(keys[i]!, keys[i - 1]);
    // The falloff side of the first and last key eases back to the solve: flat, unless shaped by hand.
    sin[i] = i === 0 && t.in !== 'fixed' ? 0 : slope(t.in, i, 'in');
    sout[i] = i === n - 1 && t.out !== 'fixed' ? 0 : slope(t.out, i, 'out');
    step[i] = t.out === 'step' ? 1 : 0;
  }
  return { in: sin, out: sout, step };
}

/** Cubic Hermite between (0, a) with slope ma·h and (1, b) with slope mb·h. */
export function hermite(a: number, ma: number, b: number, mb: number, h: number, t: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * a + (t3 - 2 * t2 + t) * h * ma + (-2 * t3 + 3 * t2) * b + (t3 - t2) * h * mb;
}

/**
 * The correction offset at each frame first..first+out.length-1. `keys` must be sorted by frame;
 * `base` is the curve under the layer, which pose keys are measured from (null: 0).
 * Writes into `out` (typed, no allocation per frame: this runs while a key is dragged).
 */
export function sampleCorrection(keys: readonly Key[], falloff: number, first: number, out: Float32Array, base: LayerBase | null = null): Float32Array {
  out.fill(0);
  const n = keys.length;
  if (n === 0) return out;
  const o = keyOffsets(keys, base);
  const s = keySlopes(keys, o);
  const k0 = keys[0]!;
  const kn = keys[n - 1]!;
  const o0 = o[0]!;
  const on = o[n - 1]!;
  let seg = 0;
  for (let i = 0; i < out.length; i++) {
    const f = first + i;
    // Over the falloff: a Hermite from zero (flat) to the key, with the key's slope on that side;
    // with a flat one (any tangent but a fixed one) it is the smoothstep ease, so there is no kink.
    if (f <= k0.frame) {
      const d = k0.frame - f;
      out[i] = d === 0 ? o0 : d < falloff ? hermite(0, 0, o0, s.in[0]!, falloff, 1 - d / falloff) : 0;
      continue;
    }
    if (f >= kn.frame) {
      const d = f - kn.frame;
      out[i] = d === 0 ? on : d < falloff ? hermite(on, s.out[n - 1]!, 0, 0, falloff, d / falloff) : 0;
      continue;
    }
    while (keys[seg + 1]!.frame <= f) seg++;
    const a = keys[seg]!;
    const b = keys[seg + 1]!;
    if (f === a.frame || s.step[seg]) {
      out[i] = o[seg]!;
      continue;
    }
    const h = b.frame - a.frame;
    out[i] = hermite(o[seg]!, s.out[seg]!, o[seg + 1]!, s.in[seg + 1]!, h, (f - a.frame) / h);
  }
  return out;
}

/** Sets (or replaces) a key at a frame; returns a new sorted list. */
export function setKey(keys: readonly Key[], key: Key): Key[] {
  return sortKeys([...keys.filter((k) => k.frame !== key.frame), key]);
}

export function deleteKeysAt(keys: readonly Key[], frames: ReadonlySet<number>): Key[] {
  return keys.filter((k) => !frames.has(k.frame));
}

/**
 * Moves keys by a time and value offset. Moved keys land on whole frames (frame snapping) and
 * replace any unmoved key they land on, as in a DCC graph editor.
 */
export function moveKeys(keys: readonly Key[], selected: ReadonlySet<number>, dFrame: number, dValue: number): Key[] {
  const moved = keys.filter((k) => selected.has(k.frame)).map((k) => ({ ...k, frame: Math.round(k.frame + dFrame), value: k.value + dValue }));
  const landed = new Set(moved.map((k) => k.frame));
  const kept = keys.filter((k) => !selected.has(k.frame) && !landed.has(k.frame));
  return sortKeys([...kept, ...dedupeByFrame(moved)]);
}

function dedupeByFrame(keys: readonly Key[]): Key[] {
  const byFrame = new Map<number, Key>();
  for (const k of keys) byFrame.set(k.frame, k);
  return [...byFrame.values()];
}

/** Keys copied from a frame range, relative to its start, for pasting at another frame. */
export interface KeyClip {
  /** control name → keys with frames relative to the copy's start */
  controls: Record<string, Key[]>;
  length: number;
}

export function copyKeys(byControl: Record<string, readonly Key[]>, from: number, to: number): KeyClip {
  const controls: Record<string, Key[]> = {};
  for (const [name, keys] of Object.entries(byControl)) {
    const inRange = keys.filter((k) => k.frame >= from && k.frame <= to).map((k) => ({ ...k, frame: k.frame - from }));
    if (inRange.length > 0) controls[name] = inRange;
  }
  return { controls, length: to - from };
}

/**
 * Pastes a clip at a frame. With `mirror`, each control's keys go to its L/R twin (mirrorName),
 * so a fix made on the left lip corner can be reused on the right.
 */
export function pasteKeys(
  byControl: Record<string, readonly Key[]>,
  clip: KeyClip,
  at: number,
  mirror: ((name: string) => string) | null,
): Record<string, Key[]> {
  const result: Record<string, Key[]> = {};
  for (const [name, keys] of Object.entries(clip.controls)) {
    const target = mirror ? mirror(name) : name;
    let next = [...(result[target] ?? byControl[target] ?? [])];
    for (const k of keys) next = setKey(next, { ...k, frame: k.frame + at });
    result[target] = next;
  }
  return result;
}
