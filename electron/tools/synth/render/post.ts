// From float buffers to 8-bit images: supersample resolve, the camera's optics and sensor
// (blur → exposure/white balance → noise, in that physical order, in linear light), a soft
// highlight shoulder, sRGB encoding; and the normal-map encoding rgb = round((n + 1)·127.5).

/** Box-filter resolve of an s×-supersampled RGB float image. */
export function downsample(src: Float32Array, sw: number, sh: number, s: number, dst: Float32Array): void {
  const w = Math.floor(sw / s),
    h = Math.floor(sh / s);
  const inv = 1 / (s * s);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0,
        g = 0,
        b = 0;
      for (let j = 0; j < s; j++) {
        let o = ((y * s + j) * sw + x * s) * 3;
        for (let i = 0; i < s; i++, o += 3) {
          r += src[o]!;
          g += src[o + 1]!;
          b += src[o + 2]!;
        }
      }
      const d = (y * w + x) * 3;
      dst[d] = r * inv;
      dst[d + 1] = g * inv;
      dst[d + 2] = b * inv;
    }
  }
}

/** Separable Gaussian blur in place (tmp: same size scratch); edges clamp. */
export function gaussianBlur(img: Float32Array, w: number, h: number, sigma: number, tmp: Float32Array): void {
  if (sigma <= 0.05) return;
  const r = Math.max(1, Math.ceil(sigma * 2.5));
  const taps = 2 * r + 1;
  const k = new Float32Array(taps);
  let sum = 0;
  for (let i = -r; i <= r; i++) sum += k[i + r] = Math.exp((-i * i) / (2 * sigma * sigma));
  for (let i = 0; i < taps; i++) k[i] = k[i]! / sum;
  // One pass: dst(x) = Σ k[i]·src(clamp(x + i)) along rows (stride 3) or columns (stride 3w).
  const pass = (src: Float32Array, dst: Float32Array, n: number, lines: number, step: number, lineStep: number): void => {
    const idx = new Int32Array(n + 2 * r);
    for (let i = 0; i < idx.length; i++) idx[i] = Math.min(n - 1, Math.max(0, i - r)) * step;
    for (let l = 0; l < lines; l++) {
      const base = l * lineStep;
      for (let x = 0; x < n; x++) {
        let a = 0,
          b = 0,
          c = 0;
        for (let i = 0; i < taps; i++) {
          const o = base + idx[x + i]!,
            kv = k[i]!;
          a += src[o]! * kv;
          b += src[o + 1]! * kv;
          c += src[o + 2]! * kv;
        }
        const d = base + x * step;
        dst[d] = a;
        dst[d + 1] = b;
        dst[d + 2] = c;
      }
    }
  };
  pass(img, tmp, w, h, 3, w * 3);
  pass(tmp, img, h, w, w * 3, 3);
}

// Linear → sRGB byte tables over [0, LUT_RANGE): plain (clip at 1) and with the highlight shoulder
// (values above 0.8 roll off toward 1 instead of clipping, like a film/camera tone curve).
const LUT_STEPS = 4096; // per unit
const LUT_RANGE = 4;
function srgbByte(x: number): number {
  const c = Math.min(1, Math.max(0, x));
  return Math.round((c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055) * 255);
}
function buildLut(shoulder: boolean): Uint8Array {
  const t = new Uint8Array(LUT_STEPS * LUT_RANGE + 1);
  for (let i = 0; i < t.length; i++) {
    let x = i / LUT_STEPS;
    if (shoulder && x > 0.8) x = 0.8 + 0.2 * (1 - Math.exp(-(x - 0.8) / 0.2));
    t[i] = srgbByte(x);
  }
  return t;
}
const LUT_CLIP = buildLut(false);
const LUT_SHOULDER = buildLut(true);
const LUT_MAX = LUT_STEPS * LUT_RANGE;

/** A fixed table of standard normals; sensor noise indexes it pseudo-randomly (much cheaper than Box–Muller per pixel). */
const GAUSS = (() => {
  const n = 1 << 16;
  const t = new Float32Array(n);
  let s = 0x12345678;
  const u = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) + 0.5) / 4294967296;
  };
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(u())),
      a = 2 * Math.PI * u();
    t[i] = r * Math.cos(a);
    t[i + 1] = r * Math.sin(a);
  }
  return t;
})();

export interface SensorParams {
  readonly gain: readonly [number, number, number];
  readonly readNoise: number;
  readonly shotNoise: number;
  readonly seed: number;
  /** False: clip at 1 instead of rolling highlights off (exact colours for tests). */
  readonly shoulder: boolean;
}

/** Linear float RGB → sRGB bytes, applying gain, noise and the highlight shoulder. */
export function encodeColor(src: Float32Array, dst: Uint8Array, p: SensorParams): void {
  const lut = p.shoulder ? LUT_SHOULDER : LUT_CLIP;
  const noisy = p.readNoise > 0 || p.shotNoise > 0;
  // Noise sigma as a function of the signal, tabulated per 1/64 (shot noise varies slowly).
  const sigma = new Float32Array(LUT_RANGE * 64 + 1);
  for (let i = 0; i < sigma.length; i++) sigma[i] = Math.sqrt(p.readNoise * p.readNoise + p.shotNoise * (i / 64));
  let s = (p.seed ^ 0x9e3779b9) | 1;
  for (let c = 0; c < 3; c++) {
    const g = p.gain[c]!;
    // Decorrelate the channels' noise streams.
    s = (s ^ Math.imul(c + 1, 0x27d4eb2d)) | 1;
    for (let i = c; i < src.length; i += 3) {
      let x = src[i]! * g;
      if (noisy) {
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        const k = x <= 0 ? 0 : x >= LUT_RANGE ? LUT_RANGE * 64 : (x * 64) | 0;
        x += sigma[k]! * GAUSS[(s >>> 16) & 0xffff]!;
      }
      dst[i] = lut[x <= 0 ? 0 : x >= LUT_RANGE ? LUT_MAX : (x * LUT_STEPS + 0.5) | 0]!;
    }
  }
}

/**
 * Camera-space unit normals → bytes. An s×-supersampled source is averaged, then renormalised when
 * `renormalise` (false when the background is not a unit vector, e.g. black, so it stays exact).
 */
export function encodeNormals(src: Float32Array, sw: number, sh: number, s: number, dst: Uint8Array, renormalise: boolean): void {
  const w = Math.floor(sw / s),
    h = Math.floor(sh / s);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nx = 0,
        ny = 0,
        nz = 0;
      for (let j = 0; j < s; j++) {
        let o = ((y * s + j) * sw + x * s) * 3;
        for (let i = 0; i < s; i++, o += 3) {
          nx += src[o]!;
          ny += src[o + 1]!;
          nz += src[o + 2]!;
        }
      }
      const l = s === 1 ? 1 : renormalise ? 1 / (Math.sqrt(nx * nx + ny * ny + nz * nz) || 1) : 1 / (s * s);
      const d = (y * w + x) * 3;
      dst[d] = enc(nx * l);
      dst[d + 1] = enc(ny * l);
      dst[d + 2] = enc(nz * l);
    }
  }
}

function enc(v: number): number {
  const q = Math.round((v + 1) * 127.5);
  return q < 0 ? 0 : q > 255 ? 255 : q;
}

/** Decoded vector of an encoded normal-map colour (for the background). */
export function decodeNormal(rgb: readonly [number, number, number]): [number, number, number] {
  return [rgb[0] / 127.5 - 1, rgb[1] / 127.5 - 1, rgb[2] / 127.5 - 1];
}
