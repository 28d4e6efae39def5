// The load-time preparation on a small GLB built here (a tetrahedron-ish "head" and a "teeth"
// mesh with their targets in different orders, a corrective in the RigSolve extras), parsed by
// three's GLTFLoader under Node: names → indices across meshes, correctives as extra targets,
// and the drawn head's CPU blend for given values.
import { Document, WebIO } from '@gltf-transform/core';
import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { instantiateHead, updateHead } from '../../../renderer/src/preview/head-instance';
import { applyBinding } from '../../../renderer/src/preview/morph-map';
import { bindRig, correctiveKey, parseRigGlb } from '../../../renderer/src/preview/rig-scene';

const HEAD = Float32Array.from([0, 0, 0.1, 0.1, 0, 0, -0.1, 0, 0, 0, 0.1, 0]);
const HEAD_IDX = Uint16Array.from([0, 1, 3, 0, 3, 2, 0, 2, 1]);
const d = (v: number, x: number, y: number, z: number, n = 4) => {
  const a = new Float32Array(n * 3);
  a[v * 3] = x;
  a[v * 3 + 1] = y;
  a[v * 3 + 2] = z;
  return a;
};

async function testGlb(): Promise<ArrayBuffer> {
  const doc = new Document();
  const buf = doc.createBuffer();
  const acc = (name: string, a: Float32Array | Uint16Array | Uint8Array, type: 'VEC3' | 'SCALAR' = 'VEC3') =>
    doc.createAccessor(name).setType(type).setArray(a).setBuffer(buf);
  const scene = doc.createScene('s');
  const mesh = (name: string, pos: Float32Array, idx: Uint16Array, targets: [string, Float32Array][], materials?: Uint8Array) => {
    const prim = doc
      .createPrimitive()
      .setAttribute('POSITION', acc(`${name}.position`, pos))
      .setIndices(acc(`${name}.idx`, idx, 'SCALAR'));
    if (materials) prim.setAttribute('_MATERIAL', acc(`${name}.material`, materials, 'SCALAR'));
    for (const [t, delta] of targets) prim.addTarget(doc.createPrimitiveTarget(t).setAttribute('POSITION', acc(`${name}.${t}`, delta)));
    const m = doc
      .createMesh(name)
      .addPrimitive(prim)
      .setExtras({ targetNames: targets.map(([t]) => t) });
    scene.addChild(doc.createNode(name).setMesh(m));
  };
  mesh(
    'head',
    HEAD,
    HEAD_IDX,
    [
      ['jawOpen', d(0, 0, -0.02, 0)],
      ['browDown_L', d(3, 0, -0.01, 0.005)],
    ],
    Uint8Array.from([1, 4, 4, 0]),
  );
  // Teeth: targets in the other order, one vertex fewer.
  mesh('teeth', HEAD.slice(0, 9), Uint16Array.from([0, 1, 2]), [
    ['browDown_L', new Float32Array(9)],
    ['jawOpen', d(1, 0, -0.03, 0, 3)],
  ]);
  acc('rigsolve.corrective.k.head', d(0, 0.004, 0, 0));
  doc.getRoot().setDefaultScene(scene);
  const glb = await new WebIO().writeBinary(doc);
  // Patch the corrective's accessor index into the extras as the rig writer does (by name).
  const { json, bin } = splitGlb(glb);
  const index = (json.accessors as { name: string }[]).findIndex((a) => a.name === 'rigsolve.corrective.k.head');
  json.extras = {
    rigsolve: {
      version: 1,
      correctives: [
        { name: 'k', a: 'jawOpen', b: 'browDown_L', targets: [{ mesh: 0, primitive: 0, accessor: index, accessorName: 'rigsolve.corrective.k.head' }] },
      ],
    },
  };
  return joinGlb(json, bin);
}

function splitGlb(glb: Uint8Array): { json: Record<string, unknown>; bin: Uint8Array } {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const jl = view.getUint32(12, true);
  return { json: JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jl))) as Record<string, unknown>, bin: glb.subarray(20 + jl) };
}

function joinGlb(json: unknown, bin: Uint8Array): ArrayBuffer {
  const raw = new TextEncoder().encode(JSON.stringify(json));
  const j = new Uint8Array(Math.ceil(raw.length / 4) * 4).fill(0x20);
  j.set(raw);
  const out = new Uint8Array(20 + j.length + bin.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, out.length, true);
  view.setUint32(12, j.length, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(j, 20);
  out.set(bin, 20 + j.length);
  return out.buffer;
}

describe('parseRigGlb', () => {
  it('keeps each mesh’s moving targets by name and adds correctives as targets', async () => {
    const rig = await parseRigGlb(await testGlb());
    expect(rig.meshes.map((m) => m.mesh.name)).toEqual(['head', 'teeth']);
    const head = rig.meshes[0]!;
    const teeth = rig.meshes[1]!;
    expect(head.mesh.morphTargetDictionary).toEqual({ jawOpen: 0, browDown_L: 1, [correctiveKey('k')]: 2 });
    // The teeth's browDown_L moves nothing: dropped, so the blend does not carry it.
    expect(teeth.mesh.morphTargetDictionary).toEqual({ jawOpen: 0 });
    expect(teeth.mesh.geometry.morphAttributes.position).toHaveLength(1);
    expect(teeth.mesh.morphTargetInfluences).toEqual([0]);
    expect(head.mesh.morphTargetInfluences).toHaveLength(3);
    expect(head.mesh.geometry.morphAttributes.position).toHaveLength(3);
    expect(head.blend.shapes).toHaveLength(3);
    expect(teeth.blend.shapes).toHaveLength(1);
    expect(rig.correctiveCount).toBe(1);
    expect(rig.meshes[0]!.controlTargets.map((t) => t.name)).toEqual(['jawOpen', 'browDown_L']);
    expect(rig.targetNames).toEqual(['jawOpen', 'browDown_L']);
    expect(rig.vertexCount).toBe(7);
    // Its "eyes" (material 4) are not above its "lip" (1): framed by the bounds, 0.2 wide × 1.08.
    expect(rig.framing.height).toBeCloseTo(0.216, 6);
  });

  it('blends base + Σ w·Δ + w_a·w_b·C into the drawn head', async () => {
    const rig = await parseRigGlb(await testGlb());
    const controls = ['browDown_L', 'jawOpen', 'unknown'];
    const bindings = bindRig(rig, controls);
    const values = Float32Array.from([0.5, 0.8, 1]);
    const drawn = instantiateHead(rig);
    drawn.blends.forEach((b, i) => applyBinding(bindings[i]!, values, b.weights));
    expect(updateHead(drawn)).toBe(true);
    const head = drawn.meshes[0]!;
    const v0 = head.getVertexPosition(0, new Vector3());
    // jawOpen 0.8 × (0, −0.02, 0) + corrective 0.8·0.5 × (0.004, 0, 0)
    expect(v0.x).toBeCloseTo(0.4 * 0.004, 7);
    expect(v0.y).toBeCloseTo(0.8 * -0.02, 7);
    expect(v0.z).toBeCloseTo(0.1, 7);
    const v3 = head.getVertexPosition(3, new Vector3());
    expect(v3.y).toBeCloseTo(0.1 - 0.005, 7);
    expect(v3.z).toBeCloseTo(0.0025, 7);
    const teeth = drawn.meshes[1]!;
    expect(teeth.getVertexPosition(1, new Vector3()).y).toBeCloseTo(-0.024, 7);
  });
});
