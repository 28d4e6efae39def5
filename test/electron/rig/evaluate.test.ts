// evaluateRig against three.js's own reading of the same GLB (position = base + Σ influence ·
// morph delta, morphTargetsRelative), correctives included on both sides; and the basis arrays.
import type { BufferAttribute, Mesh as ThreeMesh, Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { rigBasisArrays } from '../../../electron/rig/basis';
import { deltaRuns, evaluateRig } from '../../../electron/rig/evaluate';
import { readGlbJson } from '../../../electron/rig/write-glb';
import type { RigsolveExtras } from '../../../electron/rig/write-glb';
import type { Rig } from '../../../electron/rig/types';
import { defaultHead, rng } from './helpers';

let rig: Rig;
let bytes: Uint8Array;
let gltf: GLTF;
const meshes = new Map<string, ThreeMesh>();

beforeAll(async () => {
  ({ rig, bytes } = await defaultHead());
  gltf = await new GLTFLoader().parseAsync(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, '');
  gltf.scene.traverse((o: Object3D) => {
    if ((o as ThreeMesh).isMesh) meshes.set(o.name, o as ThreeMesh);
  });
});

/** three.js's CPU equivalent of its morph shader, in float64. */
function threeBlend(mesh: ThreeMesh, influences: ArrayLike<number>): Float64Array {
  // The base attribute is interleaved (position, normal, colour…): read it element-wise.
  const base = mesh.geometry.getAttribute('position');
  const morphs = mesh.geometry.morphAttributes.position as BufferAttribute[];
  const out = new Float64Array(base.count * 3);
  for (let v = 0; v < base.count; v++) [out[v * 3], out[v * 3 + 1], out[v * 3 + 2]] = [base.getX(v), base.getY(v), base.getZ(v)];
  morphs.forEach((m, i) => {
    const w = influences[i]!;
    if (w === 0) return;
    for (let v = 0; v < m.count; v++) {
      out[v * 3] = out[v * 3]! + w * m.getX(v);
      out[v * 3 + 1] = out[v * 3 + 1]! + w * m.getY(v);
      out[v * 3 + 2] = out[v * 3 + 2]! + w * m.getZ(v);
    }
  });
  return out;
}

function randomWeights(seed: number, zero: readonly string[] = []): Float32Array {
  const r = rng(seed);
  const w = Float32Array.from(rig.controls, () => r());
  for (const z of zero) w[rig.controls.indexOf(z)] = 0;
  return w;
}

function maxDiff(a: Float32Array, b: Float64Array): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!));
  return m;
}

describe('evaluateRig', () => {
  it('matches three.js morph blending to 1e-5 m for random weights (no corrective active)', () => {
    // Zeroing jawOpen and eyeBlink_* leaves every corrective pair with a zero product.
    for (const seed of [1, 2, 3]) {
      const w = randomWeights(seed, ['jawOpen', 'eyeBlink_L', 'eyeBlink_R']);
      const ev = evaluateRig(rig, w);
      rig.parts.forEach((p, k) => {
        const mesh = meshes.get(p.name)!;
        w.forEach((x, i) => (mesh.morphTargetInfluences![i] = x));
        expect(maxDiff(ev.positions[k]!, threeBlend(mesh, mesh.morphTargetInfluences!)), p.name).toBeLessThan(1e-5);
      });
    }
  });

  it('matches three.js plus the correctives read from extras, for all weights random', async () => {
    const extras = (readGlbJson(bytes).json as { extras: { rigsolve: RigsolveExtras } }).extras.rigsolve;
    const w = randomWeights(7);
    const ev = evaluateRig(rig, w);
    const expected = new Map(rig.parts.map((p) => [p.name, threeBlend(meshes.get(p.name)!, w)]));
    for (const c of extras.correctives) {
      const k = w[rig.controls.indexOf(c.a)]! * w[rig.controls.indexOf(c.b)]!;
      for (const t of c.targets) {
        const attr = (await gltf.parser.getDependency('accessor', t.accessor)) as BufferAttribute;
        const out = expected.get(rig.parts[t.mesh]!.name)!;
        for (let v = 0; v < attr.count; v++) {
          out[v * 3] = out[v * 3]! + k * attr.getX(v);
          out[v * 3 + 1] = out[v * 3 + 1]! + k * attr.getY(v);
          out[v * 3 + 2] = out[v * 3 + 2]! + k * attr.getZ(v);
        }
      }
    }
    rig.parts.forEach((p, k) => expect(maxDiff(ev.positions[k]!, expected.get(p.name)!), p.name).toBeLessThan(1e-5));
  });

  it('gives the neutral for zero weights, reuses its output, and returns unit normals', () => {
    const zero = new Float32Array(rig.controls.length);
    const ev = evaluateRig(rig, zero);
    rig.parts.forEach((p, k) => expect(maxDiff(ev.positions[k]!, Float64Array.from(p.neutral))).toBe(0));
    const again = evaluateRig(rig, randomWeights(4), ev, { normals: true });
    expect(again.positions[0]).toBe(ev.positions[0]);
    const n = again.normals![0]!;
    for (let v = 0; v < 200; v++) expect(Math.hypot(n[v * 3]!, n[v * 3 + 1]!, n[v * 3 + 2]!)).toBeCloseTo(1, 5);
    // The face looks down +Z: the nose tip's normal points forward.
    const head = rig.parts[0]!;
    let tip = 0;
    for (let v = 0; v < head.vertexCount; v++) if (head.neutral[v * 3 + 2]! > head.neutral[tip * 3 + 2]!) tip = v;
    const nz = evaluateRig(rig, zero, undefined, { normals: true }).normals![0]![tip * 3 + 2]!;
    expect(nz).toBeGreaterThan(0.8);
  });

  it('walks only the runs of moving vertices, which cover every nonzero delta', () => {
    const d = new Float32Array(3 * 100);
    for (const v of [3, 4, 5, 40, 41, 99]) d[v * 3 + 1] = 1;
    expect(Array.from(deltaRuns(d)!)).toEqual([9, 18, 120, 126, 297, 300]);
    expect(deltaRuns(new Float32Array(30))).toBeNull();
  });
});

describe('rigBasisArrays', () => {
  it('concatenates parts: neutral [V,3], deltas [102,V,3], correctives [K,V,3] + pairs, consistent with evaluateRig', () => {
    const b = rigBasisArrays(rig);
    const V = rig.parts.reduce((n, p) => n + p.vertexCount, 0);
    expect(b.vertexCount).toBe(V);
    expect(b.controlCount).toBe(102);
    expect(b.neutral.length).toBe(V * 3);
    expect(b.deltas.length).toBe(102 * V * 3);
    expect(b.correctiveCount).toBe(8);
    expect(b.correctives.length).toBe(8 * V * 3);
    expect(b.pairs.length).toBe(16);
    expect(b.partOffsets[rig.parts.length]).toBe(V);
    const w = randomWeights(11);
    const ev = evaluateRig(rig, w);
    const pos = Float64Array.from(b.neutral);
    for (let c = 0; c < 102; c++) for (let i = 0; i < V * 3; i++) pos[i] = pos[i]! + w[c]! * b.deltas[c * V * 3 + i]!;
    for (let k = 0; k < b.correctiveCount; k++) {
      const wk = w[b.pairs[k * 2]!]! * w[b.pairs[k * 2 + 1]!]!;
      for (let i = 0; i < V * 3; i++) pos[i] = pos[i]! + wk * b.correctives[k * V * 3 + i]!;
    }
    rig.parts.forEach((p, k) => {
      const o = b.partOffsets[k]! * 3;
      expect(maxDiff(ev.positions[k]!, pos.subarray(o, o + p.vertexCount * 3))).toBeLessThan(1e-6);
    });
    expect(b.indices.reduce((m, i) => Math.max(m, i), 0)).toBe(V - 1);
  });
});
