import { describe, expect, it } from 'vitest';
import { isZero, normalDelta, vertexNormals } from '../../../renderer/src/preview/normals';

// A unit quad in the XY plane facing +Z (two triangles, counter-clockwise).
const quad = Float32Array.from([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0]);
const idx = [0, 1, 2, 0, 2, 3];

describe('vertexNormals', () => {
  it('gives unit normals facing the winding', () => {
    const n = vertexNormals(quad, idx);
    for (let v = 0; v < 4; v++) expect([n[v * 3], n[v * 3 + 1], n[v * 3 + 2]]).toEqual([0, 0, 1]);
  });
});

describe('normalDelta', () => {
  it('is n(base + Δ) − n(base): tilting the quad about Y tilts its normals', () => {
    const base = vertexNormals(quad, idx);
    // Push the right edge back: the quad turns to face +X a little.
    const delta = Float32Array.from([0, 0, 0, 0, 0, -1, 0, 0, -1, 0, 0, 0]);
    const d = normalDelta(quad, base, idx, delta, new Float32Array(12))!;
    const s = Math.SQRT1_2;
    for (let v = 0; v < 4; v++) {
      expect(base[v * 3]! + d[v * 3]!).toBeCloseTo(s);
      expect(base[v * 3 + 2]! + d[v * 3 + 2]!).toBeCloseTo(s);
    }
  });

  it('is null for a target that leaves the mesh still', () => {
    expect(isZero(new Float32Array(6))).toBe(true);
    expect(normalDelta(quad, vertexNormals(quad, idx), idx, new Float32Array(12), new Float32Array(12))).toBeNull();
  });
});
