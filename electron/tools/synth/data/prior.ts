// The expression prior of the training data. It must cover every control over its whole range
// (a solver never learns a value it never saw), while looking like faces: most controls at zero
// in any one sample, left/right twins mostly moving together, FACS co-activations (expressions,
// visemes), conjugate gaze, antagonists never both on, and full-strength extremes.
import type { Rng } from '../rng';
import { generateMotion } from '../shot/motion';
import type { ControlIndex } from '../expressions';
import { ANTAGONISTS, EXPRESSIONS, VISEMES, controlSide, indexControls, resolveTemplate, twinIndex } from '../expressions';

/** Written into the manifest; the sampler reads its numbers from here too. */
export const PRIOR = {
  kind: 'rigsolve-expression-prior/1',
  // motion: one frame of the natural-motion generator (its own seed per sample), so training sees
  // the co-activations of talking faces; the others cover every control over its whole range.
  modes: { sparse: 0.3, expression: 0.2, viseme: 0.1, dense: 0.07, neutral: 0.05, motion: 0.28 },
  motion: { framesPerClip: 96, fps: 30, intensity: [0.6, 1.4] },
  sparse: { actionsMean: 3.5, centralWeight: 2, twinSymmetric: 0.55, twinIndependent: 0.15, twinJitter: [0.8, 1.2] },
  expression: { intensity: [0.2, 1.1], asymmetrySd: 0.2, perControlJitter: [0.7, 1.3], extraActions: [0, 3] },
  viseme: { intensity: [0.4, 1.4], expressionChance: 0.5, expressionIntensity: [0.1, 0.6], extraActions: [0, 2] },
  dense: { activeFraction: 0.25, maxValue: 0.6 },
  neutral: { exactZeroChance: 0.5, jitterMax: 0.08, jitterActions: 3 },
  value: { exactOne: 0.15, nearOne: [0.2, 0.85, 1.0], else: 'uniform(0.05, 1) ** 0.8' },
  gaze: { chance: 0.75, fullRange: 0.5, sdDeg: 10, fullDeg: 30, independent: 0.1, vergenceDeg: [0, 3] },
  blink: { chance: 0.15, wink: 0.3 },
  antagonists: 'the smaller of each antagonist pair is zeroed',
} as const;

export interface PriorContext {
  readonly controls: readonly string[];
  readonly idx: ControlIndex;
  readonly expressionNames: readonly string[];
  readonly antagonists: readonly (readonly [number, number])[];
  readonly gaze: {
    readonly out: readonly (number | undefined)[];
    readonly in: readonly (number | undefined)[];
    readonly up: readonly (number | undefined)[];
    readonly down: readonly (number | undefined)[];
  };
  readonly blink: readonly (number | undefined)[];
  /** Choice weights of single actions: central controls count double (they have no twin to ride along with). */
  readonly actionWeights: readonly number[];
}

export function priorContext(controls: readonly string[]): PriorContext {
  const idx = indexControls(controls);
  const pair = (base: string): (number | undefined)[] => [idx.get(`${base}_L`), idx.get(`${base}_R`)];
  return {
    controls,
    idx,
    expressionNames: Object.keys(EXPRESSIONS),
    antagonists: ANTAGONISTS.map(([a, b]) => [idx.get(a), idx.get(b)] as const).filter(
      (p): p is readonly [number, number] => p[0] !== undefined && p[1] !== undefined,
    ),
    gaze: { out: pair('eyeLookOut'), in: pair('eyeLookIn'), up: pair('eyeLookUp'), down: pair('eyeLookDown') },
    blink: pair('eyeBlink'),
    actionWeights: controls.map((n) => (twinIndex(n, idx) === undefined ? 2 : 1)),
  };
}

function value(rng: Rng): number {
  const r = rng.next();
  if (r < PRIOR.value.exactOne) return 1;
  if (r < PRIOR.value.exactOne + PRIOR.value.nearOne[0]) return rng.uniform(PRIOR.value.nearOne[1], PRIOR.value.nearOne[2]);
  return Math.pow(rng.uniform(0.05, 1), 0.8);
}

function poisson(rng: Rng, mean: number): number {
  const l = Math.exp(-mean);
  let k = 0,
    p = rng.next();
  while (p > l) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** One control (drawn over all of them, so every control is reached) and, often, its twin. */
function addAction(rng: Rng, ctx: PriorContext, w: Float32Array): void {
  const c = rng.weighted(ctx.actionWeights);
  const v = value(rng);
  w[c] = Math.max(w[c]!, v);
  const twin = twinIndex(ctx.controls[c]!, ctx.idx);
  if (twin === undefined || controlSide(ctx.controls[c]!) === 'C') return;
  const r = rng.next();
  if (r < PRIOR.sparse.twinSymmetric) w[twin] = Math.max(w[twin]!, Math.min(1, v * rng.uniform(PRIOR.sparse.twinJitter[0], PRIOR.sparse.twinJitter[1])));
  else if (r < PRIOR.sparse.twinSymmetric + PRIOR.sparse.twinIndependent) w[twin] = Math.max(w[twin]!, value(rng));
}

function addTemplate(rng: Rng, ctx: PriorContext, w: Float32Array, pairs: [number, number][], amount: number, jitter: readonly [number, number]): void {
  const a = Math.max(-0.6, Math.min(0.6, rng.normal() * PRIOR.expression.asymmetrySd));
  for (const [c, v] of pairs) {
    const side = controlSide(ctx.controls[c]!);
    const k = side === 'L' ? 1 + a : side === 'R' ? 1 - a : 1;
    w[c] = w[c]! + v * amount * k * rng.uniform(jitter[0], jitter[1]);
  }
}

function addExpression(rng: Rng, ctx: PriorContext, w: Float32Array, amount: number): void {
  const name = rng.pick(ctx.expressionNames);
  let pairs = resolveTemplate(EXPRESSIONS[name]!, ctx.idx);
  if (name.endsWith('_L') && rng.chance(0.5)) pairs = pairs.map(([c, v]) => [twinIndex(ctx.controls[c]!, ctx.idx) ?? c, v]);
  addTemplate(rng, ctx, w, pairs, amount, PRIOR.expression.perControlJitter);
}

function addGaze(rng: Rng, ctx: PriorContext, w: Float32Array): void {
  const g = ctx.gaze,
    full = PRIOR.gaze.fullDeg;
  const set = (c: number | undefined, v: number): void => {
    if (c !== undefined && v > 0) w[c] = Math.min(1, v);
  };
  if (rng.chance(PRIOR.gaze.independent)) {
    for (const list of [g.out, g.in, g.up, g.down]) for (const c of list) if (rng.chance(0.3)) set(c, value(rng));
    return;
  }
  const wide = rng.chance(PRIOR.gaze.fullRange);
  const yaw = wide ? rng.uniform(-1.05, 1.05) * full : rng.normal() * PRIOR.gaze.sdDeg;
  const pitch = wide ? rng.uniform(-1.05, 1.05) * full : rng.normal() * PRIOR.gaze.sdDeg * 0.7;
  const verg = rng.uniform(PRIOR.gaze.vergenceDeg[0], PRIOR.gaze.vergenceDeg[1]);
  // +yaw looks toward the actor's left: left eye out, right eye in (conjugate gaze).
  set(g.out[0], (yaw - verg) / full);
  set(g.in[0], (verg - yaw) / full);
  set(g.in[1], (yaw + verg) / full);
  set(g.out[1], (-yaw - verg) / full);
  for (const c of g.up) set(c, pitch / full);
  for (const c of g.down) set(c, -pitch / full);
}

/** A random frame of a natural-motion clip (blinks, gaze, speech and expressions as in shots). */
function motionFrame(rng: Rng, ctx: PriorContext): Float32Array {
  const M = PRIOR.motion;
  const motion = generateMotion({
    frames: M.framesPerClip,
    fps: M.fps,
    seed: rng.int(0, 0x7fffffff),
    controls: ctx.controls,
    intensity: rng.uniform(M.intensity[0], M.intensity[1]),
    speech: rng.next(),
    headMotion: 0,
  });
  const f = rng.int(0, M.framesPerClip - 1);
  const C = ctx.controls.length;
  return motion.weights.slice(f * C, (f + 1) * C);
}

/** One expression sample: a weight in [0, 1] per control. */
export function sampleExpression(rng: Rng, ctx: PriorContext): Float32Array {
  const C = ctx.controls.length;
  const w = new Float32Array(C);
  const m = PRIOR.modes;
  const mode = rng.weighted([m.sparse, m.expression, m.viseme, m.dense, m.neutral, m.motion]);
  if (mode === 5) return motionFrame(rng, ctx);
  const extra = (range: readonly [number, number]): void => {
    for (let k = rng.int(range[0], range[1]); k > 0; k--) addAction(rng, ctx, w);
  };
  if (mode === 0) {
    for (let k = 1 + poisson(rng, PRIOR.sparse.actionsMean - 1); k > 0; k--) addAction(rng, ctx, w);
  } else if (mode === 1) {
    addExpression(rng, ctx, w, rng.uniform(PRIOR.expression.intensity[0], PRIOR.expression.intensity[1]));
    if (rng.chance(0.3)) addExpression(rng, ctx, w, rng.uniform(0.2, 0.7));
    extra(PRIOR.expression.extraActions);
  } else if (mode === 2) {
    const v = VISEMES[rng.weighted(VISEMES.map((x) => x.weight))]!;
    addTemplate(rng, ctx, w, resolveTemplate(v.shape, ctx.idx), rng.uniform(PRIOR.viseme.intensity[0], PRIOR.viseme.intensity[1]), [0.8, 1.2]);
    if (rng.chance(PRIOR.viseme.expressionChance))
      addExpression(rng, ctx, w, rng.uniform(PRIOR.viseme.expressionIntensity[0], PRIOR.viseme.expressionIntensity[1]));
    extra(PRIOR.viseme.extraActions);
  } else if (mode === 3) {
    for (let c = 0; c < C; c++) if (rng.chance(PRIOR.dense.activeFraction)) w[c] = rng.uniform(0, PRIOR.dense.maxValue);
    extra([1, 3]);
  } else if (!rng.chance(PRIOR.neutral.exactZeroChance)) {
    for (let k = rng.int(1, PRIOR.neutral.jitterActions); k > 0; k--) w[rng.int(0, C - 1)] = rng.uniform(0, PRIOR.neutral.jitterMax);
  }
  if (mode !== 4) {
    if (rng.chance(PRIOR.gaze.chance)) addGaze(rng, ctx, w);
    if (rng.chance(PRIOR.blink.chance)) {
      const v = value(rng);
      const [l, r] = ctx.blink;
      const wink = rng.chance(PRIOR.blink.wink);
      const side = rng.chance(0.5);
      if (l !== undefined && (!wink || side)) w[l] = Math.max(w[l]!, v);
      if (r !== undefined && (!wink || !side)) w[r] = Math.max(w[r]!, wink ? v : v * rng.uniform(0.9, 1.1));
    }
  }
  for (const [a, b] of ctx.antagonists) {
    if (w[a]! > 0 && w[b]! > 0) {
      if (w[a]! >= w[b]!) w[b] = 0;
      else w[a] = 0;
    }
  }
  for (let c = 0; c < C; c++) w[c] = Math.min(1, Math.max(0, w[c]!));
  return w;
}
