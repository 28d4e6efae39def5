// A loaded rig made ready for the preview: correctives become extra morph targets, targets that
// move nothing are dropped, and each mesh gets its CPU blend (cpu-blend.ts) over what is left,
// with its targets known by name once, so binding a control list (morph-map.ts) never walks a
// dictionary per frame. The loaded scene is a template: the drawn heads are copies of it
// (head-instance.ts). No DOM here: a Node test parses the shipped GLB with the same code and
// checks the blend against the rig's own evaluation.
import { Box3, BufferAttribute, Float32BufferAttribute, Mesh, Vector3, type BufferGeometry, type InterleavedBufferAttribute, type Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { compactTargets, isZero, remapDictionary } from './compact-targets';
import { readCorrectiveDefs } from './corrective-extras';
import { makeMeshBlend, type MeshBlend } from './cpu-blend';
import { addLandmarks, centroid, chooseFraming, emptyLandmarkSums, headPivot, type Framing, type Vec3 } from './framing';
import { bindMesh, type CorrectiveTarget, type MeshBinding } from './morph-map';

export interface PreviewMesh {
  readonly mesh: Mesh;
  readonly correctives: readonly CorrectiveTarget[];
  /** Control targets (correctives left out): what a click on this mesh can pick. */
  readonly controlTargets: readonly { readonly name: string; readonly morph: number }[];
  /** Neutral, targets (morph order) and triangles, for the CPU blend and for picking. */
  readonly blend: MeshBlend;
}

export interface PreparedRig {
  readonly root: Object3D;
  /** Every mesh with morph targets, in scene order. */
  readonly meshes: readonly PreviewMesh[];
  readonly framing: Framing;
  /** Where the head turns (the top of the neck, rig space): the head channels' pivot (common/mesh/framing.ts headPivot). */
  readonly pivot: Vec3;
  /** Distinct control target names over all meshes. */
  readonly targetNames: readonly string[];
  readonly correctiveCount: number;
  /** Vertices over all meshes (the status line shows it). */
  readonly vertexCount: number;
}

/** The part of three's GLTF result this module uses (the loader's own type has `any`s). */
export interface GltfLike {
  readonly scene: Object3D;
  readonly parser: {
    readonly json: unknown;
    readonly associations: Map<unknown, { meshes?: number; primitives?: number } | undefined>;
    getDependency(type: string, index: number): Promise<unknown>;
  };
}

/** Key of a corrective in a mesh's morphTargetDictionary, apart from control names. */
export const correctiveKey = (name: string): string => `corrective:${name}`;

export async function parseRigGlb(data: ArrayBuffer): Promise<PreparedRig> {
  // No meshopt decoder: it compiles WebAssembly, which the renderer's CSP does not allow
  // ('wasm-unsafe-eval'); GLTFLoader then names the extension it cannot read.
  const gltf = await new GLTFLoader().parseAsync(data, '');
  return prepareRig(gltf as unknown as GltfLike);
}

function morphMeshes(root: Object3D): Mesh[] {
  const out: Mesh[] = [];
  root.traverse((o) => {
    if (o instanceof Mesh && (o.geometry as BufferGeometry).morphAttributes.position?.length) out.push(o);
  });
  return out;
}

export async function prepareRig(gltf: GltfLike): Promise<PreparedRig> {
  const root = gltf.scene;
  const meshes = morphMeshes(root);
  const correctives = await addCorrectives(gltf, meshes);
  const blends = new Map<BufferGeometry, MeshBlend>();
  for (const mesh of meshes) {
    const g = mesh.geometry as BufferGeometry;
    if (blends.has(g)) continue;
    dropStillTargets(g, meshes, correctives);
    blends.set(g, meshBlend(g));
    // The drawn copies take these bounds: three's include every target at full weight, so
    // culling and raycasts reach a wide-open jaw.
    g.computeBoundingSphere();
    g.computeBoundingBox();
    // Large meshes take a few tens of ms: let the UI breathe between them.
    await new Promise((r) => setTimeout(r, 0));
  }
  const names = new Set<string>();
  const prepared: PreviewMesh[] = meshes.map((mesh) => {
    const dict = mesh.morphTargetDictionary ?? {};
    const own = correctives.get(mesh) ?? [];
    const cKeys = new Set(own.map((c) => correctiveKey(c.name)));
    const controlTargets = Object.entries(dict)
      .filter(([name]) => !cKeys.has(name))
      .map(([name, morph]) => ({ name, morph }));
    for (const t of controlTargets) names.add(t.name);
    return { mesh, correctives: own, controlTargets, blend: blends.get(mesh.geometry)! };
  });
  let vertexCount = 0;
  for (const g of blends.keys()) vertexCount += g.attributes.position?.count ?? 0;
  return {
    root,
    meshes: prepared,
    ...rigFraming(root),
    targetNames: [...names],
    correctiveCount: new Set([...correctives.values()].flat().map((c) => c.name)).size,
    vertexCount,
  };
}

/** Adds the rig's correctives to the meshes they belong to; returns each mesh's list. */
async function addCorrectives(gltf: GltfLike, meshes: readonly Mesh[]): Promise<Map<Mesh, CorrectiveTarget[]>> {
  const out = new Map<Mesh, CorrectiveTarget[]>();
  const defs = readCorrectiveDefs(gltf.parser.json);
  // A mesh used by two nodes is two Mesh objects over one geometry: add each shape once.
  const added = new Map<BufferGeometry, Map<string, number>>();
  for (const def of defs) {
    for (const t of def.targets) {
      const owners = meshes.filter((m) => {
        const a = gltf.parser.associations.get(m);
        return a?.meshes === t.mesh && (a.primitives ?? 0) === t.primitive;
      });
      if (owners.length === 0) continue;
      const attr = (await gltf.parser.getDependency('accessor', t.accessor)) as BufferAttribute | InterleavedBufferAttribute | null;
      for (const mesh of owners) {
        const g = mesh.geometry as BufferGeometry;
        const targets = g.morphAttributes.position!;
        if (!attr || attr.itemSize !== 3 || attr.count !== g.attributes.position?.count) continue;
        let perGeometry = added.get(g);
        if (!perGeometry) added.set(g, (perGeometry = new Map()));
        let morph = perGeometry.get(def.name);
        if (morph === undefined) {
          morph = targets.length;
          targets.push(attr);
          // File-provided normal targets must stay the same length; the corrective's is left flat.
          g.morphAttributes.normal?.push(new Float32BufferAttribute(new Float32Array(attr.count * 3), 3));
          perGeometry.set(def.name, morph);
        }
        // Not mesh.updateMorphTargets(): that would drop the names GLTFLoader took from extras.targetNames.
        const influences = (mesh.morphTargetInfluences ??= []);
        while (influences.length < targets.length) influences.push(0);
        (mesh.morphTargetDictionary ??= {})[correctiveKey(def.name)] = morph;
        const list = out.get(mesh) ?? [];
        list.push({ name: def.name, a: def.a, b: def.b, morph });
        out.set(mesh, list);
      }
    }
  }
  return out;
}

/**
 * Keeps only the targets that move this geometry (compact-targets.ts), renumbering the
 * dictionaries, influences and corrective indices of every mesh drawn with it. A mesh left with
 * none is drawn without morphing at all.
 */
function dropStillTargets(g: BufferGeometry, meshes: readonly Mesh[], correctives: Map<Mesh, CorrectiveTarget[]>): void {
  const targets = g.morphAttributes.position ?? [];
  const { keep, remap } = compactTargets(targets.map((t) => isZero(floatTriples(t))));
  if (keep.length === targets.length) return;
  const pick = <T>(list: readonly T[]) => keep.map((i) => list[i]!);
  if (keep.length > 0) {
    g.morphAttributes.position = pick(targets);
    if (g.morphAttributes.normal) g.morphAttributes.normal = pick(g.morphAttributes.normal);
    if (g.morphAttributes.color) g.morphAttributes.color = pick(g.morphAttributes.color);
  } else {
    g.morphAttributes = {};
  }
  for (const mesh of meshes) {
    if (mesh.geometry !== g) continue;
    mesh.morphTargetDictionary = remapDictionary(mesh.morphTargetDictionary ?? {}, remap);
    mesh.morphTargetInfluences = keep.map(() => 0);
    const own = correctives.get(mesh);
    if (own)
      correctives.set(
        mesh,
        own.filter((c) => (remap[c.morph] ?? -1) >= 0).map((c) => ({ ...c, morph: remap[c.morph]! })),
      );
  }
}

/** The attribute's xyz triples as floats: its own array when it already is one, else a copy. */
function floatTriples(a: BufferAttribute | InterleavedBufferAttribute): Float32Array {
  if (a instanceof BufferAttribute && a.itemSize === 3 && !a.normalized && a.array instanceof Float32Array && a.array.length === a.count * 3) return a.array;
  const out = new Float32Array(a.count * 3);
  for (let i = 0; i < a.count; i++) {
    out[i * 3] = a.getX(i);
    out[i * 3 + 1] = a.getY(i);
    out[i * 3 + 2] = a.getZ(i);
  }
  return out;
}

/** The geometry's CPU blend: neutral, one relative delta per kept target, triangles, file normals. */
function meshBlend(g: BufferGeometry): MeshBlend {
  const neutral = floatTriples(g.attributes.position!);
  const deltas = (g.morphAttributes.position ?? []).map((t) => {
    const d = floatTriples(t);
    if (g.morphTargetsRelative) return d;
    // Absolute targets (glTF files are relative; other sources may not be).
    const rel = new Float32Array(d.length);
    for (let i = 0; i < d.length; i++) rel[i] = d[i]! - neutral[i]!;
    return rel;
  });
  const count = neutral.length / 3;
  const indices: ArrayLike<number> = g.index ? g.index.array : Uint32Array.from({ length: count }, (_, i) => i);
  const normal = g.attributes.normal;
  return makeMeshBlend(neutral, deltas, indices, normal ? floatTriples(normal) : null);
}

/** Front-on framing from the rig's eyes and lips (per-vertex _material), else its neutral bounds; and where the head turns. */
function rigFraming(root: Object3D): { framing: Framing; pivot: Vec3 } {
  root.updateMatrixWorld(true);
  const sums = emptyLandmarkSums();
  // Neutral bounds: three's own geometry bounds include every target at full weight.
  const box = new Box3();
  const v = new Vector3();
  root.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    const g = o.geometry as BufferGeometry;
    const pos = g.attributes.position;
    if (!pos) return;
    const world = new Float32Array(pos.count * 3);
    for (let i = 0; i < pos.count; i++) {
      v.fromBufferAttribute(pos, i).applyMatrix4(o.matrixWorld);
      box.expandByPoint(v);
      world[i * 3] = v.x;
      world[i * 3 + 1] = v.y;
      world[i * 3 + 2] = v.z;
    }
    const mat = g.attributes._material;
    if (!mat) return;
    const m = new Float32Array(mat.count);
    for (let i = 0; i < mat.count; i++) m[i] = Math.round(mat.getX(i));
    addLandmarks(sums, world, m);
  });
  const bounds = box.isEmpty()
    ? { min: [-0.1, -0.1, -0.1] as const, max: [0.1, 0.1, 0.1] as const }
    : { min: [box.min.x, box.min.y, box.min.z] as const, max: [box.max.x, box.max.y, box.max.z] as const };
  const eyes = centroid(sums.eyes),
    mouth = centroid(sums.mouth);
  return { framing: chooseFraming(eyes, mouth, bounds), pivot: headPivot(eyes, mouth, bounds) };
}

/** Binds every mesh of a rig to one published control list (once per list, not per frame). */
export function bindRig(rig: PreparedRig, controls: readonly string[]): MeshBinding[] {
  return rig.meshes.map((m) => bindMesh(controls, m.mesh.morphTargetDictionary ?? {}, m.mesh.morphTargetInfluences?.length ?? 0, m.correctives));
}

/** Frees the rig's GPU-side resources (geometries, materials) when it is replaced. */
export function disposeRig(rig: PreparedRig): void {
  rig.root.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    (o.geometry as BufferGeometry).dispose();
    const mats = Array.isArray(o.material) ? o.material : [o.material];
    for (const m of mats) m.dispose();
  });
}
