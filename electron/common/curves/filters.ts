// Non-destructive filters on a control's raw solve. Gaussian and Savitzky–Golay are zero-phase
// (centred windows: no lag, for offline cleanup); One-Euro is causal and adaptive, the filter of
// live capture, so a solve can be previewed as it would look on a live stage.

export type FilterKind = 'none' | 'oneEuro' | 'gaussian' | 'savitzkyGolay';

export interface FilterSpec {
  kind: FilterKind;
  /** 0 (off) … 1 (strongest). One slider for every filter, mapped to each one's parameter. */
  strength: number;
}

export const NO_FILTER: FilterSpec = { kind: 'none', strength: 0 };

/** σ in frames for a strength: up to 6 frames (0.25 s at 24 fps). */
export const gaussianSigma = (strength: number): number => 6 * clamp01(strength);
/** Half-window in frames for a strength: 0…12 (a 25-frame window at full strength). */
export const savgolHalfWindow = (strength: number): number => Math.round(12 * clamp01(strength));
/** One-Euro minimum cutoff (Hz) for a strength: 10 Hz (barely there) down to 0.3 Hz, on a log scale. */
export const oneEuroMinCutoff = (strength: number): number => 10 * Math.pow(0.3 / 10, clamp01(strength));

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * `scale` is the channel's span (1 for a 0…1 control; common/head.ts `channelScale` for the head's
 * degrees and mm): Gaussian and Savitzky–Golay are linear and need none, One-Euro's speed term
 * reads the speed divided by it, so a strength smooths a head turn as it smooths a control.
 */
export function applyFilter(raw: Float32Array, spec: FilterSpec, fps: number, out = new Float32Array(raw.length), scale = 1): Float32Array {
  if (spec.kind === 'none' || spec.strength <= 0) {
    out.set(raw);
    return out;
  }
  switch (spec.kind) {
    case 'gaussian':
      return gaussian(raw, gaussianSigma(spec.strength), out);
    case 'savitzkyGolay':
      return savitzkyGolay(raw, savgolHalfWindow(spec.strength), 2, out);
    case 'oneEuro':
      return oneEuro(raw, fps, { minCutoff: oneEuroMinCutoff(spec.strength), beta: 0.5 / (scale > 0 ? scale : 1), dCutoff: 1 }, out);
  }
}

/** Gaussian smoothing; at the ends the kernel is cut and renormalised (no fake padding values). */
export function gaussian(x: Float32Array, sigma: number, out = new Float32Array(x.length)): Float32Array {
  if (sigma <= 0) {
    out.set(x);
    return out;
  }
  const r = Math.ceil(3 * sigma);
  const w = new Float64Array(2 * r + 1);
  for (let i = -r; i <= r; i++) w[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
  const n = x.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    let ws = 0;
    const lo = Math.max(0, i - r);
    const hi = Math.min(n - 1, i + r);
    for (let j = lo; j <= hi; j++) {
      const wj = w[j - i + r]!;
      s += wj * x[j]!;
      ws += wj;
    }
    out[i] = s / ws;
  }
  return out;
}

/**
 * Savitzky–Golay: a least-squares polynomial of `order` over a window of 2·half+1 frames, evaluated
 * at the centre. Near the ends the window is shifted inside the curve and the polynomial evaluated
 * off-centre, which keeps the ends unbiased (the classic SG end treatment).
 */
export function savitzkyGolay(x: Float32Array, half: number, order: number, out = new Float32Array(x.length)): Float32Array {
  const n = x.length;
  const size = 2 * half + 1;
  if (half <= 0 || n < size || order >= size) {
    out.set(x);
    return out;
  }
  const centre = sgWeights(half, order, 0);
  for (let i = half; i < n - half; i++) {
    let s = 0;
    for (let j = -half; j <= half; j++) s += centre[j + half]! * x[i + j]!;
    out[i] = s;
  }
  for (let i = 0; i < half; i++) {
    // Window [0, size): evaluate at offset i - half from its centre; mirrored for the end.
    const w = sgWeights(half, order, i - half);
    let a = 0;
    let b = 0;
    for (let j = 0; j < size; j++) {
      a += w[j]! * x[j]!;
      b += w[j]! * x[n - 1 - j]!;
    }
    out[i] = a;
    out[n - 1 - i] = b;
  }
  return out;
}

/** Weights w[j] (j = 0…2h) such that Σ w[j]·y[j−h] is the order-p least-squares fit at offset t. */
export function sgWeights(half: number, order: number, t: number): Float64Array {
  const size = 2 * half + 1;
  const p = order + 1;
  // Normal equations AᵀA c = Aᵀ y with A[j][k] = (j−h)^k; weights = [1 t t² …] (AᵀA)⁻¹ Aᵀ.
  const ata = Array.from({ length: p }, () => new Float64Array(p));
  for (let j = 0; j < size; j++) {
    const z = j - half;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) ata[a]![b]! += Math.pow(z, a + b);
  }
  const tv = Float64Array.from({ length: p }, (_, k) => Math.pow(t, k));
  const v = solve(ata, tv); // (AᵀA)⁻¹ tv, AᵀA being symmetric
  const w = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    const z = j - half;
    let s = 0;
    for (let k = 0; k < p; k++) s += v[k]! * Math.pow(z, k);
    w[j] = s;
  }
  return w;
}

function solve(m: Float64Array[], rhs: Float64Array): Float64Array {
  const n = rhs.length;
  const a = m.map((row, i) => Float64Array.from([...row, rhs[i]!]));
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[piv]![c]!)) piv = r;
    [a[c], a[piv]] = [a[piv]!, a[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k <= n; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return Float64Array.from({ length: n }, (_, i) => a[i]![n]! / a[i]![i]!);
}

export interface OneEuroParams {
  /** Hz: the cutoff when the signal is still. */
  minCutoff: number;
  /** How fast the cutoff rises with speed: less lag on fast motion. */
  beta: number;
  /** Hz: cutoff of the speed estimate. */
  dCutoff: number;
}

/** The One-Euro filter (Casiez, Roussel, Vogel, CHI 2012), sampled at `fps`. */
export function oneEuro(x: Float32Array, fps: number, p: OneEuroParams, out = new Float32Array(x.length)): Float32Array {
  const n = x.length;
  if (n === 0) return out;
  const te = 1 / fps;
  const alpha = (cutoff: number): number => {
    const tau = 1 / (2 * Math.PI * cutoff);
    return 1 / (1 + tau / te);
  };
  let xPrev = x[0]!;
  let dxPrev = 0;
  out[0] = xPrev;
  for (let i = 1; i < n; i++) {
    const dx = (x[i]! - xPrev) / te;
    const ad = alpha(p.dCutoff);
    const dxHat = ad * dx + (1 - ad) * dxPrev;
    const cutoff = p.minCutoff + p.beta * Math.abs(dxHat);
    const a = alpha(cutoff);
    const xHat = a * x[i]! + (1 - a) * xPrev;
    out[i] = xHat;
    xPrev = xHat;
    dxPrev = dxHat;
  }
  return out;
}
