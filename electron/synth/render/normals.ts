// Smooth vertex normals of a deformed mesh: area-weighted sum of face normals, normalised.
// Computed from the positions in whatever space they are in (camera space per frame), so a rigid
// transform needs no separate normal matrix.

export function computeNormals(pos: Float32Array, indices: Uint32Array, triangleCount: number, out: Float32Array): void {
  out.fill(0);
  for (let t = 0; t < triangleCount; t++) {
    const a = indices[t * 3]! * 3, b = indices[t * 3 + 1]! * 3, c = indices[t * 3 + 2]! * 3;
    const ax = pos[a]!, ay = pos[a + 1]!, az = pos[a + 2]!;
    const e1x = pos[b]! - ax, e1y = pos[b + 1]! - ay, e1z = pos[b + 2]! - az;
    const e2x = pos[c]! - ax, e2y = pos[c + 1]! - ay, e2z = pos[c + 2]! - az;
    const nx = e1y * e2z - e1z * e2y, ny = e1z * e2x - e1x * e2z, nz = e1x * e2y - e1y * e2x;
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
  for (let v = 0; v < out.length; v += 3) {
    const x = out[v]!, y = out[v + 1]!, z = out[v + 2]!;
    const l = Math.sqrt(x * x + y * y + z * z);
    if (l > 0) {
      out[v] = x / l;
      out[v + 1] = y / l;
      out[v + 2] = z / l;
    } else {
      out[v + 2] = 1;
    }
  }
}
