// Deferred shading of a visibility buffer: per visible pixel, interpolate the vertex normal,
// albedo and occlusion, then Lambert (with wrap on skin, a cheap stand-in for subsurface
// scattering) + Blinn-Phong specular per material under hemisphere ambient and up to three
// directional lights, the key light shadowed through a PCF shadow map.
import type { VisibilityBuffer } from './raster';

export interface MaterialParams {
  /** Specular strength and Blinn-Phong exponent. */
  readonly ks: number;
  readonly shininess: number;
  /** Per-channel diffuse wrap (red wraps furthest: light bleeding through skin). */
  readonly wrap: readonly [number, number, number];
  /** Ambient occlusion floor for materials with baked occlusion; others use `cavity`. */
  readonly cavity: number;
}

// Indexed as RIG_MATERIALS: skin, lip, brow, sclera, iris, pupil, teeth, tongue, mouthInterior.
export const MATERIAL_PARAMS: readonly MaterialParams[] = [
  { ks: 0.12, shininess: 18, wrap: [0.32, 0.18, 0.14], cavity: 1 },
  { ks: 0.2, shininess: 40, wrap: [0.28, 0.16, 0.13], cavity: 1 },
  { ks: 0.03, shininess: 8, wrap: [0.2, 0.15, 0.12], cavity: 1 },
  { ks: 0.65, shininess: 260, wrap: [0.1, 0.1, 0.1], cavity: 0.8 },
  { ks: 0.9, shininess: 420, wrap: [0, 0, 0], cavity: 0.8 },
  { ks: 0.9, shininess: 420, wrap: [0, 0, 0], cavity: 0.8 },
  { ks: 0.35, shininess: 70, wrap: [0.1, 0.1, 0.1], cavity: 0.6 },
  { ks: 0.4, shininess: 45, wrap: [0.3, 0.2, 0.2], cavity: 0.5 },
  { ks: 0.12, shininess: 30, wrap: [0.2, 0.1, 0.1], cavity: 0.35 },
];

export interface ShadeLight {
  /** Camera-space unit direction toward the light. */
  readonly dir: readonly [number, number, number];
  readonly color: readonly [number, number, number];
  /** Shadow lookup (camera-space point and unit normal → lit fraction 0..1), or null for an unshadowed light. */
  readonly shadow: ((x: number, y: number, z: number, nx: number, ny: number, nz: number) => number) | null;
}

export interface ShadeInput {
  readonly vb: VisibilityBuffer;
  readonly indices: Uint32Array;
  /** Camera-space unit vertex normals. */
  readonly normals: Float32Array;
  /** Linear albedo per vertex. */
  readonly albedo: Float32Array;
  /** Ambient occlusion per vertex (1 = open). */
  readonly occlusion: Float32Array;
  readonly materials: Uint8Array;
  readonly focalPx: number;
  readonly cx: number;
  readonly cy: number;
  readonly lights: readonly ShadeLight[];
  readonly ambientSky: readonly [number, number, number];
  readonly ambientGround: readonly [number, number, number];
  /** Camera-space world-up (for the hemisphere ambient). */
  readonly up: readonly [number, number, number];
  readonly specularScale: number;
  readonly background: readonly [number, number, number];
  readonly backgroundGradient: number;
  readonly albedoOnly: boolean;
}

// Flat per-material tables: the pixel loop reads numbers, not objects.
const M = MATERIAL_PARAMS.length;
const KS = Float64Array.from(MATERIAL_PARAMS, (m) => m.ks);
const SHIN = Float64Array.from(MATERIAL_PARAMS, (m) => m.shininess);
/** n·h below which pow(n·h, shininess) < 1e-3: the specular term is skipped there. */
const SPEC_CUT = Float64Array.from(MATERIAL_PARAMS, (m) => Math.exp(Math.log(1e-3) / m.shininess));
/** Normalised Blinn-Phong: (n + 8) / 8π keeps tight highlights (eyes) bright and broad ones (skin) soft. */
const SPEC_NORM = Float64Array.from(MATERIAL_PARAMS, (m) => (m.shininess + 8) / (8 * Math.PI));
const WRAP = Float64Array.from(MATERIAL_PARAMS.flatMap((m) => [...m.wrap]));
const CAVITY = Float64Array.from(MATERIAL_PARAMS, (m) => m.cavity);

/** Fills `color` (linear RGB) and, when given, `normal` (camera-space unit vectors; background = bgNormal). */
export function shade(input: ShadeInput, color: Float32Array, normal: Float32Array | null, bgNormal: readonly [number, number, number]): void {
  const { vb, indices, normals: N, albedo: A, occlusion: O, materials, focalPx: f, cx, cy } = input;
  const W = vb.width,
    H = vb.height;
  const { tri, b1: B1, b2: B2, depth, backFacing } = vb;
  const [ux, uy, uz] = input.up;
  const [skyR, skyG, skyB] = input.ambientSky;
  const [gndR, gndG, gndB] = input.ambientGround;
  const invF = 1 / f;
  const albedoOnly = input.albedoOnly;
  const specScale = input.specularScale;
  const nL = input.lights.length;
  const LX = Float64Array.from(input.lights, (l) => l.dir[0]),
    LY = Float64Array.from(input.lights, (l) => l.dir[1]),
    LZ = Float64Array.from(input.lights, (l) => l.dir[2]);
  const LR = Float64Array.from(input.lights, (l) => l.color[0]),
    LG = Float64Array.from(input.lights, (l) => l.color[1]),
    LB = Float64Array.from(input.lights, (l) => l.color[2]);
  const shadows = input.lights.map((l) => l.shadow);
  const [bnx, bny, bnz] = bgNormal;
  for (let py = 0; py < H; py++) {
    const g = 1 + input.backgroundGradient * (0.5 - (py + 0.5) / H);
    const bgR = input.background[0] * g,
      bgG = input.background[1] * g,
      bgB = input.background[2] * g;
    const ry = -(py + 0.5 - cy) * invF;
    for (let px = 0, o = py * W; px < W; px++, o++) {
      const t = tri[o]!;
      const o3 = o * 3;
      if (t < 0) {
        color[o3] = bgR;
        color[o3 + 1] = bgG;
        color[o3 + 2] = bgB;
        if (normal) {
          normal[o3] = bnx;
          normal[o3 + 1] = bny;
          normal[o3 + 2] = bnz;
        }
        continue;
      }
      const i0 = indices[t * 3]!,
        i1 = indices[t * 3 + 1]!,
        i2 = indices[t * 3 + 2]!;
      const w1 = B1[o]!,
        w2 = B2[o]!,
        w0 = 1 - w1 - w2;
      const a0 = i0 * 3,
        a1 = i1 * 3,
        a2 = i2 * 3;
      let nx = w0 * N[a0]! + w1 * N[a1]! + w2 * N[a2]!;
      let ny = w0 * N[a0 + 1]! + w1 * N[a1 + 1]! + w2 * N[a2 + 1]!;
      let nz = w0 * N[a0 + 2]! + w1 * N[a1 + 2]! + w2 * N[a2 + 2]!;
      const nl = (backFacing[t] ? -1 : 1) / (Math.sqrt(nx * nx + ny * ny + nz * nz) || 1);
      nx *= nl;
      ny *= nl;
      nz *= nl;
      if (normal) {
        normal[o3] = nx;
        normal[o3 + 1] = ny;
        normal[o3 + 2] = nz;
      }
      const ar = w0 * A[a0]! + w1 * A[a1]! + w2 * A[a2]!;
      const ag = w0 * A[a0 + 1]! + w1 * A[a1 + 1]! + w2 * A[a2 + 1]!;
      const ab = w0 * A[a0 + 2]! + w1 * A[a1 + 2]! + w2 * A[a2 + 2]!;
      if (albedoOnly) {
        color[o3] = ar;
        color[o3 + 1] = ag;
        color[o3 + 2] = ab;
        continue;
      }
      // The material of the nearest vertex keeps iris/sclera/lip borders crisp.
      let m = materials[w0 >= w1 && w0 >= w2 ? i0 : w1 >= w2 ? i1 : i2]!;
      if (m >= M) m = 0;
      const occ = (w0 * O[i0]! + w1 * O[i1]! + w2 * O[i2]!) * CAVITY[m]!;
      const hemi = 0.5 + 0.5 * (nx * ux + ny * uy + nz * uz);
      let dr = (gndR + (skyR - gndR) * hemi) * occ;
      let dg = (gndG + (skyG - gndG) * hemi) * occ;
      let db = (gndB + (skyB - gndB) * hemi) * occ;
      let sr = 0,
        sg = 0,
        sb = 0;
      const wr = WRAP[m * 3]!,
        wg = WRAP[m * 3 + 1]!,
        wb = WRAP[m * 3 + 2]!;
      const ks = KS[m]! * specScale,
        cut = SPEC_CUT[m]!;
      // View vector from the pinhole ray (camera at the origin), computed only if a highlight may show.
      const rx = (px + 0.5 - cx) * invF;
      let vx = 0,
        vy = 0,
        vz = 0;
      // Diffuse light also loses some of its strength in cavities (soft, area-light look).
      const diffOcc = 0.55 + 0.45 * occ;
      for (let li = 0; li < nL; li++) {
        const lx = LX[li]!,
          ly = LY[li]!,
          lz = LZ[li]!;
        const ndl = nx * lx + ny * ly + nz * lz;
        if (ndl <= -wr) continue;
        let vis = diffOcc;
        const sh = shadows[li];
        if (sh) {
          const dz = 1 / depth[o]!;
          vis *= sh(rx * dz, ry * dz, -dz, nx, ny, nz);
          if (vis <= 0) continue;
        }
        const lr = LR[li]!,
          lg = LG[li]!,
          lb = LB[li]!;
        dr += lr * (ndl + wr > 0 ? (ndl + wr) / (1 + wr) : 0) * vis;
        dg += lg * (ndl + wg > 0 ? (ndl + wg) / (1 + wg) : 0) * vis;
        db += lb * (ndl + wb > 0 ? (ndl + wb) / (1 + wb) : 0) * vis;
        if (ndl > 0 && ks > 0) {
          if (vz === 0) {
            const vl = 1 / Math.sqrt(rx * rx + ry * ry + 1);
            vx = -rx * vl;
            vy = -ry * vl;
            vz = vl;
          }
          let hx = lx + vx,
            hy = ly + vy,
            hz = lz + vz;
          const hl = 1 / (Math.sqrt(hx * hx + hy * hy + hz * hz) || 1);
          hx *= hl;
          hy *= hl;
          hz *= hl;
          const ndh = nx * hx + ny * hy + nz * hz;
          if (ndh > cut) {
            const s = ks * Math.pow(ndh, SHIN[m]!) * SPEC_NORM[m]! * ndl * vis;
            sr += lr * s;
            sg += lg * s;
            sb += lb * s;
          }
        }
      }
      color[o3] = ar * dr + sr;
      color[o3 + 1] = ag * dg + sg;
      color[o3 + 2] = ab * db + sb;
    }
  }
}
