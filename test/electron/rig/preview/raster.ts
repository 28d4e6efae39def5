// A tiny orthographic rasteriser for eyeballing the rig while the real renderer is elsewhere:
// z-buffered triangles, interpolated vertex colours and normals, Lambert key + fill + ambient.
// Output is an sRGB RGB buffer (row 0 at the top). Slow and simple on purpose.

export interface PreviewMesh {
  readonly positions: Float32Array;
  readonly indices: Uint32Array;
  readonly colors: Float32Array;
}

export interface PreviewView {
  /** Yaw of the camera about +Y in degrees (positive: camera moves to the actor's left). */
  readonly yaw?: number;
  readonly pitch?: number;
  /** World-space centre and half-height of the view. */
  readonly centre?: readonly [number, number, number];
  readonly halfHeight?: number;
  readonly size?: number;
}

function vertexNormals(p: Float32Array, idx: Uint32Array): Float32Array {
  const n = new Float32Array(p.length);
  for (let k = 0; k < idx.length; k += 3) {
    const a = idx[k]! * 3, b = idx[k + 1]! * 3, c = idx[k + 2]! * 3;
    const ux = p[b]! - p[a]!, uy = p[b + 1]! - p[a + 1]!, uz = p[b + 2]! - p[a + 2]!;
    const vx = p[c]! - p[a]!, vy = p[c + 1]! - p[a + 1]!, vz = p[c + 2]! - p[a + 2]!;
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    for (const o of [a, b, c]) {
      n[o] = n[o]! + nx;
      n[o + 1] = n[o + 1]! + ny;
      n[o + 2] = n[o + 2]! + nz;
    }
  }
  for (let i = 0; i < n.length; i += 3) {
    const l = Math.hypot(n[i]!, n[i + 1]!, n[i + 2]!) || 1;
    n[i] = n[i]! / l;
    n[i + 1] = n[i + 1]! / l;
    n[i + 2] = n[i + 2]! / l;
  }
  return n;
}

const toSrgb = (c: number): number => {
  const x = Math.min(1, Math.max(0, c));
  return Math.round(255 * (x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055));
};

export function rasterise(meshes: readonly PreviewMesh[], view: PreviewView = {}): { rgb: Uint8Array; size: number } {
  const size = view.size ?? 512;
  const [cx, cy, cz] = view.centre ?? [0, -0.03, 0];
  const half = view.halfHeight ?? 0.14;
  const yaw = ((view.yaw ?? 0) * Math.PI) / 180, pitch = ((view.pitch ?? 0) * Math.PI) / 180;
  const cyw = Math.cos(yaw), syw = Math.sin(yaw), cp = Math.cos(pitch), sp = Math.sin(pitch);
  // World → camera: rotate by -yaw about y then -pitch about x.
  const toCam = (x: number, y: number, z: number): [number, number, number] => {
    const X = x - cx, Y = y - cy, Z = z - cz;
    const x1 = cyw * X - syw * Z, z1 = syw * X + cyw * Z;
    return [x1, cp * Y - sp * z1, sp * Y + cp * z1];
  };
  const depth = new Float32Array(size * size).fill(-Infinity);
  const img = new Float32Array(size * size * 3);
  for (let i = 0; i < size * size; i++) {
    const v = 0.55 - 0.25 * (Math.floor(i / size) / size);
    img[i * 3] = v * 0.8;
    img[i * 3 + 1] = v * 0.85;
    img[i * 3 + 2] = v;
  }
  const light = [-0.45, 0.5, 0.74], fill = [0.6, 0.1, 0.5];
  const ll = Math.hypot(...light), fl = Math.hypot(...fill);
  for (const m of meshes) {
    const nrm = vertexNormals(m.positions, m.indices);
    const nv = m.positions.length / 3;
    const sx = new Float32Array(nv), sy = new Float32Array(nv), sz = new Float32Array(nv), shade = new Float32Array(nv * 3);
    for (let v = 0; v < nv; v++) {
      const [x, y, z] = toCam(m.positions[v * 3]!, m.positions[v * 3 + 1]!, m.positions[v * 3 + 2]!);
      sx[v] = ((x / half) * 0.5 + 0.5) * size;
      sy[v] = (0.5 - (y / half) * 0.5) * size;
      sz[v] = z;
      const nx = nrm[v * 3]!, ny = nrm[v * 3 + 1]!, nz = nrm[v * 3 + 2]!;
      const kd = Math.max(0, (nx * light[0]! + ny * light[1]! + nz * light[2]!) / ll);
      const fd = Math.max(0, (nx * fill[0]! + ny * fill[1]! + nz * fill[2]!) / fl);
      const l = 0.18 + 0.95 * kd + 0.3 * fd;
      for (let k = 0; k < 3; k++) shade[v * 3 + k] = m.colors[v * 3 + k]! * l;
    }
    for (let k = 0; k < m.indices.length; k += 3) {
      const a = m.indices[k]!, b = m.indices[k + 1]!, c = m.indices[k + 2]!;
      const area = (sx[b]! - sx[a]!) * (sy[c]! - sy[a]!) - (sx[c]! - sx[a]!) * (sy[b]! - sy[a]!);
      if (area >= 0) continue; // back-facing (screen y points down)
      const x0 = Math.max(0, Math.floor(Math.min(sx[a]!, sx[b]!, sx[c]!)));
      const x1 = Math.min(size - 1, Math.ceil(Math.max(sx[a]!, sx[b]!, sx[c]!)));
      const y0 = Math.max(0, Math.floor(Math.min(sy[a]!, sy[b]!, sy[c]!)));
      const y1 = Math.min(size - 1, Math.ceil(Math.max(sy[a]!, sy[b]!, sy[c]!)));
      for (let py = y0; py <= y1; py++) {
        for (let px = x0; px <= x1; px++) {
          const qx = px + 0.5, qy = py + 0.5;
          const wa = ((sx[b]! - qx) * (sy[c]! - qy) - (sx[c]! - qx) * (sy[b]! - qy)) / area;
          const wb = ((sx[c]! - qx) * (sy[a]! - qy) - (sx[a]! - qx) * (sy[c]! - qy)) / area;
          const wc = 1 - wa - wb;
          if (wa < 0 || wb < 0 || wc < 0) continue;
          const z = wa * sz[a]! + wb * sz[b]! + wc * sz[c]!;
          const o = py * size + px;
          if (z <= depth[o]!) continue;
          depth[o] = z;
          for (let ch = 0; ch < 3; ch++) img[o * 3 + ch] = wa * shade[a * 3 + ch]! + wb * shade[b * 3 + ch]! + wc * shade[c * 3 + ch]!;
        }
      }
    }
  }
  const rgb = new Uint8Array(size * size * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = toSrgb(img[i]!);
  return { rgb, size };
}
