import { describe, expect, it } from 'vitest';
import { downsample, encodeColor, encodeNormals, gaussianBlur } from '../../../../electron/tools/synth/render/post';

describe('post-processing', () => {
  it('blurs without changing flat areas or total energy', () => {
    const w = 9,
      h = 7;
    const img = new Float32Array(w * h * 3).fill(0.25);
    gaussianBlur(img, w, h, 1.2, new Float32Array(img.length));
    for (const v of img) expect(v).toBeCloseTo(0.25, 6);
    const imp = new Float32Array(w * h * 3);
    imp[(3 * w + 4) * 3 + 1] = 1;
    gaussianBlur(imp, w, h, 0.8, new Float32Array(imp.length));
    let sum = 0;
    for (let i = 1; i < imp.length; i += 3) sum += imp[i]!;
    expect(sum).toBeCloseTo(1, 5);
    expect(imp[(3 * w + 4) * 3 + 1]!).toBeGreaterThan(imp[(3 * w + 5) * 3 + 1]!);
    expect(imp[(3 * w + 5) * 3 + 1]!).toBeCloseTo(imp[(4 * w + 4) * 3 + 1]!, 6);
  });

  it('encodes linear colour to sRGB with gain, and noise only when asked', () => {
    const src = Float32Array.from([0, 0.5, 1, 0.25, 0.25, 0.25]);
    const out = new Uint8Array(6);
    encodeColor(src, out, { gain: [1, 1, 1], readNoise: 0, shotNoise: 0, seed: 1, shoulder: false });
    expect(Array.from(out)).toEqual([0, 188, 255, 137, 137, 137]);
    encodeColor(src, out, { gain: [2, 2, 2], readNoise: 0, shotNoise: 0, seed: 1, shoulder: false });
    expect(out[3]).toBe(188);
    const flat = new Float32Array(3000).fill(0.2);
    const a = new Uint8Array(3000),
      b = new Uint8Array(3000);
    encodeColor(flat, a, { gain: [1, 1, 1], readNoise: 0.02, shotNoise: 0.01, seed: 5, shoulder: true });
    encodeColor(flat, b, { gain: [1, 1, 1], readNoise: 0.02, shotNoise: 0.01, seed: 5, shoulder: true });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(5);
  });

  it('resolves supersampling by box filter, normals renormalised', () => {
    const src = Float32Array.from([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const dst = new Float32Array(3);
    downsample(src, 2, 2, 2, dst);
    expect(Array.from(dst)).toEqual([0.25, 0, 0]);
    const n = Float32Array.from([1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
    const enc = new Uint8Array(3);
    encodeNormals(n, 2, 2, 2, enc, true);
    const v = [enc[0]! / 127.5 - 1, enc[1]! / 127.5 - 1, enc[2]! / 127.5 - 1];
    expect(Math.hypot(v[0]!, v[1]!, v[2]!)).toBeCloseTo(1, 1);
  });
});
