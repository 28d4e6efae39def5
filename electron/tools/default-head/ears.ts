// Ears: flattened shells at the sides of the head, flaring backward, with a bowl (concha) inside
// a raised rim. No control moves them, but a head without ears does not read as a head.
import type { Vec3 } from './math';
import { bump, cross, mixColor, noise3 } from './math';
import { PALETTE } from './landmarks';
import type { PartGeometry } from './part-builder';
import { HalfMesh, mirrorHalfMesh } from './part-builder';

const RINGS = 12;
const SEGS = 20;

export function buildEars(): PartGeometry {
  const h = new HalfMesh();
  const flare = (30 * Math.PI) / 180;
  const tilt = (12 * Math.PI) / 180;
  // Ear frame: W runs from the front edge to the back edge, U up along the ear, N out of its face.
  const W: Vec3 = [Math.sin(flare), -Math.sin(tilt) * 0.3, -Math.cos(flare)];
  const U: Vec3 = [0, Math.cos(tilt), -Math.sin(tilt)];
  const N = cross(W, U);
  const C: Vec3 = [0.0735, -0.007, -0.021];
  const [hx, hy, hz] = [0.0042, 0.031, 0.0165];
  const at = (a: number, phi: number): { p: Vec3; rim: number } => {
    // Sphere around the ear normal N: a = polar angle from the outward face, phi around.
    const s = Math.sin(a),
      cz = Math.cos(a);
    let u = s * Math.sin(phi),
      w = s * Math.cos(phi);
    // Wider at the top than at the lobe.
    w *= u > 0 ? 1 : 0.78 + 0.22 * (1 + u);
    let n = cz * hx;
    // Bowl in the outer face, deepest a little forward of the middle; rim stays proud.
    const bowl = bump((u * 1.15 + 0.1) ** 2 + ((w + 0.12) * 1.5) ** 2);
    if (cz > 0) n -= 0.0062 * bowl;
    u *= hy;
    w *= hz;
    return {
      p: [C[0] + N[0] * n + U[0] * u + W[0] * w, C[1] + N[1] * n + U[1] * u + W[1] * w, C[2] + N[2] * n + U[2] * u + W[2] * w],
      rim: 1 - bowl,
    };
  };
  const color = (p: Vec3, rim: number): Vec3 => {
    const c = mixColor(PALETTE.skin, PALETTE.skinRed, 0.35 + 0.25 * rim);
    const k = 0.94 + 0.1 * noise3(p[0], p[1], p[2], 200, 31);
    return [c[0] * k * (0.8 + 0.2 * rim), c[1] * k * (0.8 + 0.2 * rim), c[2] * k * (0.8 + 0.2 * rim)];
  };
  const front = at(0, 0);
  const f = h.add(front.p, color(front.p, 0), 'skin');
  const rings: number[][] = [];
  for (let r = 1; r <= RINGS; r++) {
    const a = (Math.PI * r) / (RINGS + 1);
    rings.push(
      Array.from({ length: SEGS }, (_, s) => {
        const q = at(a, (2 * Math.PI * s) / SEGS);
        return h.add(q.p, color(q.p, q.rim), 'skin');
      }),
    );
  }
  const backP = at(Math.PI, 0);
  const b = h.add(backP.p, color(backP.p, 1), 'skin');
  for (let s = 0; s < SEGS; s++) {
    const s1 = (s + 1) % SEGS;
    h.tri(f, rings[0]![s]!, rings[0]![s1]!);
    for (let r = 0; r + 1 < RINGS; r++) h.quad(rings[r]![s]!, rings[r + 1]![s]!, rings[r + 1]![s1]!, rings[r]![s1]!);
    h.tri(rings[RINGS - 1]![s]!, b, rings[RINGS - 1]![s1]!);
  }
  return mirrorHalfMesh('ears', h);
}
