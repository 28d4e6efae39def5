// Smooth 3D value noise: lattice values blended with a smoothstep, trilinearly. The default
// head's procedural detail and the synthetic renders' skin variation each hash their own
// lattice (their outputs are baked into rigs and training data, so neither hash may change).

/** A pseudo-random value at an integer lattice point. */
export type Lattice = (x: number, y: number, z: number) => number;

/** Noise at (x, y, z) in lattice units, within the lattice's own range. */
export function smoothValueNoise(x: number, y: number, z: number, lattice: Lattice): number {
  const xi = Math.floor(x),
    yi = Math.floor(y),
    zi = Math.floor(z);
  const fx = x - xi,
    fy = y - yi,
    fz = z - zi;
  const sx = fx * fx * (3 - 2 * fx),
    sy = fy * fy * (3 - 2 * fy),
    sz = fz * fz * (3 - 2 * fz);
  let acc = 0;
  for (let c = 0; c < 8; c++) {
    const dx = c & 1,
      dy = (c >> 1) & 1,
      dz = (c >> 2) & 1;
    const w = (dx ? sx : 1 - sx) * (dy ? sy : 1 - sy) * (dz ? sz : 1 - sz);
    acc += w * lattice(xi + dx, yi + dy, zi + dz);
  }
  return acc;
}
