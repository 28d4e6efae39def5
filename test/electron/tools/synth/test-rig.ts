// Small procedural rigs for the synth tests, so they run without the default head: a ball head
// with eyes and a handful of working controls (the other controls of the 102 are empty), a flat
// quad, and a sphere.
import { DEFAULT_CONTROL_NAMES } from '../../../../electron/common/controls';
import type { Rig, RigCorrective, RigPart } from '../../../../electron/rig/types';
import { RIG_MATERIALS } from '../../../../electron/rig/types';

type V3 = [number, number, number];
const mat = (m: (typeof RIG_MATERIALS)[number]): number => RIG_MATERIALS.indexOf(m);

interface Grid {
  positions: V3[];
  indices: number[];
}

/** UV sphere, counter-clockwise seen from outside; φ = 0 faces +Z. */
export function uvSphere(center: V3, radius: number, rings: number, segments: number, scale: V3 = [1, 1, 1]): Grid {
  const positions: V3[] = [];
  const indices: number[] = [];
  for (let i = 0; i <= rings; i++) {
    const th = (Math.PI * i) / rings;
    for (let j = 0; j <= segments; j++) {
      const ph = (2 * Math.PI * j) / segments - Math.PI;
      positions.push([
        center[0] + radius * scale[0] * Math.sin(th) * Math.sin(ph),
        center[1] + radius * scale[1] * Math.cos(th),
        center[2] + radius * scale[2] * Math.sin(th) * Math.cos(ph),
      ]);
    }
  }
  const row = segments + 1;
  for (let i = 0; i < rings; i++) {
    for (let j = 0; j < segments; j++) {
      const a = i * row + j,
        b = (i + 1) * row + j,
        c = (i + 1) * row + j + 1,
        d = i * row + j + 1;
      indices.push(a, b, c, a, c, d);
    }
  }
  return { positions, indices };
}

function part(
  name: string,
  g: Grid,
  color: (p: V3) => { c: V3; m: number },
  controls: number,
  deltas: Map<number, (p: V3, i: number) => V3> = new Map(),
  correctives: RigCorrective[] = [],
): RigPart {
  const n = g.positions.length;
  const neutral = new Float32Array(g.positions.flat());
  const colors = new Float32Array(n * 3);
  const materials = new Uint8Array(n);
  g.positions.forEach((p, i) => {
    const { c, m } = color(p);
    colors.set(c, i * 3);
    materials[i] = m;
  });
  const ds: (Float32Array | null)[] = Array.from({ length: controls }, () => null);
  for (const [ci, fn] of deltas) {
    const d = new Float32Array(n * 3);
    g.positions.forEach((p, i) => d.set(fn(p, i), i * 3));
    ds[ci] = d;
  }
  return { name, vertexCount: n, neutral, deltas: ds, correctives, indices: new Uint32Array(g.indices), colors, materials };
}

function rig(name: string, parts: RigPart[], controls: readonly string[] = DEFAULT_CONTROL_NAMES): Rig {
  return { name, controls, parts, hash: `test-${name}` };
}

const ctl = (n: string): number => DEFAULT_CONTROL_NAMES.indexOf(n);
const smooth = (d: number, r: number): number => (d >= r ? 0 : (1 - (d / r) ** 2) ** 2);
const dist = (p: V3, q: V3): number => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);

/** A ball head (~0.2 m) with eyes, lips and working brow, blink, smile, jaw and gaze controls. */
export function ballHeadRig(detail = 1): Rig {
  const C = DEFAULT_CONTROL_NAMES.length;
  const head = uvSphere([0, 0, 0], 0.1, Math.round(40 * detail), Math.round(48 * detail), [0.78, 1.12, 0.95]);
  const skin = (p: V3): { c: V3; m: number } => {
    const lip = Math.abs(p[0]) < 0.025 && p[1] < -0.04 && p[1] > -0.062 && p[2] > 0.05;
    if (lip) return { c: [0.42, 0.12, 0.11], m: mat('lip') };
    const brow = Math.abs(Math.abs(p[0]) - 0.03) < 0.016 && p[1] > 0.04 && p[1] < 0.05 && p[2] > 0.05;
    if (brow) return { c: [0.08, 0.05, 0.03], m: mat('brow') };
    return { c: [0.52, 0.33, 0.26], m: mat('skin') };
  };
  const jaw = (p: V3): V3 => (p[1] < -0.03 && p[2] > 0 ? [0, -0.03 * Math.min(1, (-0.03 - p[1]) / 0.03), -0.005] : [0, 0, 0]);
  const corner =
    (side: number) =>
    (p: V3): V3 => {
      const w = smooth(dist(p, [0.025 * side, -0.05, 0.07]), 0.03);
      return [0.008 * side * w, 0.01 * w, 0];
    };
  const brow =
    (side: number) =>
    (p: V3): V3 => [0, 0.012 * smooth(dist(p, [0.03 * side, 0.045, 0.075]), 0.03), 0];
  const headDeltas = new Map<number, (p: V3, i: number) => V3>([
    [ctl('jawOpen'), jaw],
    [ctl('mouthCornerPull_L'), corner(1)],
    [ctl('mouthCornerPull_R'), corner(-1)],
    [ctl('browInnerUp_L'), brow(1)],
    [ctl('browInnerUp_R'), brow(-1)],
    [
      ctl('cheekPuff_L'),
      (p) => {
        const w = smooth(dist(p, [0.05, -0.03, 0.05]), 0.035);
        return [0.01 * w, 0, 0.006 * w];
      },
    ],
  ]);
  // Corrective on jawOpen × mouthCornerPull_L: the corner lifts less with the jaw open.
  const corrDelta = new Float32Array(head.positions.length * 3);
  head.positions.forEach((p, i) => corrDelta.set([0, -0.005 * smooth(dist(p, [0.025, -0.05, 0.07]), 0.03), 0], i * 3));
  const headPart = part('face', head, skin, C, headDeltas, [
    { a: ctl('jawOpen'), b: ctl('mouthCornerPull_L'), name: 'jawOpen_mouthCornerPull_L', delta: corrDelta },
  ]);

  const eye = (side: number): RigPart => {
    const c: V3 = [0.03 * side, 0.018, 0.086];
    const r = 0.012;
    const g = uvSphere(c, r, Math.round(14 * detail), Math.round(18 * detail));
    const color = (p: V3): { c: V3; m: number } => {
      const cosA = (p[2] - c[2]) / r;
      if (cosA > 0.97) return { c: [0.01, 0.01, 0.01], m: mat('pupil') };
      if (cosA > 0.85) return { c: [0.12, 0.2, 0.3], m: mat('iris') };
      return { c: [0.8, 0.78, 0.75], m: mat('sclera') };
    };
    // Gaze as small rotations stored as deltas.
    const rotY =
      (a: number) =>
      (p: V3): V3 => {
        const x = p[0] - c[0],
          z = p[2] - c[2];
        return [x * Math.cos(a) + z * Math.sin(a) - x, 0, -x * Math.sin(a) + z * Math.cos(a) - z];
      };
    const sfx = side > 0 ? 'L' : 'R';
    const lid = (p: V3): V3 => (p[1] > c[1] && p[2] > c[2] ? [0, -(p[1] - c[1]) * 1.6, 0.002] : [0, 0, 0]);
    return part(
      `eye_${sfx}`,
      g,
      color,
      C,
      new Map([
        [ctl(`eyeLookOut_${sfx}`), rotY(0.45 * side)],
        [ctl(`eyeLookIn_${sfx}`), rotY(-0.45 * side)],
        [ctl(`eyeBlink_${sfx}`), lid],
      ]),
    );
  };
  return rig('ball-head', [headPart, eye(1), eye(-1)]);
}

/** A square at z = 0 facing +Z, `size` metres wide, one colour (linear). */
export function quadRig(color: V3, size = 0.1): Rig {
  const h = size / 2;
  const g: Grid = {
    positions: [
      [-h, -h, 0],
      [h, -h, 0],
      [h, h, 0],
      [-h, h, 0],
    ],
    indices: [0, 1, 2, 0, 2, 3],
  };
  return rig('quad', [part('quad', g, () => ({ c: color, m: mat('skin') }), 1)], ['c0']);
}

export function sphereRig(radius = 0.1): Rig {
  const g = uvSphere([0, 0, 0], radius, 48, 64);
  return rig('sphere', [part('sphere', g, () => ({ c: [0.5, 0.5, 0.5], m: mat('skin') }), 1)], ['c0']);
}

/** Two parallel squares at different depths, overlapping in view; `farFirst` orders them in the index list. */
export function twoQuadsRig(farFirst: boolean): Rig {
  const q = (z: number, o: number): Grid => ({
    positions: [
      [-0.05 + o, -0.05, z],
      [0.05 + o, -0.05, z],
      [0.05 + o, 0.05, z],
      [-0.05 + o, 0.05, z],
    ],
    indices: [0, 1, 2, 0, 2, 3],
  });
  const near = part('near', q(0.02, 0.02), () => ({ c: [1, 0, 0], m: mat('skin') }), 1);
  const far = part('far', q(-0.02, -0.02), () => ({ c: [0, 0, 1], m: mat('skin') }), 1);
  return rig('two-quads', farFirst ? [far, near] : [near, far], ['c0']);
}
