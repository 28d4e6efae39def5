// The head preview blends the shipped rig exactly as the rig's own evaluation does: the
// preview's CPU blend (its control binding, its correctives as extra targets, the drawn head's
// position and normal buffers) matches evaluateRig per vertex for random values, positions to
// 1e-5 m and normals to 1e-4; and a second update with the same values does no work.
import { Vector3, type BufferAttribute } from 'three';
import { describe, expect, it } from 'vitest';
import { evaluateRig } from '../../../electron/rig/evaluate';
import { instantiateHead, updateHead, type HeadInstance } from '../../../renderer/src/preview/head-instance';
import { applyBinding, type MeshBinding } from '../../../renderer/src/preview/morph-map';
import { bindRig, parseRigGlb, type PreparedRig } from '../../../renderer/src/preview/rig-scene';
import type { Rig } from '../../../electron/rig/types';
import { defaultHead } from './helpers';

function randomWeights(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  // About a third of the controls at rest, as in a real frame; the rest anywhere in [0, 1].
  return Float32Array.from({ length: n }, () => (rnd() < 0.35 ? 0 : rnd()));
}

async function previewOf(): Promise<{ rig: Rig; preview: PreparedRig; head: HeadInstance; bindings: MeshBinding[] }> {
  const { bytes, rig } = await defaultHead();
  const preview = await parseRigGlb(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return { rig, preview, head: instantiateHead(preview), bindings: bindRig(preview, rig.controls) };
}

function show(head: HeadInstance, bindings: readonly MeshBinding[], w: Float32Array): boolean {
  head.blends.forEach((b, k) => applyBinding(bindings[k]!, w, b.weights));
  return updateHead(head);
}

describe('head preview blend vs evaluateRig (default head)', () => {
  it('matches per vertex, positions and normals, correctives included', async () => {
    const { rig, preview, head, bindings } = await previewOf();
    expect(preview.meshes.map((m) => m.mesh.name)).toEqual(rig.parts.map((p) => p.name));
    expect(preview.correctiveCount).toBeGreaterThan(0);
    // The drawn copies carry no morph targets: three draws them without its morph shader.
    for (const m of head.meshes) {
      expect(m.geometry.morphAttributes.position).toBeUndefined();
      expect(m.morphTargetInfluences).toBeUndefined();
    }
    const v = new Vector3();
    for (const seed of [1, 2, 3]) {
      const w = randomWeights(rig.controls.length, seed);
      // Make sure every corrective is exercised.
      for (const c of rig.parts.flatMap((p) => p.correctives)) {
        w[c.a] = 0.9;
        w[c.b] = 0.7;
      }
      const truth = evaluateRig(rig, w, undefined, { normals: true });
      expect(show(head, bindings, w)).toBe(true);
      let worstPos = 0,
        worstNormal = 0;
      head.meshes.forEach((m, k) => {
        const pos = truth.positions[k]!;
        const nrm = truth.normals![k]!;
        const drawnNormals = m.geometry.attributes.normal!;
        m.updateMatrixWorld(true);
        for (let i = 0; i < pos.length / 3; i++) {
          m.getVertexPosition(i, v).applyMatrix4(m.matrixWorld);
          worstPos = Math.max(worstPos, Math.abs(v.x - pos[i * 3]!), Math.abs(v.y - pos[i * 3 + 1]!), Math.abs(v.z - pos[i * 3 + 2]!));
          worstNormal = Math.max(
            worstNormal,
            Math.abs(drawnNormals.getX(i) - nrm[i * 3]!),
            Math.abs(drawnNormals.getY(i) - nrm[i * 3 + 1]!),
            Math.abs(drawnNormals.getZ(i) - nrm[i * 3 + 2]!),
          );
        }
      });
      expect(worstPos).toBeLessThan(1e-5);
      expect(worstNormal).toBeLessThan(1e-4);
    }
  });

  it('skips the blend and the upload when the values did not change', async () => {
    const { rig, head, bindings } = await previewOf();
    const w = randomWeights(rig.controls.length, 9);
    expect(show(head, bindings, w)).toBe(true);
    const versions = head.meshes.map((m) => (m.geometry.attributes.position as BufferAttribute).version);
    expect(show(head, bindings, Float32Array.from(w))).toBe(false);
    expect(head.meshes.map((m) => (m.geometry.attributes.position as BufferAttribute).version)).toEqual(versions);
    // One control moved: only the meshes it moves are blended again.
    w[rig.controls.indexOf('browInnerUp_L')] = 0.123;
    expect(show(head, bindings, w)).toBe(true);
    const again = head.meshes.map((m) => (m.geometry.attributes.position as BufferAttribute).version);
    expect(again.filter((x, k) => x !== versions[k]).length).toBeGreaterThan(0);
    expect(again.filter((x, k) => x === versions[k]).length).toBeGreaterThan(0);
  });

  it('and differs from it when the correctives are left out (so the check above has teeth)', async () => {
    const { rig, head, bindings } = await previewOf();
    const w = new Float32Array(rig.controls.length);
    const c = rig.parts.flatMap((p) => p.correctives)[0]!;
    w[c.a] = 1;
    w[c.b] = 1;
    const truth = evaluateRig(rig, w);
    const k = rig.parts.findIndex((p) => p.correctives.includes(c));
    applyBinding({ ...bindings[k]!, correctives: new Int32Array(0) }, w, head.blends[k]!.weights);
    updateHead(head);
    const m = head.meshes[k]!;
    let worst = 0;
    const pos = truth.positions[k]!;
    for (let i = 0; i < pos.length / 3; i++) {
      const p = m.getVertexPosition(i, new Vector3());
      worst = Math.max(worst, Math.abs(p.x - pos[i * 3]!), Math.abs(p.y - pos[i * 3 + 1]!), Math.abs(p.z - pos[i * 3 + 2]!));
    }
    expect(worst).toBeGreaterThan(1e-4);
  });
});
