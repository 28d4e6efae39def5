// The head preview blends the shipped rig exactly as the rig's own evaluation does: three's
// CPU-side morph blend (base + Σ influence·Δ, morphTargetsRelative — the same sum its vertex
// shader computes), with the preview's control binding and its correctives as extra targets,
// matches evaluateRig per vertex to 1e-5 for random values.
import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { evaluateRig } from '../../../electron/rig/evaluate';
import { applyBinding } from '../../../renderer/src/preview/morph-map';
import { bindRig, parseRigGlb } from '../../../renderer/src/preview/rig-scene';
import { defaultHead } from './helpers';

function randomWeights(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  // About a third of the controls at rest, as in a real frame; the rest anywhere in [0, 1].
  return Float32Array.from({ length: n }, () => (rnd() < 0.35 ? 0 : rnd()));
}

describe('head preview vs evaluateRig (default head)', () => {
  it('matches per vertex to 1e-5, correctives included', async () => {
    const { bytes, rig } = await defaultHead();
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // Normal targets are not needed for positions (and cost time here).
    const preview = await parseRigGlb(buffer, { normals: false });
    expect(preview.meshes.map((m) => m.mesh.name)).toEqual(rig.parts.map((p) => p.name));
    expect(preview.correctiveCount).toBeGreaterThan(0);
    const bindings = bindRig(preview, rig.controls);
    const v = new Vector3();
    for (const seed of [1, 2, 3]) {
      const w = randomWeights(rig.controls.length, seed);
      // Make sure every corrective is exercised.
      for (const c of rig.parts.flatMap((p) => p.correctives)) {
        w[c.a] = 0.9;
        w[c.b] = 0.7;
      }
      const truth = evaluateRig(rig, w);
      let worst = 0;
      preview.meshes.forEach((m, k) => {
        applyBinding(bindings[k]!, w, m.mesh.morphTargetInfluences!);
        const pos = truth.positions[k]!;
        m.mesh.updateMatrixWorld(true);
        for (let i = 0; i < pos.length / 3; i++) {
          m.mesh.getVertexPosition(i, v).applyMatrix4(m.mesh.matrixWorld);
          worst = Math.max(worst, Math.abs(v.x - pos[i * 3]!), Math.abs(v.y - pos[i * 3 + 1]!), Math.abs(v.z - pos[i * 3 + 2]!));
        }
      });
      expect(worst).toBeLessThan(1e-5);
    }
  });

  it('and differs from it when the correctives are left out (so the check above has teeth)', async () => {
    const { bytes, rig } = await defaultHead();
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const preview = await parseRigGlb(buffer, { normals: false });
    const w = new Float32Array(rig.controls.length);
    const c = rig.parts.flatMap((p) => p.correctives)[0]!;
    w[c.a] = 1;
    w[c.b] = 1;
    const truth = evaluateRig(rig, w);
    const k = rig.parts.findIndex((p) => p.correctives.includes(c));
    const m = preview.meshes[k]!.mesh;
    const bindings = bindRig(preview, rig.controls);
    applyBinding({ ...bindings[k]!, correctives: new Int32Array(0) }, w, m.morphTargetInfluences!);
    let worst = 0;
    const pos = truth.positions[k]!;
    for (let i = 0; i < pos.length / 3; i++) {
      const p = m.getVertexPosition(i, new Vector3());
      worst = Math.max(worst, Math.abs(p.x - pos[i * 3]!), Math.abs(p.y - pos[i * 3 + 1]!), Math.abs(p.z - pos[i * 3 + 2]!));
    }
    expect(worst).toBeGreaterThan(1e-4);
  });
});
