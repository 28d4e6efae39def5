// Generated test plates: the frame number is written as 10 thick black/white stripes across the
// top (bit 9 first), which survives JPEG proxies and downscaling, so tests and benchmarks can tell
// which frame a viewer shows. Below, a moving disc and a sphere-like normal map make playback visible.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

export const STRIPE_BITS = 10;

export function testPlatePixels(frame: number, width: number, height: number): Buffer {
  const px = Buffer.alloc(width * height * 3);
  const band = Math.floor(height * 0.25);
  const t = frame / 48;
  const cx = width * (0.5 + 0.25 * Math.sin(t * 2 * Math.PI));
  const cy = band + (height - band) * 0.55;
  const r = Math.min(width, height) * 0.15;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      if (y < band) {
        const bit = STRIPE_BITS - 1 - Math.min(STRIPE_BITS - 1, Math.floor((x / width) * STRIPE_BITS));
        const v = (frame >> bit) & 1 ? 255 : 0;
        px[o] = px[o + 1] = px[o + 2] = v;
        continue;
      }
      const inDisc = (x - cx) ** 2 + (y - cy) ** 2 < r * r;
      px[o] = inDisc ? 230 : 40 + Math.floor((x / width) * 90);
      px[o + 1] = inDisc ? 180 : 50 + Math.floor((y / height) * 60);
      px[o + 2] = inDisc ? 150 : 70;
    }
  }
  return px;
}

/** A sphere's camera-space normals, rgb = (n+1)/2, +X right, +Y up, +Z toward the camera. */
export function testNormalPixels(frame: number, width: number, height: number): Buffer {
  const px = Buffer.alloc(width * height * 3);
  const shift = 0.2 * Math.sin((frame / 48) * 2 * Math.PI);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const nx = (x / (width - 1)) * 2 - 1 - shift;
      const ny = 1 - (y / (height - 1)) * 2;
      const d = nx * nx + ny * ny;
      const o = (y * width + x) * 3;
      if (d >= 0.81) {
        px[o] = 128;
        px[o + 1] = 128;
        px[o + 2] = 255;
        continue;
      }
      const nz = Math.sqrt(0.81 - d);
      const len = Math.sqrt(nx * nx + ny * ny + nz * nz);
      px[o] = Math.round(((nx / len + 1) / 2) * 255);
      px[o + 1] = Math.round(((ny / len + 1) / 2) * 255);
      px[o + 2] = Math.round(((nz / len + 1) / 2) * 255);
    }
  }
  return px;
}

/** Reads the frame number back from the stripes of an RGB(A) pixel buffer. */
export function decodeStripes(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: number): number {
  const y = Math.floor(height * 0.12);
  let frame = 0;
  for (let b = 0; b < STRIPE_BITS; b++) {
    const x = Math.floor(((b + 0.5) / STRIPE_BITS) * width);
    const o = (y * width + x) * channels;
    const v = (pixels[o]! + pixels[o + 1]! + pixels[o + 2]!) / 3;
    frame = (frame << 1) | (v > 127 ? 1 : 0);
  }
  return frame;
}

export interface TestSequenceOptions {
  dir: string;
  first: number;
  count: number;
  width: number;
  height: number;
  /** File name before the number, e.g. "plate." → plate.0001.png */
  prefix?: string;
  kind?: 'rgb' | 'normal';
  /** PNG compression level: low is fast to write and still a valid PNG. */
  compressionLevel?: number;
}

export async function writeTestSequence(opts: TestSequenceOptions): Promise<string[]> {
  await mkdir(opts.dir, { recursive: true });
  const files: string[] = [];
  const prefix = opts.prefix ?? 'frame.';
  for (let i = 0; i < opts.count; i++) {
    const frame = opts.first + i;
    const pixels = opts.kind === 'normal' ? testNormalPixels(frame, opts.width, opts.height) : testPlatePixels(frame, opts.width, opts.height);
    const file = join(opts.dir, `${prefix}${String(frame).padStart(4, '0')}.png`);
    await sharp(pixels, { raw: { width: opts.width, height: opts.height, channels: 3 } })
      .png({ compressionLevel: opts.compressionLevel ?? 3 })
      .toFile(file);
    files.push(file);
  }
  return files;
}
