// Rig → GLB. One mesh (one primitive, one node) per part, every primitive carrying one morph
// target per control (names in mesh.extras.targetNames, control order; sparse accessors, so a
// control that leaves a part still costs nothing). Vertex colours in COLOR_0 (linear), the
// material index per vertex in _MATERIAL (index into RIG_MATERIALS).
// Correctives are not morph targets (three.js and the other readers would see them as controls):
// their deltas are extra sparse accessors, listed in the root extras:
//   extras.rigsolve = { version: 1, name, correctives: [{ name, a, b,
//                       targets: [{ mesh, primitive, accessor, accessorName }] }] }
// with a and b control names and accessor the index of a VEC3 float accessor of the primitive's
// vertex count.
import { Document, WebIO } from '@gltf-transform/core';
import type { Accessor } from '@gltf-transform/core';
import { vertexNormals } from './evaluate';
import type { Rig } from './types';

export const RIGSOLVE_EXTRAS_VERSION = 1;

export interface RigsolveCorrectiveExtras {
  readonly name: string;
  readonly a: string;
  readonly b: string;
  readonly targets: readonly { readonly mesh: number; readonly primitive: number; readonly accessor: number; readonly accessorName: string }[];
}

export interface RigsolveExtras {
  readonly version: number;
  readonly name: string;
  readonly correctives: readonly RigsolveCorrectiveExtras[];
}

const ROUGHNESS: Readonly<Record<string, number>> = { eyes: 0.15, mouth: 0.4, teeth: 0.3, tongue: 0.45 };

/** Sparse storage (index + value) for shapes moving under half of the part (glTF-Transform's own advice). */
function worthSparse(d: Float32Array): boolean {
  let moving = 0;
  for (let i = 0; i < d.length; i += 3) if (d[i] !== 0 || d[i + 1] !== 0 || d[i + 2] !== 0) moving++;
  return moving * 2 < d.length / 3;
}

export async function writeRigGlb(rig: Rig): Promise<Uint8Array> {
  const doc = new Document();
  doc.getRoot().getAsset().generator = 'RigSolve rig writer';
  const buffer = doc.createBuffer();
  const scene = doc.createScene(rig.name);
  const f32 = (name: string, type: 'VEC3' | 'SCALAR', array: Float32Array, sparse = false): Accessor =>
    doc
      .createAccessor(name)
      .setType(type)
      .setArray(array)
      .setBuffer(buffer)
      .setSparse(sparse && worthSparse(array));

  const correctiveTargets = new Map<string, { name: string; a: string; b: string; targets: { mesh: number; accessorName: string }[] }>();
  rig.parts.forEach((part, k) => {
    const prim = doc
      .createPrimitive()
      .setAttribute('POSITION', f32(`${part.name}.position`, 'VEC3', part.neutral))
      .setAttribute('NORMAL', f32(`${part.name}.normal`, 'VEC3', vertexNormals(part.neutral, part.indices)))
      .setAttribute('COLOR_0', f32(`${part.name}.color`, 'VEC3', part.colors))
      .setAttribute('_MATERIAL', doc.createAccessor(`${part.name}.material`).setType('SCALAR').setArray(part.materials).setBuffer(buffer))
      .setIndices(
        doc
          .createAccessor(`${part.name}.indices`)
          .setType('SCALAR')
          .setArray(part.vertexCount <= 65535 ? Uint16Array.from(part.indices) : part.indices)
          .setBuffer(buffer),
      )
      .setMaterial(
        doc
          .createMaterial(part.name)
          .setBaseColorFactor([1, 1, 1, 1])
          .setRoughnessFactor(ROUGHNESS[part.name] ?? 0.6)
          .setMetallicFactor(0),
      );
    // One all-zero accessor is shared by every control that leaves this part still.
    let zero: Accessor | null = null;
    rig.controls.forEach((control, c) => {
      const d = part.deltas[c];
      const acc = d
        ? f32(`${part.name}.${control}`, 'VEC3', d, true)
        : (zero ??= f32(`${part.name}.still`, 'VEC3', new Float32Array(part.vertexCount * 3), true));
      prim.addTarget(doc.createPrimitiveTarget(control).setAttribute('POSITION', acc));
    });
    const mesh = doc
      .createMesh(part.name)
      .addPrimitive(prim)
      .setWeights(rig.controls.map(() => 0))
      .setExtras({ targetNames: [...rig.controls] });
    scene.addChild(doc.createNode(part.name).setMesh(mesh));
    for (const c of part.correctives) {
      const accessorName = `rigsolve.corrective.${c.name}.${part.name}`;
      f32(accessorName, 'VEC3', c.delta, true);
      const entry = correctiveTargets.get(c.name) ?? { name: c.name, a: rig.controls[c.a]!, b: rig.controls[c.b]!, targets: [] };
      entry.targets.push({ mesh: k, accessorName });
      correctiveTargets.set(c.name, entry);
    }
  });
  doc.getRoot().setDefaultScene(scene);
  doc.getRoot().setExtras({
    rigsolve: {
      version: RIGSOLVE_EXTRAS_VERSION,
      name: rig.name,
      correctives: [...correctiveTargets.values()].map((c) => ({
        ...c,
        targets: c.targets.map((t) => ({ mesh: t.mesh, primitive: 0, accessor: -1, accessorName: t.accessorName })),
      })),
    },
  });
  const glb = await new WebIO().writeBinary(doc);
  return resolveAccessorIndices(glb);
}

// ---- GLB JSON chunk patching ---------------------------------------------------------------------
// Accessor indices are only known once glTF-Transform has laid the file out, so the corrective
// references are filled in afterwards, in the JSON chunk (the binary chunk is untouched).

interface GltfJson {
  accessors?: { name?: string }[];
  extras?: { rigsolve?: { correctives?: { targets: { accessor: number; accessorName: string }[] }[] } };
}

export function readGlbJson(glb: Uint8Array): { json: unknown; binOffset: number } {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  if (glb.byteLength < 20 || view.getUint32(0, true) !== 0x46546c67) throw new Error('not a GLB file');
  const jsonLength = view.getUint32(12, true);
  const text = new TextDecoder().decode(glb.subarray(20, 20 + jsonLength));
  return { json: JSON.parse(text), binOffset: 20 + jsonLength };
}

function resolveAccessorIndices(glb: Uint8Array): Uint8Array {
  const { json, binOffset } = readGlbJson(glb);
  const g = json as GltfJson;
  const index = new Map((g.accessors ?? []).map((a, i) => [a.name ?? '', i]));
  for (const c of g.extras?.rigsolve?.correctives ?? []) {
    for (const t of c.targets) {
      const i = index.get(t.accessorName);
      if (i === undefined) throw new Error(`corrective accessor ${t.accessorName} was not written`);
      t.accessor = i;
    }
  }
  const raw = new TextEncoder().encode(JSON.stringify(g));
  // The JSON chunk is padded with spaces to a 4-byte boundary (GLB spec).
  const jsonBytes = new Uint8Array(Math.ceil(raw.length / 4) * 4).fill(0x20);
  jsonBytes.set(raw);
  const bin = glb.subarray(binOffset);
  const out = new Uint8Array(12 + 8 + jsonBytes.length + bin.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, out.length, true);
  view.setUint32(12, jsonBytes.length, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(jsonBytes, 20);
  out.set(bin, 20 + jsonBytes.length);
  return out;
}
