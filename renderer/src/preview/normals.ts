// Normal deltas for morph targets. The rig's targets move positions only; without normal
// targets three would light a wide-open jaw with the neutral face's normals. Each target's normal
// delta is n(base + Δ) − n(base), computed once at load: the blend of several targets is then a
// linear approximation (three renormalises per fragment), exact for any single target at 1.

/** Area-weighted unit vertex normals of an indexed triangle list (as electron/rig/evaluate.ts). */
export function vertexNormals(pos: ArrayLike<number>, indices: ArrayLike<number>, out: Float32Array = new Float32Array(pos.length)): Float32Array {
  out.fill(0);
  for (let k = 0; k + 2 < indices.length; k += 3) {
    const a = indices[k]! * 3, b = indices[k + 1]! * 3, c = indices[k + 2]! * 3;
    const ax = pos[a]!, ay = pos[a + 1]!, az = pos[a + 2]!;
    const ux = pos[b]! - ax, uy = pos[b + 1]! - ay, uz = pos[b + 2]! - az;
    const vx = pos[c]! - ax, vy = pos[c + 1]! - ay, vz = pos[c + 2]! - az;
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    out[a] = out[a]! + nx;
    out[a + 1] = out[a + 1]! + ny;
    out[a + 2] = out[a + 2]! + nz;
    out[b] = out[b]! + nx;
    out[b + 1] = out[b + 1]! + ny;
    out[b + 2] = out[b + 2]! + nz;
    out[c] = out[c]! + nx;
    out[c + 1] = out[c + 1]! + ny;
    out[c + 2] = out[c + 2]! + nz;
  }
  for (let i = 0; i < out.length; i += 3) {
    const x = out[i]!, y = out[i + 1]!, z = out[i + 2]!;
    const l = Math.sqrt(x * x + y * y + z * z);
    if (l > 0) {
      out[i] = x / l;
      out[i + 1] = y / l;
      out[i + 2] = z / l;
    }
  }
  return out;
}

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
