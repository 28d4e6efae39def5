// The preview's CPU blend on a quad: positions, normals recomputed from the blended surface,
// authored normals kept through their offset, and no work when the weights did not change.
import { describe, expect, it } from 'vitest';
import { vertexNormals } from '../../../electron/common/mesh/vertex-normals';
import { BlendState, blendNormals, makeMeshBlend } from '../../../renderer/src/preview/cpu-blend';

// A unit quad in the XY plane facing +Z (two triangles, counter-clockwise).
const quad = Float32Array.from([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0]);
const idx = [0, 1, 2, 0, 2, 3];
// Pushes the right edge back by 1: at weight 1 the quad faces (√½, 0, √½).
const tilt = Float32Array.from([0, 0, 0, 0, 0, -1, 0, 0, -1, 0, 0, 0]);
const still = new Float32Array(12);

const state = (fileNormals: Float32Array | null) =>
  new BlendState(makeMeshBlend(quad, [still, tilt], idx, fileNormals), new Float32Array(12), new Float32Array(12));

describe('BlendState', () => {
  it('blends positions and lights the blended surface', () => {
    const s = state(vertexNormals(quad, idx));
    expect(s.blend.normalOffset).toBeNull();
    expect(s.blend.shapes[0]).toBeNull();
    s.weights[1] = 1;
    expect(s.update()).toBe(true);
    expect(s.positions[5]).toBe(-1);
    const h = Math.SQRT1_2;
    for (let v = 0; v < 4; v++) {
      expect(s.normals[v * 3]!).toBeCloseTo(h);
      expect(s.normals[v * 3 + 2]!).toBeCloseTo(h);
    }
  });

  it('does nothing when the weights are those of the last blend', () => {
    const s = state(null);
    expect(s.update()).toBe(true);
    s.positions.fill(7);
    expect(s.update()).toBe(false);
    expect(s.positions[0]).toBe(7);
    s.weights[1] = 0.5;
    expect(s.update()).toBe(true);
    expect(s.positions[0]).toBe(0);
    expect(s.positions[5]).toBe(-0.5);
  });
});

describe('authored normals', () => {
  it('are shown as authored on the neutral face and carried along by the blend', () => {
    // A file whose normals lean towards +Y (smoothing an edge the quad does not have).
    const authored = new Float32Array(12);
    const l = Math.hypot(0.2, 1);
    for (let v = 0; v < 4; v++) authored.set([0, 0.2 / l, 1 / l], v * 3);
    const blend = makeMeshBlend(quad, [tilt], idx, authored);
    expect(blend.normalOffset).not.toBeNull();
    const out = blendNormals(blend, quad, new Float32Array(12));
    for (let i = 0; i < 12; i++) expect(out[i]!).toBeCloseTo(authored[i]!, 6);
    // Tilted: the computed normal turns to +X, the authored lean stays.
    const tilted = Float32Array.from(quad, (x, i) => x + tilt[i]!);
    const n = blendNormals(blend, tilted, new Float32Array(12));
    expect(n[0]!).toBeGreaterThan(0.5);
    expect(n[1]!).toBeGreaterThan(0.1);
    expect(Math.hypot(n[0]!, n[1]!, n[2]!)).toBeCloseTo(1, 6);
  });
});
