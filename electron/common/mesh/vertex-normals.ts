// Vertex normals of an evaluated mesh: one function for the rig evaluation (Node) and the head
// preview's normal targets (renderer), so both shade the same surface.

/** Area-weighted unit vertex normals of an indexed triangle list (cross products summed, then normalised). */
export function vertexNormals(pos: ArrayLike<number>, indices: ArrayLike<number>, out: Float32Array = new Float32Array(pos.length)): Float32Array {
  out.fill(0);
  for (let k = 0; k + 2 < indices.length; k += 3) {
    const a = indices[k]! * 3,
      b = indices[k + 1]! * 3,
      c = indices[k + 2]! * 3;
    const ax = pos[a]!,
      ay = pos[a + 1]!,
      az = pos[a + 2]!;
    const ux = pos[b]! - ax,
      uy = pos[b + 1]! - ay,
      uz = pos[b + 2]! - az;
    const vx = pos[c]! - ax,
      vy = pos[c + 1]! - ay,
      vz = pos[c + 2]! - az;
    const nx = uy * vz - uz * vy,
      ny = uz * vx - ux * vz,
      nz = ux * vy - uy * vx;
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
  return normaliseVectors(out);
}

/** Scales each xyz triple of `v` to unit length in place (zero vectors stay zero). */
export function normaliseVectors(v: Float32Array): Float32Array {
  for (let i = 0; i < v.length; i += 3) {
    const x = v[i]!,
      y = v[i + 1]!,
      z = v[i + 2]!;
    const l = Math.sqrt(x * x + y * y + z * z);
    if (l > 0) {
      v[i] = x / l;
      v[i + 1] = y / l;
      v[i + 2] = z / l;
    }
  }
  return v;
}
