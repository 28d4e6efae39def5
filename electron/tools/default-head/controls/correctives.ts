// Corrective shapes: what two controls need on top of their sum when both are on (evaluated as
// w_a·w_b·C). Defined for the actor's left and mirrored:
//  - jawOpen × mouthLipsTogether: the lips meet although the jaw is open (ARKit's mouthClose);
//  - jawOpen × mouthCornerPull: an open smile lifts the lower lip's corners and widens them;
//  - eyeBlink × eyeSquint: the upper lid closes onto the raised, squinted lower lid;
//  - eyeBlink × eyeWide: a blink still closes the eye fully when the lids are widened.
import type { EyeState } from '../eyelid-shape';
import type { LipFrame, SkinPoint } from './context';
import { X, face, leftHalf } from './context';
import { CATALOGUE } from './catalogue';
import { JAW_MOTIONS, lipClosure } from './jaw';

export interface CorrectiveEnv {
  readonly skin: readonly SkinPoint[];
  readonly frame: LipFrame;
  /** Float count of every part's arrays (partList order: head skin first, mouth third). */
  readonly sizes: readonly number[];
  mirror(d: readonly Float32Array[]): Float32Array[];
  /** The mouth interior's share of a skin delta. */
  follow(skinDelta: Float32Array): Float32Array;
  /** Add w × (skin(lids in state st) − skin(rest)) for the left eye. */
  lidDelta(st: EyeState, out: Float32Array, w: number): void;
}

export interface CorrectiveShape {
  readonly name: string;
  readonly a: string;
  readonly b: string;
  readonly deltas: Float32Array[];
}

const SKIN = 0;
const MOUTH = 2;

function lidsOf(name: string): EyeState {
  const st = CATALOGUE[name]?.lids;
  if (!st) throw new Error(`no lid state for ${name}`);
  return st;
}

/** C = P(target) − P(rest) − ΔA − ΔB on the lids (exact: the pair lands on the target state). */
function lidCorrective(env: CorrectiveEnv, target: EyeState, a: string, b: string, out: Float32Array): void {
  env.lidDelta(target, out, 1);
  env.lidDelta(lidsOf(a), out, -1);
  env.lidDelta(lidsOf(b), out, -1);
}

export function buildCorrectiveDeltas(env: CorrectiveEnv): CorrectiveShape[] {
  const left: CorrectiveShape[] = [];
  const make = (name: string, a: string, b: string, fill: (skin: Float32Array) => void): void => {
    const deltas: Float32Array[] = env.sizes.map((n) => new Float32Array(n));
    fill(deltas[SKIN]!);
    deltas[MOUTH] = env.follow(deltas[SKIN]!);
    left.push({ name, a, b, deltas });
  };
  make('jawOpen_x_mouthLipsTogether_L', 'jawOpen', 'mouthLipsTogether_L', (d) => {
    const jaw = JAW_MOTIONS.jawOpen!;
    for (const s of env.skin) {
      const w = leftHalf(s.v);
      if (w === 0) continue;
      const c = lipClosure(s, env.frame, jaw);
      d[s.i * 3] = w * c[0];
      d[s.i * 3 + 1] = w * c[1];
      d[s.i * 3 + 2] = w * c[2];
    }
  });
  make('jawOpen_x_mouthCornerPull_L', 'jawOpen', 'mouthCornerPull_L', (d) => {
    for (const s of env.skin) {
      const w = face(s.p, 0.026, -0.066, 0.014, 0.013);
      if (w === 0) continue;
      const u = s.up;
      d[s.i * 3] = w * (0.0035 * u[0] + 0.0016 * X[0]);
      d[s.i * 3 + 1] = w * 0.0035 * u[1];
      d[s.i * 3 + 2] = w * 0.0035 * u[2];
    }
  });
  make('eyeBlink_x_eyeSquint_L', 'eyeBlink_L', 'eyeSquint_L', (d) => lidCorrective(env, { up: 0, close: 0.5, low: 0.5 }, 'eyeBlink_L', 'eyeSquint_L', d));
  make('eyeBlink_x_eyeWide_L', 'eyeBlink_L', 'eyeWide_L', (d) => lidCorrective(env, lidsOf('eyeBlink_L'), 'eyeBlink_L', 'eyeWide_L', d));

  const out: CorrectiveShape[] = [];
  for (const c of left) {
    out.push(c);
    const r = (n: string): string => n.replace(/_L$/, '_R');
    out.push({ name: r(c.name), a: r(c.a), b: r(c.b), deltas: env.mirror(c.deltas) });
  }
  return out;
}
