// Normal deltas for morph targets. The rig's targets move positions only; without normal
// targets three would light a wide-open jaw with the neutral face's normals. Each target's normal
// delta is n(base + Δ) − n(base), computed once at load: the blend of several targets is then a
// linear approximation (three renormalises per fragment), exact for any single target at 1.

import { vertexNormals } from '../../../electron/common/mesh/vertex-normals';

export { vertexNormals };

export function isZero(delta: ArrayLike<number>): boolean {
  for (let i = 0; i < delta.length; i++) if (delta[i] !== 0) return false;
  return true;
}

/**
 * Normal delta of one position delta; null when the target leaves the mesh still (callers share
 * one zero array). `scratch` (length of base) is reused across targets.
 */
export function normalDelta(base: ArrayLike<number>, baseNormals: Float32Array, indices: ArrayLike<number>, delta: ArrayLike<number>, scratch: Float32Array): Float32Array | null {
  if (isZero(delta)) return null;
  for (let i = 0; i < base.length; i++) scratch[i] = base[i]! + delta[i]!;
  const n = vertexNormals(scratch, indices);
  for (let i = 0; i < n.length; i++) n[i] = n[i]! - baseNormals[i]!;
  return n;
}
