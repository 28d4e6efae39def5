// glTF export: the shot's rig with its morph-target weights animated over the shot, which opens
// in Blender and three.js. One sampler per mesh node (all meshes share the control order),
// linear interpolation, keys reduced within the tolerance on the whole weight vector.
import { NodeIO, type Document, type Node } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { reduceCurve } from '../common/curves/reduce';
import { frameCount, type CurvesTable } from './curves-table';

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

export async function toAnimatedGlb(rigGlb: Uint8Array, t: CurvesTable, tolerance: number): Promise<GlbExportResult> {
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
  const bytes = await io.writeBinary(doc);
  return { bytes, keysBefore: frameCount(t) * t.controls.length, keysAfter: indices.length * t.controls.length, maxError };
}

function targetNames(node: Node): string[] {
  const extras = node.getMesh()?.getExtras() as { targetNames?: unknown } | undefined;
  return Array.isArray(extras?.targetNames) ? extras.targetNames.filter((n): n is string => typeof n === 'string') : [];
}
