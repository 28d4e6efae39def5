// Importing a rig from a DCC tool: several meshes and primitives sharing ARKit-style target names,
// node transforms (centimetres), quantised and meshopt-compressed; mapping, splitting of shared
// ARKit shapes, evaluation, and the refusals.
//
// Tolerance of the compressed rigs: 1e-4 m. quantize() stores positions and morph deltas on a
// 14-bit grid over each mesh's bounds (~0.2 m here, a step of ~12 µm, and less for the smaller
// delta ranges); 0.1 mm is several grid steps and still far below anything visible.
import { Document, Logger, WebIO } from '@gltf-transform/core';
import type { Mesh } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { meshopt, quantize } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTROLS } from '../../../electron/common/controls';
import { RigImportError } from '../../../electron/rig/errors';
import { evaluateRig } from '../../../electron/rig/evaluate';
import { importRigGlb, loadRigFromGlb } from '../../../electron/rig/load';
import type { Rig } from '../../../electron/rig/types';
import { RIG_MATERIALS } from '../../../electron/rig/types';

type V3 = [number, number, number];
const HEAD_TARGETS = [
  'jawOpen',
  'eyeBlinkLeft',
  'eyeBlink_R',
  'mouthSmileLeft',
  'mouthSmile_R',
  'browInnerUp',
  'mouthClose',
  'mouthFunnel',
  'JAWFORWARD',
  'blendShape1.cheekPuff',
  'mouthLipsTogether_L',
  'customWrinkle',
];

/** A smooth, distinct test field per target name (world metres). */
function field(name: string, p: V3): V3 {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) % 1000;
  const a = 0.002 + (h % 13) * 0.0007;
  return [a * Math.sin(40 * p[1] + h), a * Math.cos(30 * p[0] - h), 0.5 * a * Math.sin(25 * (p[0] + p[1]))];
}

interface PrimSpec {
  readonly world: V3[];
  readonly tris: number[];
  readonly material: string;
}

function grid(nx: number, ny: number, x0: number, x1: number, y0: number, y1: number, z: (x: number, y: number) => number): PrimSpec {
  const world: V3[] = [];
  const tris: number[] = [];
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const x = x0 + ((x1 - x0) * i) / (nx - 1),
        y = y0 + ((y1 - y0) * j) / (ny - 1);
      world.push([x, y, z(x, y)]);
    }
  for (let j = 0; j + 1 < ny; j++)
    for (let i = 0; i + 1 < nx; i++) {
      const a = j * nx + i;
      tris.push(a, a + 1, a + nx + 1, a, a + nx + 1, a + nx);
    }
  return { world, tris, material: 'Skin' };
}

/** Node transform: world = scale·local + offset (the head is modelled in centimetres). */
interface Placement {
  readonly scale: number;
  readonly offset: V3;
}

function addMesh(doc: Document, name: string, prims: PrimSpec[], targets: string[], place: Placement): Mesh {
  const buffer = doc.getRoot().listBuffers()[0]!;
  const mesh = doc.createMesh(name).setExtras({ targetNames: targets });
  for (const spec of prims) {
    const local = spec.world.flatMap((p) => p.map((c, k) => (c - place.offset[k]!) / place.scale));
    const prim = doc
      .createPrimitive()
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(local)).setBuffer(buffer))
      .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(spec.tris)).setBuffer(buffer))
      .setMaterial(doc.createMaterial(spec.material).setBaseColorFactor([0.9, 0.6, 0.5, 1]));
    for (const t of targets) {
      const d = spec.world.flatMap((p) => field(t, p).map((c) => c / place.scale));
      prim.addTarget(
        doc.createPrimitiveTarget(t).setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(d)).setBuffer(buffer)),
      );
    }
    mesh.addPrimitive(prim);
  }
  const node = doc.createNode(name).setMesh(mesh).setScale([place.scale, place.scale, place.scale]).setTranslation(place.offset);
  doc.getRoot().listScenes()[0]!.addChild(node);
  return mesh;
}

const face = grid(15, 19, -0.07, 0.07, -0.1, 0.08, (x, y) => 0.08 - 6 * x * x - 2 * y * y);
const lips = grid(9, 5, -0.025, 0.025, -0.07, -0.055, (x) => 0.092 - 8 * x * x);
const teeth = { ...grid(8, 3, -0.02, 0.02, -0.07, -0.055, (x) => 0.075 - 10 * x * x), material: 'TeethMat' };
const eyes = { ...grid(5, 5, 0.02, 0.04, -0.01, 0.01, () => 0.07), material: 'EyeWhite' };

function sourceDoc(): Document {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN));
  doc.createBuffer();
  doc.getRoot().setDefaultScene(doc.createScene('dcc'));
  addMesh(doc, 'Head', [face, lips], HEAD_TARGETS, { scale: 0.01, offset: [0, 0.02, 0] });
  addMesh(doc, 'Teeth', [teeth], ['jawOpen'], { scale: 1, offset: [0, -0.001, 0.002] });
  addMesh(doc, 'Eyes', [eyes], ['eyeLookInLeft', 'eyeLookOut_L'], { scale: 1, offset: [0, 0, 0] });
  return doc;
}

async function write(doc: Document): Promise<Uint8Array> {
  await MeshoptEncoder.ready;
  return new WebIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.encoder': MeshoptEncoder }).writeBinary(doc);
}

let plain: Uint8Array, quantised: Uint8Array, compressed: Uint8Array;

beforeAll(async () => {
  plain = await write(sourceDoc());
  const q = sourceDoc();
  await q.transform(quantize());
  quantised = await write(q);
  const m = sourceDoc();
  await m.transform(meshopt({ encoder: MeshoptEncoder, level: 'medium' }));
  compressed = await write(m);
});

const SPECS: Record<string, PrimSpec> = { 'Head.0': face, 'Head.1': lips, Teeth: teeth, Eyes: eyes };
const idx = (n: string): number => DEFAULT_CONTROLS.findIndex((c) => c.name === n);

/** For each imported vertex, the source vertex at the same place (import may reorder vertices). */
function sourceVertex(spec: PrimSpec, p: V3): number {
  let best = 0,
    bd = Infinity;
  spec.world.forEach((q, i) => {
    const d = Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2]);
    if (d < bd) [best, bd] = [i, d];
  });
  expect(bd).toBeLessThan(1e-4);
  return best;
}

/** Max error of control `c` (sum of its imported deltas over `controls`) against fields. */
function check(rig: Rig, controls: string[], expected: (p: V3, part: string) => V3 | null, tol: number): void {
  const w = new Float32Array(rig.controls.length);
  for (const c of controls) w[idx(c)] = 1;
  const ev = evaluateRig(rig, w);
  rig.parts.forEach((part, k) => {
    const spec = SPECS[part.name]!;
    for (let v = 0; v < part.vertexCount; v++) {
      const p: V3 = [part.neutral[v * 3]!, part.neutral[v * 3 + 1]!, part.neutral[v * 3 + 2]!];
      const src = spec.world[sourceVertex(spec, p)]!;
      const d = expected(src, part.name) ?? [0, 0, 0];
      for (let c = 0; c < 3; c++) expect(Math.abs(ev.positions[k]![v * 3 + c]! - (src[c]! + d[c]!)), `${controls} ${part.name} v${v}`).toBeLessThan(tol);
    }
  });
}

describe('rig import', () => {
  it('maps exact, case-insensitive, namespaced and ARKit names, and reports the rest', async () => {
    const { rig, report } = await importRigGlb(plain);
    expect(rig.controls).toHaveLength(102);
    expect(rig.parts.map((p) => `${p.name}:${p.vertexCount}`)).toEqual(['Head.0:285', 'Head.1:45', 'Teeth:24', 'Eyes:25']);
    const matched = Object.fromEntries(report.matched.map((m) => [m.target, `${m.control}/${m.how}`]));
    expect(matched).toEqual({
      jawOpen: 'jawOpen/exact',
      eyeBlink_R: 'eyeBlink_R/exact',
      mouthLipsTogether_L: 'mouthLipsTogether_L/exact',
      eyeLookOut_L: 'eyeLookOut_L/exact',
      JAWFORWARD: 'jawForward/caseInsensitive',
    });
    const aliased = Object.fromEntries(report.aliased.map((a) => [a.target, a.controls.join('+')]));
    expect(aliased).toEqual({
      eyeBlinkLeft: 'eyeBlink_L',
      mouthSmileLeft: 'mouthCornerPull_L',
      mouthSmile_R: 'mouthCornerPull_R',
      browInnerUp: 'browInnerUp_L+browInnerUp_R',
      // mouthLipsTogether_L has its own target: ARKit's mouthClose keeps only the right half.
      mouthClose: 'mouthLipsTogether_R',
      mouthFunnel: 'mouthFunnelUpper_L+mouthFunnelUpper_R+mouthFunnelLower_L+mouthFunnelLower_R',
      'blendShape1.cheekPuff': 'cheekPuff_L+cheekPuff_R',
      eyeLookInLeft: 'eyeLookIn_L',
    });
    expect(report.unmapped).toEqual([{ target: 'customWrinkle', reason: 'unknown' }]);
    expect(report.missingControls).toHaveLength(102 - 5 - 13);
    expect(report.missingControls).toContain('tongueOut');
    expect(rig.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(RIG_MATERIALS[rig.parts[2]!.materials[0]!]).toBe('teeth');
    expect(RIG_MATERIALS[rig.parts[3]!.materials[0]!]).toBe('sclera');
  });

  it('brings node transforms into world metres and evaluates shared targets on every mesh', async () => {
    const rig = await loadRigFromGlb(plain);
    check(rig, ['jawOpen'], (p, part) => (part === 'Eyes' ? null : field('jawOpen', p)), 1e-6);
    check(rig, ['eyeLookIn_L'], (p, part) => (part === 'Eyes' ? field('eyeLookInLeft', p) : null), 1e-6);
  });

  it('splits a shared ARKit shape between its controls: the parts add up to the whole', async () => {
    const rig = await loadRigFromGlb(plain);
    const head = rig.parts[0]!;
    const L = head.deltas[idx('browInnerUp_L')]!,
      R = head.deltas[idx('browInnerUp_R')]!;
    for (let v = 0; v < head.vertexCount; v++) {
      const x = head.neutral[v * 3]!;
      if (x > 0.02) expect(R[v * 3 + 1]).toBe(0); // actor's left side: all to _L
      if (x < -0.02) expect(L[v * 3 + 1]).toBe(0);
    }
    const onHead =
      (name: string) =>
      (p: V3, part: string): V3 | null =>
        part.startsWith('Head') ? field(name, p) : null;
    check(rig, ['browInnerUp_L', 'browInnerUp_R'], onHead('browInnerUp'), 1e-6);
    check(rig, ['mouthFunnelUpper_L', 'mouthFunnelUpper_R', 'mouthFunnelLower_L', 'mouthFunnelLower_R'], onHead('mouthFunnel'), 1e-6);
  });

  it('reads quantised (KHR_mesh_quantization) and meshopt-compressed (EXT_meshopt_compression) rigs', async () => {
    const extUsed = (b: Uint8Array): string[] => {
      const len = new DataView(b.buffer, b.byteOffset).getUint32(12, true);
      return (JSON.parse(new TextDecoder().decode(b.subarray(20, 20 + len))) as { extensionsUsed?: string[] }).extensionsUsed ?? [];
    };
    expect(extUsed(quantised)).toContain('KHR_mesh_quantization');
    expect(extUsed(compressed)).toEqual(expect.arrayContaining(['EXT_meshopt_compression', 'KHR_mesh_quantization']));
    for (const bytes of [quantised, compressed]) {
      const { rig, report } = await importRigGlb(bytes);
      expect(report.aliased).toHaveLength(8);
      check(
        rig,
        ['jawOpen', 'mouthCornerPull_L', 'eyeBlink_R'],
        (p, part) => {
          if (part === 'Eyes') return null;
          if (part === 'Teeth') return field('jawOpen', p);
          return [0, 1, 2].map((c) => field('jawOpen', p)[c]! + field('mouthSmileLeft', p)[c]! + field('eyeBlink_R', p)[c]!) as V3;
        },
        1e-4,
      );
    }
  });

  it('applies a manual mapping over the automatic one', async () => {
    const { rig, report } = await importRigGlb(plain, { mapping: { customWrinkle: 'noseWrinkle_L', eyeBlinkLeft: null } });
    expect(report.matched).toContainEqual({ target: 'customWrinkle', control: 'noseWrinkle_L', how: 'manual' });
    expect(report.unmapped).toEqual([{ target: 'eyeBlinkLeft', reason: 'ignored' }]);
    expect(rig.parts[0]!.deltas[idx('eyeBlink_L')]).toBeNull();
    await expect(importRigGlb(plain, { mapping: { customWrinkle: 'noSuchControl' } })).rejects.toMatchObject({ code: 'UNKNOWN_CONTROL' });
  });
});

describe('rig import refusals', () => {
  async function refusal(bytes: Uint8Array): Promise<RigImportError> {
    const e = await importRigGlb(bytes).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(RigImportError);
    return e as RigImportError;
  }

  it('a rig without morph targets', async () => {
    const doc = new Document();
    const buffer = doc.createBuffer();
    const prim = doc.createPrimitive().setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(9)).setBuffer(buffer));
    doc.createScene().addChild(doc.createNode().setMesh(doc.createMesh('Face').addPrimitive(prim)));
    const e = await refusal(await write(doc));
    expect(e.code).toBe('NO_MORPH_TARGETS');
    expect(e.message).toMatch(/no morph targets/);
    expect(e.message.split('\n')).toHaveLength(1);
  });

  it('a morph target whose vertex count disagrees with its mesh', async () => {
    const doc = new Document();
    const buffer = doc.createBuffer();
    const prim = doc
      .createPrimitive()
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(12)).setBuffer(buffer))
      .addTarget(
        doc.createPrimitiveTarget('jawOpen').setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(9)).setBuffer(buffer)),
      );
    doc.createScene().addChild(doc.createNode().setMesh(doc.createMesh('Face').addPrimitive(prim)));
    const e = await refusal(await write(doc));
    expect(e.code).toBe('TARGET_COUNT_MISMATCH');
    expect(e.message).toBe(
      'Morph target "jawOpen" of mesh "Face" (primitive 0) has 3 vertices but its mesh has 4; re-export the rig so every blendshape matches its mesh.',
    );
  });

  it('bytes that are not a GLB', async () => {
    const e = await refusal(new TextEncoder().encode('not a glb at all'));
    expect(e.code).toBe('INVALID_GLB');
  });
});
