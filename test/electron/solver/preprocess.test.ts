// The TypeScript preprocessing is the trainer's, bit for bit: checked against the reference vectors
// that models/training writes from its own preprocess.py.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchTensors, directxToOpenGl, emptyFrameBatch, fillAbsent, normaliseInto } from '../../../electron/solver/preprocess';

interface Reference {
  normalisation: Record<'rgb' | 'normal', { mean: number[]; std: number[] }>;
  absentValue: number;
  imageHWC: number[][][];
  expectedCHW: Record<'rgb' | 'normal', number[][][]>;
}

const ref = JSON.parse(readFileSync('models/training/tests/fixtures/preprocess-reference.json', 'utf8')) as Reference;

describe('preprocessing parity with the trainer', () => {
  for (const kind of ['rgb', 'normal'] as const) {
    it(`${kind}: every value equals Python's float32`, () => {
      const size = ref.imageHWC.length;
      const u8 = Uint8Array.from(ref.imageHWC.flat(2));
      const out = new Float32Array(3 * size * size);
      normaliseInto(u8, size, ref.normalisation[kind], out, 0);
      const expected = ref.expectedCHW[kind].flat(2);
      expect(expected).toHaveLength(out.length);
      expected.forEach((v, i) => expect(out[i], `${kind}[${i}]`).toBe(Math.fround(v)));
    });
  }

  it('fills an absent modality with the sentinel, and flips DirectX normals to OpenGL', () => {
    const out = new Float32Array(2 * 3 * 4).fill(9);
    fillAbsent(out, 2, 12, ref.absentValue);
    expect(Array.from(out.subarray(12))).toEqual(new Array(12).fill(ref.absentValue));
    expect(out[11]).toBe(9);
    const px = Uint8Array.from([10, 200, 30]);
    directxToOpenGl(px);
    expect(Array.from(px)).toEqual([10, 55, 30]);
  });

  it('builds the batch tensors in the solver process: present frames normalised, absent ones the sentinel', () => {
    const size = ref.imageHWC.length;
    const image = Uint8Array.from(ref.imageHWC.flat(2));
    const frames = emptyFrameBatch(2, size);
    frames.rgb.set(image, 0);
    frames.rgb.set(image, image.length);
    frames.normal.set(image, image.length);
    frames.hasRgb.set([1, 1]);
    frames.hasNormal.set([0, 1]); // frame 0 has no normal map
    const { rgb, normal } = batchTensors(frames, ref);
    const plane = 3 * size * size;
    const rgbRef = ref.expectedCHW.rgb.flat(2).map(Math.fround);
    const normalRef = ref.expectedCHW.normal.flat(2).map(Math.fround);
    expect(Array.from(rgb)).toEqual([...rgbRef, ...rgbRef]);
    expect(Array.from(normal.subarray(0, plane))).toEqual(new Array(plane).fill(Math.fround(ref.absentValue)));
    expect(Array.from(normal.subarray(plane))).toEqual(normalRef);
  });
});
