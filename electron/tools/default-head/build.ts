// The default head as a Rig (in memory): generated parts + the 102 control shapes + correctives.
// scripts/build-rig.ts writes it to resources/rigs/default-head.glb.
import { DEFAULT_CONTROLS } from '../../common/controls';
import type { Rig, RigCorrective, RigPart } from '../../rig/types';
import { buildHeadShapes } from './controls/build-deltas';
import { buildHeadParts, partList } from './head-parts';
import { writeRigGlb } from '../../rig/write-glb';

export const DEFAULT_HEAD_NAME = 'default-head';

export function buildDefaultHeadRig(): Rig {
  const controls = DEFAULT_CONTROLS.map((c) => c.name);
  const geo = buildHeadParts();
  const shapes = buildHeadShapes(geo, controls);
  const index = new Map(controls.map((n, i) => [n, i]));
  const parts: RigPart[] = partList(geo).map((g, k) => {
    const correctives: RigCorrective[] = [];
    for (const c of shapes.correctives) {
      const delta = c.deltas[k];
      if (delta) correctives.push({ name: c.name, a: index.get(c.a)!, b: index.get(c.b)!, delta });
    }
    return {
      name: g.name,
      vertexCount: g.neutral.length / 3,
      neutral: g.neutral,
      deltas: shapes.controls.map((d) => d[k] ?? null),
      correctives,
      indices: g.indices,
      colors: g.colors,
      materials: g.materials,
    };
  });
  return { name: DEFAULT_HEAD_NAME, controls, parts, hash: '' };
}

/** The bytes of resources/rigs/default-head.glb (deterministic: same bytes on every run). */
export async function buildDefaultHeadGlb(): Promise<Uint8Array> {
  return writeRigGlb(buildDefaultHeadRig());
}
