// GLB → Rig, for the default head and for rigs from a DCC tool: any glTF 2.0 binary whose meshes
// carry morph targets (several meshes and primitives may share target names: head, teeth, eyes),
// quantised (KHR_mesh_quantization) or meshopt-compressed (EXT_meshopt_compression) included.
// Everything is brought to float32 world space (node transforms applied); target names are mapped
// to controls (mapping.ts) and the rig's correctives are read from extras.rigsolve (write-glb.ts).
import { createHash } from 'node:crypto';
import type { Accessor, Document, Mesh, Node, Primitive } from '@gltf-transform/core';
import { WebIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { DEFAULT_CONTROLS } from '../common/controls';
import { RigImportError } from './errors';
import type { RigMappingReport, SplitRegion } from './mapping';
import { mapTargetNames } from './mapping';
import { readCorrectives } from './load-correctives';
import { materialOfName, primitiveColors } from './load-looks';
import type { Rig, RigPart } from './types';
import { RIG_MATERIALS } from './types';

export interface RigImportOptions {
  /** The rig's control set, in order (default: the 102 default controls). */
  readonly controls?: readonly string[];
  /** Manual target → control mapping (null ignores a target); wins over name matching. */
  readonly mapping?: Readonly<Record<string, string | null>>;
  /** Rig name (default: extras.rigsolve.name, else the scene name, else "rig"). */
  readonly name?: string;
}

export interface RigImportResult {
  readonly rig: Rig;
  readonly report: RigMappingReport;
}

const DEFAULT_NAMES: readonly string[] = DEFAULT_CONTROLS.map((c) => c.name);

async function readDocument(bytes: Uint8Array): Promise<Document> {
  await MeshoptDecoder.ready;
  const io = new WebIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  try {
    return await io.readBinary(bytes);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/draco/i.test(msg))
      throw new RigImportError(
        'UNSUPPORTED_COMPRESSION',
        'This rig is Draco-compressed, which RigSolve cannot read; export it uncompressed, quantised or with meshopt compression.',
      );
    throw new RigImportError('INVALID_GLB', `This file is not a readable glTF binary (${msg.split('\n')[0]}).`);
  }
}

/** A primitive as placed in the scene (a mesh used by two nodes gives two instances). */
export interface Instance {
  readonly node: Node | null;
  readonly mesh: Mesh;
  readonly meshIndex: number;
  readonly prim: Primitive;
  readonly primIndex: number;
  readonly matrix: readonly number[];
}

const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

function instances(doc: Document): Instance[] {
  const root = doc.getRoot();
  const meshes = root.listMeshes();
  const out: Instance[] = [];
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  const add = (node: Node | null, mesh: Mesh, matrix: readonly number[]): void =>
    mesh.listPrimitives().forEach((prim, primIndex) => out.push({ node, mesh, meshIndex: meshes.indexOf(mesh), prim, primIndex, matrix }));
  if (scene) {
    scene.traverse((node) => {
      const mesh = node.getMesh();
      if (mesh) add(node, mesh, node.getWorldMatrix());
    });
  } else for (const mesh of meshes) add(null, mesh, IDENTITY);
  return out.filter((i) => i.prim.getAttribute('POSITION') && [4, 5, 6].includes(i.prim.getMode()));
}

/** Float32 copy of an accessor's elements (dequantised, denormalised). */
function readFloats(a: Accessor, size: number): Float32Array {
  const n = a.getCount();
  const es = a.getElementSize();
  const out = new Float32Array(n * size);
  if (a.getComponentType() === 5126 && es === size) {
    out.set(a.getArray() as Float32Array);
    return out;
  }
  const el: number[] = [];
  for (let i = 0; i < n; i++) {
    a.getElement(i, el);
    for (let k = 0; k < size; k++) out[i * size + k] = el[k] ?? 0;
  }
  return out;
}

function transform(p: Float32Array, m: readonly number[], translate: boolean): void {
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i]!,
      y = p[i + 1]!,
      z = p[i + 2]!;
    p[i] = m[0]! * x + m[4]! * y + m[8]! * z + (translate ? m[12]! : 0);
    p[i + 1] = m[1]! * x + m[5]! * y + m[9]! * z + (translate ? m[13]! : 0);
    p[i + 2] = m[2]! * x + m[6]! * y + m[10]! * z + (translate ? m[14]! : 0);
  }
}

function triangles(prim: Primitive, count: number, flip: boolean): Uint32Array {
  const idx = prim.getIndices();
  const src = idx ? Uint32Array.from(idx.getArray() as ArrayLike<number>) : Uint32Array.from({ length: count }, (_, i) => i);
  const mode = prim.getMode();
  let tris: number[];
  if (mode === 4) tris = Array.from(src);
  else {
    tris = [];
    for (let i = 2; i < src.length; i++) {
      if (mode === 5) tris.push(...(i % 2 === 0 ? [src[i - 2]!, src[i - 1]!, src[i]!] : [src[i - 1]!, src[i - 2]!, src[i]!]));
      else tris.push(src[0]!, src[i - 1]!, src[i]!);
    }
  }
  const out = Uint32Array.from(tris);
  if (flip) for (let k = 0; k < out.length; k += 3) [out[k + 1], out[k + 2]] = [out[k + 2]!, out[k + 1]!];
  return out;
}

function det3(m: readonly number[]): number {
  return m[0]! * (m[5]! * m[10]! - m[9]! * m[6]!) - m[4]! * (m[1]! * m[10]! - m[9]! * m[2]!) + m[8]! * (m[1]! * m[6]! - m[5]! * m[2]!);
}

/** mesh.extras.targetNames (glTF-Transform names the targets from it, else by their index). */
function targetNamesOf(mesh: Mesh, meshIndex: number, prim: Primitive): string[] {
  return prim.listTargets().map((t, i) => {
    const n = t.getName();
    return n && n !== String(i) ? n : `${mesh.getName() || `mesh${meshIndex}`}#${i}`;
  });
}

function validate(list: readonly Instance[]): void {
  if (list.length === 0) throw new RigImportError('NO_MESHES', 'This file has no triangle meshes, so there is no face to rig.');
  if (!list.some((i) => i.prim.listTargets().length > 0)) {
    throw new RigImportError('NO_MORPH_TARGETS', 'This rig has no morph targets (blendshapes); export the face with its shape keys / blendshapes.');
  }
  for (const inst of list) {
    const count = inst.prim.getAttribute('POSITION')!.getCount();
    const names = targetNamesOf(inst.mesh, inst.meshIndex, inst.prim);
    const meshName = inst.mesh.getName() || `mesh ${inst.meshIndex}`;
    const siblings = inst.mesh.listPrimitives().map((p) => p.listTargets().length);
    if (siblings.some((n) => n !== siblings[0])) {
      throw new RigImportError(
        'INCONSISTENT_TARGETS',
        `The primitives of mesh "${meshName}" have different numbers of morph targets (${siblings.join(', ')}); ` +
          'glTF requires the same on every primitive of a mesh.',
      );
    }
    inst.prim.listTargets().forEach((t, k) => {
      const pos = t.getAttribute('POSITION');
      if (pos && pos.getCount() !== count) {
        throw new RigImportError(
          'TARGET_COUNT_MISMATCH',
          `Morph target "${names[k]}" of mesh "${meshName}" (primitive ${inst.primIndex}) has ${pos.getCount()} vertices but its mesh has ${count}; ` +
            're-export the rig so every blendshape matches its mesh.',
        );
      }
    });
  }
}

/** Share of a target's delta a vertex gives to one control of a split ARKit shape. */
function splitWeight(region: SplitRegion, x: number, y: number, f: { midX: number; bandX: number; midY: number; bandY: number }): number {
  if (region === 'all') return 1;
  const s = (e0: number, e1: number, v: number): number => {
    const t = Math.min(1, Math.max(0, (v - e0) / (e1 - e0)));
    return t * t * (3 - 2 * t);
  };
  const left = s(f.midX - f.bandX, f.midX + f.bandX, x);
  const side = region.endsWith('eft') ? left : 1 - left;
  if (region === 'left' || region === 'right') return side;
  const upper = s(f.midY - f.bandY, f.midY + f.bandY, y);
  return side * (region.startsWith('upper') ? upper : 1 - upper);
}

export async function importRigGlb(bytes: Uint8Array, options: RigImportOptions = {}): Promise<RigImportResult> {
  const controls = options.controls ?? DEFAULT_NAMES;
  const doc = await readDocument(bytes);
  const list = instances(doc);
  validate(list);

  // Neutral geometry in world space.
  const geo = list.map((inst) => {
    const neutral = readFloats(inst.prim.getAttribute('POSITION')!, 3);
    transform(neutral, inst.matrix, true);
    return { neutral, flip: det3(inst.matrix) < 0 };
  });
  const allNames: string[] = [];
  const perInstanceNames = list.map((inst) => targetNamesOf(inst.mesh, inst.meshIndex, inst.prim));
  for (const names of perInstanceNames) for (const n of names) if (!allNames.includes(n)) allNames.push(n);
  const { assignments, report } = mapTargetNames(allNames, controls, options.mapping);

  // Frame for splitting shared ARKit shapes: the rig's midline, and per target the height of its motion.
  let minX = Infinity,
    maxX = -Infinity;
  for (const g of geo)
    for (let i = 0; i < g.neutral.length; i += 3) {
      minX = Math.min(minX, g.neutral[i]!);
      maxX = Math.max(maxX, g.neutral[i]!);
    }
  const midX = (minX + maxX) / 2,
    bandX = Math.max(1e-6, 0.04 * (maxX - minX));

  // Target deltas in world space, and per target name the height band of its motion.
  const targetDeltas = list.map((inst) =>
    inst.prim.listTargets().map((t) => {
      const pos = t.getAttribute('POSITION');
      if (!pos) return null;
      const d = readFloats(pos, 3);
      transform(d, inst.matrix, false);
      return d;
    }),
  );
  const vertical = new Map<string, { midY: number; bandY: number }>();
  for (const name of assignments.keys()) {
    const pieces: { d: Float32Array; neutral: Float32Array }[] = [];
    list.forEach((_, k) =>
      perInstanceNames[k]!.forEach((n, t) => {
        const d = targetDeltas[k]![t];
        if (n === name && d) pieces.push({ d, neutral: geo[k]!.neutral });
      }),
    );
    vertical.set(name, verticalFrame(pieces));
  }

  const index = new Map(controls.map((c, i) => [c, i]));
  const used = new Set<string>();
  const parts: RigPart[] = list.map((inst, k) => {
    const { neutral, flip } = geo[k]!;
    const n = neutral.length / 3;
    const deltas: (Float32Array | null)[] = controls.map(() => null);
    const names = perInstanceNames[k]!;
    targetDeltas[k]!.forEach((d, t) => {
      const assigned = assignments.get(names[t]!);
      if (!d || !assigned) return;
      const frame = { midX, bandX, ...vertical.get(names[t]!)! };
      for (const { control, region } of assigned) {
        const c = index.get(control)!;
        const out = (deltas[c] ??= new Float32Array(n * 3));
        for (let v = 0; v < n; v++) {
          const w = splitWeight(region, neutral[v * 3]!, neutral[v * 3 + 1]!, frame);
          out[v * 3] = out[v * 3]! + w * d[v * 3]!;
          out[v * 3 + 1] = out[v * 3 + 1]! + w * d[v * 3 + 1]!;
          out[v * 3 + 2] = out[v * 3 + 2]! + w * d[v * 3 + 2]!;
        }
      }
    });
    const material = inst.prim.getMaterial();
    const matAttr = inst.prim.getAttribute('_MATERIAL');
    const materials = new Uint8Array(n).fill(RIG_MATERIALS.indexOf(materialOfName(material?.getName() ?? inst.mesh.getName())));
    if (matAttr) {
      const m = readFloats(matAttr, 1);
      for (let v = 0; v < n; v++) materials[v] = Math.min(RIG_MATERIALS.length - 1, Math.max(0, Math.round(m[v]!)));
    }
    const base = inst.mesh.getName() || `mesh${inst.meshIndex}`;
    let name = inst.mesh.listPrimitives().length > 1 ? `${base}.${inst.primIndex}` : base;
    for (let dup = 2; used.has(name); dup++) name = `${base}#${dup}`;
    used.add(name);
    return {
      name,
      vertexCount: n,
      neutral,
      deltas: deltas.map((d) => (d && d.some((x) => x !== 0) ? d : null)),
      correctives: [],
      indices: triangles(inst.prim, n, flip),
      colors: primitiveColors(inst.prim, n),
      materials,
    };
  });

  const withCorrectives = readCorrectives(doc, list, parts, index);
  const extras = (doc.getRoot().getExtras() as { rigsolve?: { name?: unknown } }).rigsolve;
  const name = options.name ?? (typeof extras?.name === 'string' ? extras.name : undefined) ?? doc.getRoot().listScenes()[0]?.getName() ?? 'rig';
  const hash = createHash('sha256').update(bytes).digest('hex');
  return { rig: { name: name || 'rig', controls: [...controls], parts: withCorrectives, hash }, report };
}

/** Centre and half-band, in y, of where a target moves the mesh (for upper/lower lip splits). */
function verticalFrame(pieces: readonly { d: Float32Array; neutral: Float32Array }[]): { midY: number; bandY: number } {
  let sw = 0,
    sy = 0,
    syy = 0;
  for (const { d, neutral } of pieces) {
    for (let v = 0; v < d.length; v += 3) {
      const w = Math.hypot(d[v]!, d[v + 1]!, d[v + 2]!);
      const y = neutral[v + 1]!;
      sw += w;
      sy += w * y;
      syy += w * y * y;
    }
  }
  if (sw === 0) return { midY: 0, bandY: 1 };
  const midY = sy / sw;
  const sd = Math.sqrt(Math.max(0, syy / sw - midY * midY));
  return { midY, bandY: Math.max(1e-6, 0.35 * sd) };
}

/** The default head or any RigSolve GLB: the Rig with its controls in `controls` order. */
export async function loadRigFromGlb(bytes: Uint8Array, controls?: readonly string[]): Promise<Rig> {
  return (await importRigGlb(bytes, controls ? { controls } : {})).rig;
}
