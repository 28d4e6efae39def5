// One drawn copy of the loaded rig (the main head, and the comparison head beside it). Each copy
// draws plain geometry whose positions and normals its own CPU blend writes (cpu-blend.ts): no
// morph targets reach WebGL. Index, colours and material ids are the template's own attribute
// objects, so both heads share those GPU buffers; only positions and normals are per head and
// re-uploaded, and only when a blend changed them.
import { BufferAttribute, BufferGeometry, DynamicDrawUsage, Mesh, type Object3D } from 'three';
import { BlendState, type MeshBlend } from './cpu-blend';
import type { PreparedRig } from './rig-scene';

export interface HeadInstance {
  readonly root: Object3D;
  /** Same order as rig.meshes. */
  readonly meshes: readonly Mesh[];
  /** Per mesh (same order): the weights to show and the buffers they blend into. */
  readonly blends: readonly BlendState[];
  /** Per mesh: its full triangle list (the template's). */
  readonly fullIndex: readonly (BufferAttribute | null)[];
}

/**
 * A copy of the rig's template: meshes (and so their weights) are its own, materials are
 * shared. Its meshes pair up with rig.meshes by position in the tree.
 */
export function instantiateHead(rig: PreparedRig): HeadInstance {
  const root = rig.root.clone(true);
  const original = allMeshes(rig.root);
  const copies = allMeshes(root);
  const meshes = rig.meshes.map((m) => copies[original.indexOf(m.mesh)]!);
  const fullIndex = meshes.map((m) => m.geometry.index);
  const blends = rig.meshes.map((m, i) => drawBlended(meshes[i]!, m.blend));
  return { root, meshes, blends, fullIndex };
}

/**
 * Draws each mesh with its coarse triangle list where there is one (coarse-mesh.ts), or with
 * its full one (`coarse` null: settled frames, wireframe, picking).
 */
export function chooseTriangles(head: HeadInstance, coarse: readonly (BufferAttribute | null)[] | null): void {
  head.meshes.forEach((m, i) => {
    const want = coarse?.[i] ?? head.fullIndex[i] ?? null;
    if (m.geometry.index !== want) m.geometry.setIndex(want);
  });
}

/** Blends the meshes whose weights changed and flags their buffers for upload; true if any did. */
export function updateHead(head: HeadInstance): boolean {
  let changed = false;
  head.blends.forEach((b, i) => {
    if (!b.update()) return;
    const g = head.meshes[i]!.geometry;
    g.attributes.position!.needsUpdate = true;
    g.attributes.normal!.needsUpdate = true;
    changed = true;
  });
  return changed;
}

/** Frees the head's own buffers (the shared ones belong to the rig, disposeRig frees those). */
export function disposeHead(head: HeadInstance): void {
  for (const m of head.meshes) m.geometry.dispose();
}

function drawBlended(mesh: Mesh, blend: MeshBlend): BlendState {
  const template = mesh.geometry;
  const state = new BlendState(blend, new Float32Array(blend.neutral.length), new Float32Array(blend.neutral.length));
  state.update();
  const g = new BufferGeometry();
  for (const [name, attr] of Object.entries(template.attributes)) if (name !== 'position' && name !== 'normal') g.setAttribute(name, attr);
  g.setIndex(template.index);
  for (const group of template.groups) g.addGroup(group.start, group.count, group.materialIndex);
  g.setDrawRange(template.drawRange.start, template.drawRange.count);
  g.setAttribute('position', new BufferAttribute(state.positions, 3).setUsage(DynamicDrawUsage));
  g.setAttribute('normal', new BufferAttribute(state.normals, 3).setUsage(DynamicDrawUsage));
  // The template's bounds cover every target at full weight: right for any pose, never recomputed.
  g.boundingBox = template.boundingBox?.clone() ?? null;
  g.boundingSphere = template.boundingSphere?.clone() ?? null;
  mesh.geometry = g;
  // No influences: three then draws the mesh without its morph shader path.
  mesh.morphTargetInfluences = undefined;
  mesh.morphTargetDictionary = undefined;
  return state;
}

function allMeshes(root: Object3D): Mesh[] {
  const out: Mesh[] = [];
  root.traverse((o) => {
    if (o instanceof Mesh) out.push(o);
  });
  return out;
}
