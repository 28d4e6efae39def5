// The sparse blend shared by the rig evaluation and the head preview, against a dense sum.
import { describe, expect, it } from 'vitest';
import { accumulateShape, blendShapes, deltaRuns, sparseShape } from '../../../../electron/common/mesh/blend';
import { vertexNormals } from '../../../../electron/common/mesh/vertex-normals';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** A delta moving a few scattered stretches of `n` vertices. */
function scattered(n: number, r: () => number): Float32Array {
  const d = new Float32Array(n * 3);
  for (let v = 0; v < n; v++) if (r() < 0.15) for (let k = 0; k < 3; k++) d[v * 3 + k] = r() - 0.5;
  return d;
}

describe('deltaRuns', () => {
  it('covers every moving vertex, bridges short gaps, and is null for a still delta', () => {
    const d = new Float32Array(100 * 3);
    for (const v of [3, 4, 5, 40, 41, 99]) d[v * 3 + 1] = 1;
    // 5 → 40 is too far to bridge; 40, 41 stay one run; 99 starts another.
    expect(Array.from(deltaRuns(d)!)).toEqual([9, 18, 120, 126, 297, 300]);
    expect(deltaRuns(new Float32Array(30))).toBeNull();
    expect(sparseShape(new Float32Array(30))).toBeNull();
  });
});

describe('blendShapes', () => {
  it('equals neutral + Σ w·Δ summed densely, skipping zero weights and still shapes', () => {
    const r = rng(3);
    const n = 500;
    const neutral = Float32Array.from({ length: n * 3 }, () => r());
    const deltas = Array.from({ length: 12 }, () => scattered(n, r));
    deltas[4] = new Float32Array(n * 3);
    const weights = Float32Array.from(deltas, (_, i) => (i % 3 === 0 ? 0 : r()));
    const dense = Float64Array.from(neutral);
    deltas.forEach((d, i) => d.forEach((x, k) => (dense[k] = dense[k]! + weights[i]! * x)));
    const out = blendShapes(neutral, deltas.map(sparseShape), weights, new Float32Array(n * 3));
    let worst = 0;
    out.forEach((x, k) => (worst = Math.max(worst, Math.abs(x - dense[k]!))));
    expect(worst).toBeLessThan(1e-6);
  });

  it('ignores weights beyond the shapes and overwrites what `out` held', () => {
    const neutral = Float32Array.from([1, 2, 3]);
    const out = Float32Array.from([9, 9, 9]);
    blendShapes(neutral, [sparseShape(Float32Array.from([1, 0, 0]))], [2, 5, 5], out);
    expect(Array.from(out)).toEqual([3, 2, 3]);
    accumulateShape(out, sparseShape(Float32Array.from([0, 0, 1]))!, -1);
    expect(Array.from(out)).toEqual([3, 2, 2]);
  });
});

describe('vertexNormals', () => {
  it('gives unit normals facing the winding', () => {
    // A unit quad in the XY plane facing +Z (two triangles, counter-clockwise).
    const quad = Float32Array.from([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0]);
    const n = vertexNormals(quad, [0, 1, 2, 0, 2, 3]);
    for (let v = 0; v < 4; v++) expect([n[v * 3], n[v * 3 + 1], n[v * 3 + 2]]).toEqual([0, 0, 1]);
  });
});
