// Teeth: two arches of rounded boxes (incisors to molars) on parabolic arches behind the lips.
// The upper arch is fixed to the skull; the lower arch rides on the jaw.
import type { Vec3 } from './math';
import { cross, mixColor } from './math';
import { MOUTH, PALETTE } from './landmarks';
import type { PartGeometry } from './part-builder';
import { HalfMesh, mirrorHalfMesh } from './part-builder';

/** Per tooth from the midline: width along the arch, crown height, labio-lingual thickness (m). */
const UPPER = [
  [0.0086, 0.0102, 0.0062],
  [0.0066, 0.0088, 0.0058],
  [0.0076, 0.0098, 0.0074],
  [0.0068, 0.0082, 0.0086],
  [0.0066, 0.008, 0.0088],
  [0.0098, 0.0072, 0.0102],
  [0.0092, 0.007, 0.0098],
] as const;
const LOWER = [
  [0.0054, 0.0092, 0.0058],
  [0.0059, 0.0094, 0.006],
  [0.0069, 0.0102, 0.0072],
  [0.0069, 0.0084, 0.0078],
  [0.0071, 0.0082, 0.0082],
  [0.0106, 0.0074, 0.0098],
  [0.01, 0.0072, 0.0096],
] as const;

interface Arch {
  readonly dims: readonly (readonly [number, number, number])[];
  /** Labial surface of the front teeth (z at the midline) and the arch's curvature. */
  readonly zFront: number;
  readonly k: number;
  /** Gum line y and direction of the crown (−1 hangs down, +1 stands up). */
  readonly gumY: number;
  readonly dir: number;
  readonly lower: boolean;
}

export const UPPER_ARCH: Arch = { dims: UPPER, zFront: 0.0772, k: 40, gumY: MOUTH.y + 0.007, dir: -1, lower: false };
export const LOWER_ARCH: Arch = { dims: LOWER, zFront: 0.0708, k: 44, gumY: MOUTH.y - 0.0126, dir: 1, lower: true };

const RINGS = 5;
const SEGS = 8;
const E = 0.28; // superellipse exponent: low = boxy

function se(c: number): number {
  return Math.sign(c) * Math.pow(Math.abs(c), E);
}

/** Walk the parabola z = zFront − k·x² by arclength. */
function archPoint(a: Arch, s: number): { p: Vec3; tangent: Vec3 } {
  let x = 0,
    acc = 0;
  const dx = 0.00005;
  while (acc < s) {
    const slope = 2 * a.k * (x + dx / 2);
    acc += dx * Math.hypot(1, slope);
    x += dx;
  }
  const slope = -2 * a.k * x;
  const l = Math.hypot(1, slope);
  return { p: [x, 0, a.zFront - a.k * x * x], tangent: [1 / l, 0, slope / l] };
}

function addTooth(h: HalfMesh, a: Arch, centreS: number, dim: readonly [number, number, number], index: number): void {
  const [w, height, thick] = dim;
  const { p, tangent } = archPoint(a, centreS);
  const up: Vec3 = [0, 1, 0];
  // Local frame: X out of the arch (labial), Y up, Z = X × Y (right-handed, keeps the winding).
  const out = cross(tangent, up);
  const ez = cross(out, up);
  // Behind the canines the lower crowns sit a little lower (the curve of the bite).
  const gumY = a.lower && index >= 2 ? a.gumY - 0.0012 : a.gumY;
  const edgeY = gumY + a.dir * height;
  const cy = (gumY + edgeY) / 2 - a.dir * 0.0012; // roots tuck into the gum
  const c: Vec3 = [p[0] - out[0] * thick * 0.5, cy, p[2] - out[2] * thick * 0.5];
  const hx = thick / 2,
    hy = height / 2 + 0.0012,
    hz = w / 2 - 0.0002;
  const tint = 0.93 + (0.05 * ((index * 37) % 7)) / 7;
  const color = (ly: number): Vec3 => {
    // Slightly darker/yellower toward the gum, brighter at the biting edge.
    const toGum = a.dir < 0 ? (ly + 1) / 2 : (1 - ly) / 2;
    const t = mixColor(PALETTE.teeth, [PALETTE.teeth[0] * 0.8, PALETTE.teeth[1] * 0.72, PALETTE.teeth[2] * 0.55], 0.5 * toGum);
    return [t[0] * tint, t[1] * tint, t[2] * tint];
  };
  const at = (u: number, v: number): Vec3 => {
    const lx = hx * se(Math.cos(u)) * se(Math.cos(v)),
      ly = hy * se(Math.sin(u)),
      lz = hz * se(Math.cos(u)) * se(Math.sin(v));
    return [c[0] + out[0] * lx + ez[0] * lz, c[1] + ly, c[2] + out[2] * lx + ez[2] * lz];
  };
  const bottom = h.add([c[0], c[1] - hy, c[2]], color(-1), 'teeth');
  const ring: number[][] = [];
  for (let r = 1; r <= RINGS; r++) {
    const u = -Math.PI / 2 + (Math.PI * r) / (RINGS + 1);
    ring.push(Array.from({ length: SEGS }, (_, s) => h.add(at(u, (2 * Math.PI * s) / SEGS), color(Math.sin(u)), 'teeth')));
  }
  const top = h.add([c[0], c[1] + hy, c[2]], color(1), 'teeth');
  for (let s = 0; s < SEGS; s++) {
    const s1 = (s + 1) % SEGS;
    h.tri(bottom, ring[0]![s]!, ring[0]![s1]!);
    for (let r = 0; r + 1 < RINGS; r++) h.quad(ring[r]![s]!, ring[r + 1]![s]!, ring[r + 1]![s1]!, ring[r]![s1]!);
    h.tri(ring[RINGS - 1]![s]!, top, ring[RINGS - 1]![s1]!);
  }
}

export interface TeethPart extends PartGeometry {
  /** 1 for vertices of the lower arch (they follow the jaw), 0 for the upper. */
  readonly lower: Uint8Array;
}

export function buildTeeth(): TeethPart {
  const h = new HalfMesh();
  const isLower: number[] = [];
  for (const arch of [UPPER_ARCH, LOWER_ARCH]) {
    let s = 0;
    arch.dims.forEach((dim, i) => {
      const before = h.count;
      addTooth(h, arch, s + dim[0] / 2, dim, i);
      for (let k = before; k < h.count; k++) isLower.push(arch.lower ? 1 : 0);
      s += dim[0];
    });
  }
  const g = mirrorHalfMesh('teeth', h);
  const lower = new Uint8Array(g.mirror.length);
  for (let i = 0; i < g.halfCount; i++) lower[i] = lower[g.mirror[i]!] = isLower[i]!;
  return { ...g, lower };
}
