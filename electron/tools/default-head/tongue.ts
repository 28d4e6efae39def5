// Tongue: a flattened ellipsoid lying on the floor of the mouth, tip forward (+Z), with a
// shallow median groove. Its controls bend the front part; the jaw carries all of it.
import type { Vec3 } from './math';
import { mixColor, noise3 } from './math';
import { MOUTH, PALETTE } from './landmarks';
import type { PartGeometry } from './part-builder';
import { HalfMesh, mirrorHalfMesh } from './part-builder';

export const TONGUE = {
  centre: [0, MOUTH.y - 0.0088, 0.045] as Vec3,
  radii: [0.0205, 0.0072, 0.0262] as Vec3,
};

const RINGS = 12;
const SEGS = 8; // per half, from the bottom midline round the left side to the top midline

export function buildTongue(): PartGeometry {
  const h = new HalfMesh();
  const [cx, cy, cz] = TONGUE.centre;
  const [rx, ry, rz] = TONGUE.radii;
  const at = (a: number, phi: number): Vec3 => {
    const sx = Math.sin(a) * Math.cos(phi),
      sy = Math.sin(a) * Math.sin(phi);
    const top = sy > 0;
    // Flatter underside, a median groove on top, a slightly pointed tip.
    const groove = top ? 0.0012 * Math.exp(-((sx / 0.22) ** 2)) * Math.sin(a) : 0;
    return [cx + rx * sx * (0.82 + 0.18 * Math.sin(a)), cy + (top ? ry : ry * 0.8) * sy - groove, cz + rz * Math.cos(a)];
  };
  const color = (p: Vec3, phi: number): Vec3 => {
    const c = mixColor(PALETTE.tongue, PALETTE.mouthInterior, Math.sin(phi) < 0 ? 0.35 : 0);
    const n = 0.92 + 0.14 * noise3(p[0], p[1], p[2], 700, 21);
    return [c[0] * n, c[1] * n, c[2] * n];
  };
  const tip = h.add([cx, cy, cz + rz], PALETTE.tongue, 'tongue', true);
  const ring: number[][] = [];
  for (let r = 1; r <= RINGS; r++) {
    const a = (Math.PI * r) / (RINGS + 1);
    const row: number[] = [];
    for (let s = 0; s <= SEGS; s++) {
      const phi = -Math.PI / 2 + (Math.PI * s) / SEGS;
      const p = at(a, phi);
      row.push(h.add(p, color(p, phi), 'tongue', s === 0 || s === SEGS));
    }
    ring.push(row);
  }
  const root = h.add([cx, cy, cz - rz], PALETTE.mouthInterior, 'tongue', true);
  // Same orientation as the eyeball rings: φ increases counter-clockwise seen from the tip.
  for (let s = 0; s < SEGS; s++) {
    h.tri(tip, ring[0]![s]!, ring[0]![s + 1]!);
    for (let r = 0; r + 1 < RINGS; r++) h.quad(ring[r]![s]!, ring[r + 1]![s]!, ring[r + 1]![s + 1]!, ring[r]![s + 1]!);
    h.tri(ring[RINGS - 1]![s]!, root, ring[RINGS - 1]![s + 1]!);
  }
  return mirrorHalfMesh('tongue', h);
}
