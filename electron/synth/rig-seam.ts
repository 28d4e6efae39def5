// SEAM: everything synth needs from electron/rig/ beyond the types. While the colleague's loader,
// basis export and ARKit alias table are being written, these are stand-ins; rewire each to the
// real function when it lands (and delete the stand-in), keeping these signatures.
import type { Rig } from '../rig/types';

export interface RigBasis {
  /** [V, 3] metres, all parts concatenated in part order. */
  readonly neutral: Float32Array;
  /** [C, V, 3]; zeros where a control leaves a part still. */
  readonly deltas: Float32Array;
  /** [K, V, 3], one per distinct control pair. */
  readonly correctives: Float32Array;
  readonly correctivePairs: readonly (readonly [number, number])[];
  readonly vertexCount: number;
}

/** STAND-IN for electron/rig's rigBasisArrays(rig). */
export function rigBasis(rig: Rig): RigBasis {
  const C = rig.controls.length;
  const V = rig.parts.reduce((s, p) => s + p.vertexCount, 0);
  const neutral = new Float32Array(V * 3);
  const deltas = new Float32Array(C * V * 3);
  const pairKeys: string[] = [];
  for (const p of rig.parts) for (const k of p.correctives) if (!pairKeys.includes(`${k.a},${k.b}`)) pairKeys.push(`${k.a},${k.b}`);
  const correctives = new Float32Array(pairKeys.length * V * 3);
  let off = 0;
  for (const p of rig.parts) {
    neutral.set(p.neutral, off * 3);
    p.deltas.forEach((d, c) => {
      if (d && c < C) deltas.set(d, (c * V + off) * 3);
    });
    for (const k of p.correctives) correctives.set(k.delta, (pairKeys.indexOf(`${k.a},${k.b}`) * V + off) * 3);
    off += p.vertexCount;
  }
  const correctivePairs = pairKeys.map((s) => s.split(',').map(Number) as unknown as readonly [number, number]);
  return { neutral, deltas, correctives, correctivePairs, vertexCount: V };
}

/**
 * STAND-IN for electron/rig/arkit-aliases.ts: the control(s) an ARKit-52 (or other foreign)
 * curve name drives, with a scale. Until the alias table lands this knows no aliases, and
 * resolveCurveColumn falls back to exact, case-insensitive and Left/Right-suffix matching.
 */
export function aliasTargets(_name: string, _controls: readonly string[]): { control: string; scale: number }[] | undefined {
  return undefined;
}

/** STAND-IN for loading resources/rigs/default-head.glb with electron/rig's loadRigFromGlb. */
export async function loadDefaultRig(): Promise<Rig> {
  throw new Error('the default head loader (electron/rig) is not available yet');
}
