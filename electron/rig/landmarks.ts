// A rig's landmarks at rest: the centroids of its eyes (iris and pupil) and lips, and its bounds,
// for framing the face (the preview, the dailies) and pivoting the head (the exports' head node).
import { chooseFraming, headPivot, MATERIAL_IRIS, MATERIAL_LIP, MATERIAL_PUPIL, type Bounds, type Framing, type Vec3 } from '../common/mesh/framing';
import type { Rig } from './types';

export interface RigLandmarks {
  readonly eyes: Vec3 | null;
  readonly mouth: Vec3 | null;
  readonly bounds: Bounds;
}

export function rigLandmarks(rig: Rig): RigLandmarks {
  const eyes = [0, 0, 0, 0];
  const mouth = [0, 0, 0, 0];
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const part of rig.parts) {
    for (let v = 0; v < part.vertexCount; v++) {
      for (let k = 0; k < 3; k++) {
        const c = part.neutral[v * 3 + k]!;
        if (c < min[k]!) min[k] = c;
        if (c > max[k]!) max[k] = c;
      }
      const m = part.materials[v];
      const s = m === MATERIAL_IRIS || m === MATERIAL_PUPIL ? eyes : m === MATERIAL_LIP ? mouth : null;
      if (!s) continue;
      for (let k = 0; k < 3; k++) s[k]! += part.neutral[v * 3 + k]!;
      s[3]! += 1;
    }
  }
  const centroid = (s: number[]): Vec3 | null => (s[3]! > 0 ? [s[0]! / s[3]!, s[1]! / s[3]!, s[2]! / s[3]!] : null);
  return { eyes: centroid(eyes), mouth: centroid(mouth), bounds: { min: [min[0]!, min[1]!, min[2]!], max: [max[0]!, max[1]!, max[2]!] } };
}

/** The face framing of the rig at rest, as the head preview computes it. */
export function rigFraming(rig: Rig): Framing {
  const l = rigLandmarks(rig);
  return chooseFraming(l.eyes, l.mouth, l.bounds);
}

/** Where the rig's head turns (metres, rig space): the head node's pivot in the exports. */
export function rigHeadPivot(rig: Rig): Vec3 {
  const l = rigLandmarks(rig);
  return headPivot(l.eyes, l.mouth, l.bounds);
}
