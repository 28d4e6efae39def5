// The trainer's dual-Hiera model exported to ONNX gives, in onnxruntime-node, what PyTorch gave on
// the same inputs (tolerance 1e-4), absent normal map included. The fixture and the reference
// outputs are made by test/fixtures/models/make_parity_fixture.py.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';

interface Parity {
  shape: number[];
  rgb: number[];
  normal: number[];
  params: number[];
  features: number[];
}

it('onnxruntime-node and PyTorch agree to 1e-4', async () => {
  const ref = JSON.parse(readFileSync('test/fixtures/models/tiny-hiera.parity.json', 'utf8')) as Parity;
  const session = await ort.InferenceSession.create('test/fixtures/models/tiny-hiera.onnx', { executionProviders: ['cpu'] });
  const out = await session.run({
    rgb: new ort.Tensor('float32', Float32Array.from(ref.rgb), ref.shape),
    normal: new ort.Tensor('float32', Float32Array.from(ref.normal), ref.shape),
  });
  const params = out.params!.data as Float32Array;
  const features = out.features!.data as Float32Array;
  expect(params.length).toBe(ref.params.length);
  expect(features.length).toBe(ref.features.length);
  let worst = 0;
  ref.params.forEach((v, i) => (worst = Math.max(worst, Math.abs(params[i]! - v))));
  ref.features.forEach((v, i) => (worst = Math.max(worst, Math.abs(features[i]! - v))));
  expect(worst).toBeLessThanOrEqual(1e-4);
  await session.release();
});
