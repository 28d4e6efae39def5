// The coarse triangle lists the preview draws moving frames with (renderer/src/preview/
// coarse-mesh.ts), on the shipped head: a quarter of the skin's triangles, the slits of the lips
// and lids kept open, and under a wide expression the coarse surface still the full one's
// (area, extent and facing within a fraction of a percent / millimetre).
import { describe, expect, it } from 'vitest';
import { evaluateRig } from '../../../electron/rig/evaluate';
import { coarseForRig } from '../../../renderer/src/preview/coarse-mesh';
import { parseRigGlb } from '../../../renderer/src/preview/rig-scene';
import { defaultHead } from './helpers';

/** Undirected edges used by exactly one triangle. */
function borderEdges(indices: ArrayLike<number>): Set<string> {
  const count = new Map<string, number>();
  for (let t = 0; t + 2 < indices.length; t += 3) {
    for (const [a, b] of [
      [indices[t]!, indices[t + 1]!],
      [indices[t + 1]!, indices[t + 2]!],
      [indices[t + 2]!, indices[t]!],
    ] as const) {
      const k = a < b ? `${a},${b}` : `${b},${a}`;
      count.set(k, (count.get(k) ?? 0) + 1);
    }
  }
  return new Set([...count].filter(([, n]) => n === 1).map(([k]) => k));
}

/** Total area and area-weighted normal of a triangle list over positions. */
function surface(pos: Float32Array, indices: ArrayLike<number>): { area: number; normal: [number, number, number] } {
  let area = 0;
  const n: [number, number, number] = [0, 0, 0];
  for (let t = 0; t + 2 < indices.length; t += 3) {
    const a = indices[t]! * 3,
      b = indices[t + 1]! * 3,
      c = indices[t + 2]! * 3;
    const ux = pos[b]! - pos[a]!,
      uy = pos[b + 1]! - pos[a + 1]!,
      uz = pos[b + 2]! - pos[a + 2]!;
    const vx = pos[c]! - pos[a]!,
      vy = pos[c + 1]! - pos[a + 1]!,
      vz = pos[c + 2]! - pos[a + 2]!;
    const cx = uy * vz - uz * vy,
      cy = uz * vx - ux * vz,
      cz = ux * vy - uy * vx;
    area += Math.hypot(cx, cy, cz) / 2;
    n[0] += cx / 2;
    n[1] += cy / 2;
    n[2] += cz / 2;
  }
  return { area, normal: n };
}

describe('coarse triangle lists (default head)', () => {
  it('quarter the skin, keep every border, and follow a wide expression', async () => {
    const { bytes, rig } = await defaultHead();
    const preview = await parseRigGlb(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const lists = await coarseForRig(preview);
    const k = preview.meshes.findIndex((m) => m.mesh.name === 'head');
    const full = preview.meshes[k]!.blend.indices;
    const coarse = lists[k]!;
    expect(coarse).not.toBeNull();
    expect(coarse.length).toBeLessThanOrEqual(full.length * 0.3);
    expect(Math.max(...coarse)).toBeLessThan(preview.meshes[k]!.blend.neutral.length / 3);
    // The small meshes are drawn whole.
    expect(lists.filter((l) => l !== null)).toHaveLength(1);
    // Lip and lid slits, the neck's cut: every border edge survives as one.
    const fullBorder = borderEdges(full);
    const coarseBorder = borderEdges(coarse);
    expect(fullBorder.size).toBeGreaterThan(0);
    for (const e of fullBorder) expect(coarseBorder.has(e), e).toBe(true);
    // A wide expression (mouth open, funnelled, brows up, eyes shut): same surface to 0.5 %.
    const w = new Float32Array(rig.controls.length);
    for (const [name, v] of Object.entries({
      jawOpen: 1,
      mouthFunnel_L: 1,
      mouthFunnel_R: 1,
      browInnerUp_L: 1,
      browInnerUp_R: 1,
      eyeBlink_L: 1,
      eyeBlink_R: 1,
      cheekPuff_L: 1,
      cheekPuff_R: 1,
    })) {
      const i = rig.controls.indexOf(name);
      if (i >= 0) w[i] = v;
    }
    expect(w.filter((x) => x > 0).length).toBeGreaterThan(5);
    const pos = evaluateRig(rig, w).positions[k]!;
    const a = surface(pos, full);
    const b = surface(pos, coarse);
    expect(Math.abs(b.area - a.area) / a.area).toBeLessThan(0.005);
    for (let i = 0; i < 3; i++) expect(Math.abs(b.normal[i]! - a.normal[i]!)).toBeLessThan(0.005 * a.area);
  });
});
