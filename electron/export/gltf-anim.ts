// glTF export: the shot's rig with its morph-target weights animated over the shot, which opens
// in Blender and three.js. One sampler per mesh node (all meshes share the control order),
// linear interpolation, keys reduced within the tolerance on the whole weight vector. The head's
// motion (common/head.ts), when the table has it, animates a head node's rotation (yaw·pitch·roll
// as a quaternion) and translation (metres): the rig's node of that name if it has one, else a new
// `head` node at the head's pivot (the top of the neck) holding the rig, so it turns where the
// renderer turns it. A rig's own head transform is animated from its rest translation; its rest
// rotation is replaced (a head joint is taken to rest unrotated).
import { NodeIO, type Accessor, type Animation, type Buffer, type Document, type Node } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { reduceCurve } from '../common/curves/reduce';
import { channelScale, HEAD_CHANNELS, headQuaternion } from '../common/head';
import type { Vec3 } from '../common/mesh/framing';
import { frameCount, splitHead, type CurvesTable, type HeadTrack } from './curves-table';

export interface GlbExportResult {
  bytes: Uint8Array;
  keysBefore: number;
  keysAfter: number;
  maxError: number;
}

/** Frames to key: the union of every control's reduced keys, so each curve stays within tolerance. */
export function keyFrames(t: CurvesTable, tolerance: number): { indices: number[]; maxError: number } {
  const n = frameCount(t);
  if (tolerance <= 0) return { indices: Array.from({ length: n }, (_, i) => i), maxError: 0 };
  const keep = new Set<number>();
  let maxError = 0;
  for (const v of t.values) {
    const r = reduceCurve(v, tolerance);
    for (const i of r.indices) keep.add(i);
    maxError = Math.max(maxError, r.maxError);
  }
  // Adding another curve's keys to a curve can only lower its linear-interpolation error.
  return { indices: [...keep].sort((a, b) => a - b), maxError };
}

export interface GlbHeadOptions {
  /** The node the head's motion goes on (default `head`). */
  node: string;
  /** Where the head turns, metres in the rig's space (rig/landmarks.ts rigHeadPivot). */
  pivot: Vec3;
}

export async function toAnimatedGlb(rigGlb: Uint8Array, table: CurvesTable, tolerance: number, headOpts?: GlbHeadOptions): Promise<GlbExportResult> {
  const { face: t, head } = splitHead(table);
  await MeshoptDecoder.ready;
  const io = new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  const doc: Document = await io.readBinary(rigGlb);
  const root = doc.getRoot();
  const buffer = root.listBuffers()[0] ?? doc.createBuffer();
  const { indices, maxError } = keyFrames(t, tolerance);
  const times = Float32Array.from(indices, (i) => (t.firstFrame + i) / t.fps);
  const input = doc.createAccessor('time').setType('SCALAR').setArray(times).setBuffer(buffer);
  const animation = doc.createAnimation(t.shotName);
  let animated = 0;
  for (const node of root.listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const names = targetNames(node);
    if (names.length === 0) continue;
    const column = names.map((name) => t.controls.indexOf(name));
    const weights = new Float32Array(indices.length * names.length);
    indices.forEach((frame, k) => {
      column.forEach((c, j) => (weights[k * names.length + j] = c >= 0 ? t.values[c]![frame]! : 0));
    });
    const output = doc.createAccessor(`${node.getName()}-weights`).setType('SCALAR').setArray(weights).setBuffer(buffer);
    const sampler = doc.createAnimationSampler().setInput(input).setOutput(output).setInterpolation('LINEAR');
    animation.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(node).setTargetPath('weights').setSampler(sampler));
    animated++;
  }
  if (animated === 0) throw new Error('the rig has no meshes with named morph targets to animate');
  const headKeys = head ? animateHead(doc, animation, buffer, head, t, tolerance, headOpts ?? { node: 'head', pivot: [0, 0, 0] }) : 0;
  const bytes = await io.writeBinary(doc);
  return {
    bytes,
    keysBefore: frameCount(t) * (t.controls.length + (head ? HEAD_CHANNELS.length : 0)),
    keysAfter: indices.length * t.controls.length + headKeys * (head ? HEAD_CHANNELS.length : 0),
    maxError,
  };
}

/**
 * The head node: the rig's own transform of that name (a joint or group, not a mesh), or a new one
 * at the pivot holding every scene root (its child offsets them back). A mesh of that name (the
 * default head's face mesh is called `head`) is renamed `<name>_geo`, so the name is the head
 * transform's alone in a DCC's outliner.
 */
function headNodeOf(doc: Document, name: string, pivot: Vec3): { node: Node; rest: Vec3 } {
  const root = doc.getRoot();
  const named = root.listNodes().filter((n) => n.getName() === name);
  const existing = named.find((n) => !n.getMesh());
  if (existing) return { node: existing, rest: existing.getTranslation() };
  for (const mesh of named) mesh.setName(`${name}_geo`);
  const head = doc.createNode(name).setTranslation([pivot[0], pivot[1], pivot[2]]);
  const offset = doc.createNode(`${name}Offset`).setTranslation([-pivot[0], -pivot[1], -pivot[2]]);
  head.addChild(offset);
  for (const scene of root.listScenes()) {
    for (const child of scene.listChildren()) {
      scene.removeChild(child);
      offset.addChild(child);
    }
  }
  const scene = root.getDefaultScene() ?? root.listScenes()[0] ?? doc.createScene('Scene');
  scene.addChild(head);
  for (const other of root.listScenes()) if (other !== scene) other.addChild(head);
  return { node: head, rest: pivot };
}

/** Rotation and translation channels on the head node; returns the keys per channel. */
function animateHead(doc: Document, animation: Animation, buffer: Buffer, head: HeadTrack, t: CurvesTable, tolerance: number, o: GlbHeadOptions): number {
  const n = head.headYaw.length;
  const keep = new Set<number>();
  if (tolerance <= 0) for (let i = 0; i < n; i++) keep.add(i);
  else for (const h of HEAD_CHANNELS) for (const i of reduceCurve(head[h], tolerance * channelScale(h)).indices) keep.add(i);
  const indices = [...keep].sort((a, b) => a - b);
  const { node, rest } = headNodeOf(doc, o.node, o.pivot);
  const rotation = new Float32Array(indices.length * 4);
  const translation = new Float32Array(indices.length * 3);
  indices.forEach((i, k) => {
    const q = headQuaternion(head.headYaw[i]!, head.headPitch[i]!, head.headRoll[i]!);
    // Keep each quaternion in the previous one's hemisphere, so linear (slerp) keys take the short way.
    const prev = k > 0 ? rotation.subarray((k - 1) * 4, k * 4) : null;
    const flip = prev && prev[0]! * q[0] + prev[1]! * q[1] + prev[2]! * q[2] + prev[3]! * q[3] < 0 ? -1 : 1;
    rotation.set(
      q.map((v) => v * flip),
      k * 4,
    );
    translation.set([rest[0] + head.headTx[i]! / 1000, rest[1] + head.headTy[i]! / 1000, rest[2] + head.headTz[i]! / 1000], k * 3);
  });
  const input: Accessor = doc
    .createAccessor('head-time')
    .setType('SCALAR')
    .setArray(Float32Array.from(indices, (i) => (t.firstFrame + i) / t.fps))
    .setBuffer(buffer);
  for (const [path, type, array] of [
    ['rotation', 'VEC4', rotation],
    ['translation', 'VEC3', translation],
  ] as const) {
    const output = doc.createAccessor(`${o.node}-${path}`).setType(type).setArray(array).setBuffer(buffer);
    const sampler = doc.createAnimationSampler().setInput(input).setOutput(output).setInterpolation('LINEAR');
    animation.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(node).setTargetPath(path).setSampler(sampler));
  }
  return indices.length;
}

function targetNames(node: Node): string[] {
  const extras = node.getMesh()?.getExtras() as { targetNames?: unknown } | undefined;
  return Array.isArray(extras?.targetNames) ? extras.targetNames.filter((n): n is string => typeof n === 'string') : [];
}
