// The correction layer: keys are offsets added on top of the filtered solve, so the solve shows
// through between and beyond them. Beyond the first and last keys a correction eases back to zero
// over a falloff (frames). Pure functions over plain arrays.

export type Interp = 'smooth' | 'linear' | 'step';

export interface Key {
  frame: number;
  value: number;
  /** How the curve leaves this key towards the next one. */
  interp: Interp;
}

export function sortKeys(keys: readonly Key[]): Key[] {
  return [...keys].sort((a, b) => a.frame - b.frame);
}

/** Smoothstep: eases in and out, so a falloff has no kink at either end. */
function ease(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c * c * (3 - 2 * c);
}

/**
 * Tangents for 'smooth' keys: Fritsch–Carlson monotone cubic, like a DCC's auto tangents, so a
 * correction never overshoots past its keys (an animator's 0.3 stays ≤ 0.3 between keys).
 */
export function smoothTangents(keys: readonly Key[]): Float64Array {
  const n = keys.length;
  const m = new Float64Array(n);
  if (n < 2) return m;
  const d = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) d[i] = (keys[i + 1]!.value - keys[i]!.value) / (keys[i + 1]!.frame - keys[i]!.frame);
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

/**
 * The correction offset at each frame first..first+out.length-1. `keys` must be sorted by frame.
 * Writes into `out` (typed, no allocation per frame: this runs while a key is dragged).
 */
export function sampleCorrection(keys: readonly Key[], falloff: number, first: number, out: Float32Array): Float32Array {
  out.fill(0);
  const n = keys.length;
  if (n === 0) return out;
  const tangents = smoothTangents(keys);
  const k0 = keys[0]!;
  const kn = keys[n - 1]!;
  let seg = 0;
  for (let i = 0; i < out.length; i++) {
    const f = first + i;
    if (f <= k0.frame) {
      out[i] = f === k0.frame ? k0.value : falloff > 0 ? k0.value * ease(1 - (k0.frame - f) / falloff) : 0;
      continue;
    }
    if (f >= kn.frame) {
      out[i] = f === kn.frame ? kn.value : falloff > 0 ? kn.value * ease(1 - (f - kn.frame) / falloff) : 0;
      continue;
    }
    while (keys[seg + 1]!.frame <= f) seg++;
    const a = keys[seg]!;
    const b = keys[seg + 1]!;
    const h = b.frame - a.frame;
    const t = (f - a.frame) / h;
    if (a.interp === 'step') out[i] = a.value;
    else if (a.interp === 'linear') out[i] = a.value + (b.value - a.value) * t;
    else {
      // Cubic Hermite with the monotone tangents.
      const t2 = t * t;
      const t3 = t2 * t;
      out[i] = (2 * t3 - 3 * t2 + 1) * a.value + (t3 - 2 * t2 + t) * h * tangents[seg]! + (-2 * t3 + 3 * t2) * b.value + (t3 - t2) * h * tangents[seg + 1]!;
    }
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
