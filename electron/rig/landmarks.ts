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

/** The facial features the registration figure measures (issue 18): eye corners, mouth corners, nose tip, chin. */
export const FEATURE_NAMES = ['eyeOuterL', 'eyeInnerL', 'eyeInnerR', 'eyeOuterR', 'mouthCornerL', 'mouthCornerR', 'noseTip', 'chin'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** A feature as one vertex of the rig's skin (or lips), which the controls move with the face. */
export interface FeatureVertex {
  readonly name: FeatureName;
  readonly part: number;
  readonly vertex: number;
}

/**
 * The rig's feature vertices, found from its eye and lip landmarks by the proportions of an adult
 * face (shared/design/default-head.md): the canthi 0.41 eye-centre widths either side of each eye's
 * centre, the mouth corners 0.79 of it either side of the lips' centre, the nose tip 0.48 and the
 * chin 1.6 eye-to-mouth distances below the eyes; each snapped to the frontmost skin or lip vertex
 * within 6 mm (in x and y) of that point. Null for a rig without eyes and lips.
 */
export function featureVertices(rig: Rig): FeatureVertex[] | null {
  const eye = (side: 1 | -1): Vec3 | null => {
    const s = [0, 0, 0, 0];
    for (const part of rig.parts)
      for (let v = 0; v < part.vertexCount; v++) {
        const m = part.materials[v];
        if ((m !== MATERIAL_IRIS && m !== MATERIAL_PUPIL) || Math.sign(part.neutral[v * 3]!) !== side) continue;
        for (let k = 0; k < 3; k++) s[k]! += part.neutral[v * 3 + k]!;
        s[3]! += 1;
      }
    return s[3]! > 0 ? [s[0]! / s[3]!, s[1]! / s[3]!, s[2]! / s[3]!] : null;
  };
  const l = rigLandmarks(rig);
  const eL = eye(1),
    eR = eye(-1);
  if (!eL || !eR || !l.mouth || !l.eyes) return null;
  const half = (eL[0] - eR[0]) / 2;
  const d = Math.max(0.02, l.eyes[1] - l.mouth[1]);
  const targets: Record<FeatureName, [number, number]> = {
    eyeOuterL: [eL[0] + 0.41 * half, eL[1]],
    eyeInnerL: [eL[0] - 0.41 * half, eL[1]],
    eyeInnerR: [eR[0] + 0.41 * half, eR[1]],
    eyeOuterR: [eR[0] - 0.41 * half, eR[1]],
    mouthCornerL: [l.mouth[0] + 0.79 * half, l.mouth[1]],
    mouthCornerR: [l.mouth[0] - 0.79 * half, l.mouth[1]],
    noseTip: [l.eyes[0], l.eyes[1] - 0.48 * d],
    chin: [l.eyes[0], l.eyes[1] - 1.6 * d],
  };
  const R2 = 0.006 * 0.006;
  const out: FeatureVertex[] = [];
  for (const name of FEATURE_NAMES) {
    const [tx, ty] = targets[name];
    let best: { part: number; vertex: number; z: number } | null = null;
    rig.parts.forEach((part, p) => {
      for (let v = 0; v < part.vertexCount; v++) {
        const m = part.materials[v];
        if (m !== 0 && m !== MATERIAL_LIP) continue;
        const dx = part.neutral[v * 3]! - tx,
          dy = part.neutral[v * 3 + 1]! - ty;
        const z = part.neutral[v * 3 + 2]!;
        if (dx * dx + dy * dy <= R2 && (!best || z > best.z)) best = { part: p, vertex: v, z };
      }
    });
    if (!best) return null;
    const found: { part: number; vertex: number } = best;
    out.push({ name, part: found.part, vertex: found.vertex });
  }
  return out;
}
