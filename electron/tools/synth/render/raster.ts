// Triangle rasterisation into a visibility buffer: per pixel the nearest triangle and its
// perspective-correct barycentrics. Attributes are resolved once per visible pixel afterwards
// (shade.ts), so overdraw costs only the depth test. Pixel centres at (x + 0.5, y + 0.5); the
// coverage test is inclusive on all edges, so a closed mesh leaves no cracks (a pixel on a shared
// edge is written twice, harmlessly, under the depth test).

export interface ProjectedMesh {
  /** Screen x, y in pixels (y down). */
  readonly sx: Float32Array;
  readonly sy: Float32Array;
  /** 1 / view depth; 0 marks a vertex behind the near plane. Larger = nearer. */
  readonly iw: Float32Array;
  readonly indices: Uint32Array;
  readonly triangleCount: number;
}

export interface VisibilityBuffer {
  readonly width: number;
  readonly height: number;
  /** 1/depth of the nearest surface, 0 where empty. */
  readonly depth: Float32Array;
  /** Triangle index, −1 where empty. */
  readonly tri: Int32Array;
  /** Perspective-correct barycentrics of vertices 1 and 2. */
  readonly b1: Float32Array;
  readonly b2: Float32Array;
  /** Per triangle: 1 when it faces away from the camera (its shading normal is flipped). */
  readonly backFacing: Uint8Array;
}

export function createVisibilityBuffer(width: number, height: number, triangleCount: number): VisibilityBuffer {
  const n = width * height;
  return {
    width,
    height,
    depth: new Float32Array(n),
    tri: new Int32Array(n),
    b1: new Float32Array(n),
    b2: new Float32Array(n),
    backFacing: new Uint8Array(triangleCount),
  };
}

const INSIDE = -1e-7;

export function rasterize(mesh: ProjectedMesh, vb: VisibilityBuffer, cullBack: boolean): void {
  const { sx, sy, iw, indices } = mesh;
  const { width: W, height: H, depth, tri, b1: B1, b2: B2, backFacing } = vb;
  depth.fill(0);
  tri.fill(-1);
  const n = mesh.triangleCount * 3;
  for (let k = 0, t = 0; k < n; k += 3, t++) {
    const i0 = indices[k]!,
      i1 = indices[k + 1]!,
      i2 = indices[k + 2]!;
    const w0 = iw[i0]!,
      w1 = iw[i1]!,
      w2 = iw[i2]!;
    if (w0 <= 0 || w1 <= 0 || w2 <= 0) continue;
    const x0 = sx[i0]!,
      x1 = sx[i1]!,
      x2 = sx[i2]!;
    // Cheap reject first: most triangles of a dense head at low resolution cover no pixel centre.
    let lo = x0 < x1 ? x0 : x1,
      hi = x0 < x1 ? x1 : x0;
    if (x2 < lo) lo = x2;
    else if (x2 > hi) hi = x2;
    let minX = Math.ceil(lo - 0.5),
      maxX = Math.floor(hi - 0.5);
    if (minX < 0) minX = 0;
    if (maxX > W - 1) maxX = W - 1;
    if (minX > maxX) continue;
    const y0 = sy[i0]!,
      y1 = sy[i1]!,
      y2 = sy[i2]!;
    lo = y0 < y1 ? y0 : y1;
    hi = y0 < y1 ? y1 : y0;
    if (y2 < lo) lo = y2;
    else if (y2 > hi) hi = y2;
    let minY = Math.ceil(lo - 0.5),
      maxY = Math.floor(hi - 0.5);
    if (minY < 0) minY = 0;
    if (maxY > H - 1) maxY = H - 1;
    if (minY > maxY) continue;
    const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
    if (area === 0 || area !== area) continue;
    // y points down on screen, so a counter-clockwise (front-facing, glTF) triangle has area < 0.
    const back = area > 0 ? 1 : 0;
    if (back && cullBack) continue;
    backFacing[t] = back;
    const inv = 1 / area;
    // Barycentric λ0 = E12(p)/area, λ1 = E20(p)/area; each is affine in (x, y).
    const a0x = -(y2 - y1) * inv,
      a0y = (x2 - x1) * inv;
    const a1x = -(y0 - y2) * inv,
      a1y = (x0 - x2) * inv;
    for (let py = minY; py <= maxY; py++) {
      const cy = py + 0.5;
      let l0 = a0x * (minX + 0.5 - x1) + a0y * (cy - y1);
      let l1 = a1x * (minX + 0.5 - x2) + a1y * (cy - y2);
      let o = py * W + minX;
      for (let px = minX; px <= maxX; px++, o++, l0 += a0x, l1 += a1x) {
        const l2 = 1 - l0 - l1;
        if (l0 < INSIDE || l1 < INSIDE || l2 < INSIDE) continue;
        const z = l0 * w0 + l1 * w1 + l2 * w2;
        if (z <= depth[o]!) continue;
        depth[o] = z;
        tri[o] = t;
        const rz = 1 / z;
        B1[o] = l1 * w1 * rz;
        B2[o] = l2 * w2 * rz;
      }
    }
  }
}

export interface ShadowMap {
  readonly size: number;
  /** Height toward the light of the nearest surface; −Infinity where empty. */
  readonly depth: Float32Array;
}

/**
 * Orthographic depth from the light: u, v are light-plane coordinates already mapped to texels,
 * d the height toward the light (larger = nearer the light). No back-face culling: closed parts
 * cast through both sides either way.
 */
export function rasterizeShadow(u: Float32Array, v: Float32Array, d: Float32Array, indices: Uint32Array, triangleCount: number, sm: ShadowMap): void {
  const S = sm.size;
  const depth = sm.depth;
  depth.fill(-Infinity);
  for (let t = 0; t < triangleCount; t++) {
    const i0 = indices[t * 3]!,
      i1 = indices[t * 3 + 1]!,
      i2 = indices[t * 3 + 2]!;
    const x0 = u[i0]!,
      y0 = v[i0]!,
      x1 = u[i1]!,
      y1 = v[i1]!,
      x2 = u[i2]!,
      y2 = v[i2]!;
    const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
    if (area === 0 || area !== area) continue;
    let minX = Math.ceil(Math.min(x0, x1, x2) - 0.5);
    let maxX = Math.floor(Math.max(x0, x1, x2) - 0.5);
    let minY = Math.ceil(Math.min(y0, y1, y2) - 0.5);
    let maxY = Math.floor(Math.max(y0, y1, y2) - 0.5);
    if (minX < 0) minX = 0;
    if (minY < 0) minY = 0;
    if (maxX > S - 1) maxX = S - 1;
    if (maxY > S - 1) maxY = S - 1;
    if (minX > maxX || minY > maxY) continue;
    const inv = 1 / area;
    const d0 = d[i0]!,
      d1 = d[i1]!,
      d2 = d[i2]!;
    const a0x = -(y2 - y1) * inv,
      a0y = (x2 - x1) * inv;
    const a1x = -(y0 - y2) * inv,
      a1y = (x0 - x2) * inv;
    for (let py = minY; py <= maxY; py++) {
      const cy = py + 0.5;
      let l0 = a0x * (minX + 0.5 - x1) + a0y * (cy - y1);
      let l1 = a1x * (minX + 0.5 - x2) + a1y * (cy - y2);
      let o = py * S + minX;
      for (let px = minX; px <= maxX; px++, o++, l0 += a0x, l1 += a1x) {
        const l2 = 1 - l0 - l1;
        if (l0 < INSIDE || l1 < INSIDE || l2 < INSIDE) continue;
        const z = l0 * d0 + l1 * d1 + l2 * d2;
        if (z > depth[o]!) depth[o] = z;
      }
    }
  }
}
