// Eyeballs: spheres whose pole looks down +Z, with rings exactly at the pupil and iris edges
// (doubled, so the colour and material change crisply there). The gaze controls rotate them.
import { EYE, PALETTE } from './landmarks';
import type { Vec3 } from './math';
import { mixColor, noise3 } from './math';
import type { PartGeometry } from './part-builder';
import { HalfMesh, mirrorHalfMesh } from './part-builder';
import type { RigMaterial } from '../../rig/types';

const SEGS = 30;

export function buildEyes(): PartGeometry {
  const h = new HalfMesh();
  const [ex, ey, ez] = EYE.centre;
  const R = EYE.radius;
  const aPupil = Math.asin(EYE.pupilRadius / R);
  const aIris = Math.asin(EYE.irisRadius / R);
  // Rings (polar angle from the front pole) and what lies on their far side.
  const rings: { a: number; mat: RigMaterial }[] = [];
  for (let i = 1; i <= 3; i++) rings.push({ a: (aPupil * i) / 3, mat: 'pupil' });
  for (let i = 0; i <= 5; i++) rings.push({ a: aPupil + ((aIris - aPupil) * i) / 5, mat: 'iris' });
  for (let i = 0; i <= 10; i++) rings.push({ a: aIris + ((Math.PI * 0.94 - aIris) * i) / 10, mat: 'sclera' });

  const colorOf = (mat: RigMaterial, a: number, phi: number): Vec3 => {
    if (mat === 'pupil') return PALETTE.pupil;
    if (mat === 'iris') {
      const r = (a - aPupil) / (aIris - aPupil);
      // Warm collarette near the pupil, grey-blue stroma, dark limbal ring; a few radial streaks.
      const streak = 0.85 + 0.3 * noise3(Math.cos(phi), Math.sin(phi), 0, 5, 11);
      const c = mixColor(PALETTE.irisInner, PALETTE.iris, Math.min(1, r * 2.2));
      const dark = r > 0.8 ? 1 - 0.55 * ((r - 0.8) / 0.2) : 1;
      return [c[0] * streak * dark, c[1] * streak * dark, c[2] * streak * dark];
    }
    return mixColor(PALETTE.sclera, PALETTE.scleraEdge, Math.min(1, Math.max(0, (a - 1.0) / 0.9)));
  };
  const point = (a: number, phi: number): Vec3 => [ex + R * Math.sin(a) * Math.cos(phi), ey + R * Math.sin(a) * Math.sin(phi), ez + R * Math.cos(a)];

  const pole = h.add([ex, ey, ez + R], PALETTE.pupil, 'pupil');
  // A ring on a material boundary exists twice (the last ring of one band, the first of the next).
  const ringIdx: number[][] = rings.map((ring) =>
    Array.from({ length: SEGS }, (_, s) => {
      const phi = (2 * Math.PI * s) / SEGS;
      return h.add(point(ring.a, phi), colorOf(ring.mat, ring.a, phi), ring.mat);
    }),
  );
  const back = h.add([ex, ey, ez - R], PALETTE.scleraEdge, 'sclera');

  for (let s = 0; s < SEGS; s++) h.tri(pole, ringIdx[0]![s]!, ringIdx[0]![(s + 1) % SEGS]!);
  for (let k = 0; k + 1 < ringIdx.length; k++) {
    const a = ringIdx[k]!,
      b = ringIdx[k + 1]!;
    // Doubled rings are not joined to their twin (same positions, different material).
    if (a[0] !== undefined && b[0] !== undefined && samePos(h, a[0], b[0])) continue;
    for (let s = 0; s < SEGS; s++) h.quad(a[s]!, b[s]!, b[(s + 1) % SEGS]!, a[(s + 1) % SEGS]!);
  }
  const last = ringIdx[ringIdx.length - 1]!;
  for (let s = 0; s < SEGS; s++) h.tri(back, last[(s + 1) % SEGS]!, last[s]!);
  return mirrorHalfMesh('eyes', h);
}

function samePos(h: HalfMesh, a: number, b: number): boolean {
  return h.pos[a * 3] === h.pos[b * 3] && h.pos[a * 3 + 1] === h.pos[b * 3 + 1] && h.pos[a * 3 + 2] === h.pos[b * 3 + 2];
}
