// Turns the control catalogue into per-part delta arrays, in control-set order: evaluates the
// actor's-left and centre controls, mirrors them into the right-side controls (exact symmetry),
// lets the mouth interior follow the lips, and builds the corrective shapes.
import type { EyeState } from '../eyelid-shape';
import { EYE_REST } from '../eyelid-shape';
import type { HeadParts } from '../head-parts';
import { partList } from '../head-parts';
import { EYE } from '../landmarks';
import type { Vec3 } from '../math';
import { rotationDelta, smoothstep, tangential } from '../math';
import type { PartGeometry } from '../part-builder';
import { skinPoint, slitParam } from '../surface';
import type { ControlDef, SkinField } from './catalogue';
import { CATALOGUE, MIRROR_PAIRS } from './catalogue';
import type { LipFrame, SkinPoint } from './context';
import { UP } from './context';
import { JAW_MOTIONS, jawWeight } from './jaw';
import type { CorrectiveEnv } from './correctives';
import { buildCorrectiveDeltas } from './correctives';

/** Deltas of one shape: one array per part (parts in partList order), null where still. */
export type ShapeDeltas = (Float32Array | null)[];

export interface HeadShapes {
  readonly controls: ShapeDeltas[];
  readonly correctives: { readonly name: string; readonly a: string; readonly b: string; readonly deltas: ShapeDeltas }[];
}

/** Bounds of where any skin field acts (the locality tests check nothing moves beyond them). */
const FIELD_MIN_Z = -0.075;
const FIELD_MAX_Y = 0.065;

/** How much each ring of the mouth sack follows the lips (the rest follows the jaw). */
const SACK_FOLLOW = [1, 0.97, 0.85, 0.6, 0.3, 0.1, 0, 0, 0, 0];

interface Ctx {
  readonly parts: HeadParts;
  readonly list: readonly PartGeometry[];
  readonly skin: readonly SkinPoint[];
  readonly frame: LipFrame;
}

function skinNormals(part: PartGeometry): Float32Array {
  const p = part.neutral,
    idx = part.indices;
  const n = new Float64Array(p.length);
  for (let k = 0; k < idx.length; k += 3) {
    const a = idx[k]! * 3,
      b = idx[k + 1]! * 3,
      c = idx[k + 2]! * 3;
    const ux = p[b]! - p[a]!,
      uy = p[b + 1]! - p[a + 1]!,
      uz = p[b + 2]! - p[a + 2]!;
    const vx = p[c]! - p[a]!,
      vy = p[c + 1]! - p[a + 1]!,
      vz = p[c + 2]! - p[a + 2]!;
    const nx = uy * vz - uz * vy,
      ny = uz * vx - ux * vz,
      nz = ux * vy - uy * vx;
    for (const o of [a, b, c]) {
      n[o] = n[o]! + nx;
      n[o + 1] = n[o + 1]! + ny;
      n[o + 2] = n[o + 2]! + nz;
    }
  }
  const out = new Float32Array(p.length);
  for (let i = 0; i < n.length; i += 3) {
    const l = Math.hypot(n[i]!, n[i + 1]!, n[i + 2]!) || 1;
    out[i] = n[i]! / l;
    out[i + 1] = n[i + 1]! / l;
    out[i + 2] = n[i + 2]! / l;
  }
  return out;
}

/**
 * The two copies of a slit vertex (upper and lower lip, upper and lower lid) get the mean of
 * their normals: fields that move along the skin must move both copies alike, or the closed
 * lips would part (or cross) under a control that has nothing to do with opening them.
 */
function shareSlitNormals(skin: HeadParts['skin'], n: Float32Array): void {
  const copies = new Map<string, number[]>();
  skin.shape.grid.vertices.forEach((v, i) => {
    if (v.t !== skin.shape.layout.mouthRow && v.t !== skin.shape.layout.eyeRow) return;
    const key = `${v.theta},${v.t}`;
    copies.set(key, [...(copies.get(key) ?? []), i]);
  });
  for (const group of copies.values()) {
    if (group.length < 2) continue;
    const m = [0, 1, 2].map((k) => group.reduce((s, i) => s + n[i * 3 + k]!, 0));
    const l = Math.hypot(m[0]!, m[1]!, m[2]!) || 1;
    for (const i of group) for (let k = 0; k < 3; k++) n[i * 3 + k] = m[k]! / l;
  }
}

function makeCtx(parts: HeadParts): Ctx {
  const skin = parts.skin;
  const n = skinNormals(skin);
  shareSlitNormals(skin, n);
  const pts: SkinPoint[] = skin.shape.grid.vertices.map((v, i) => {
    const nv: Vec3 = [n[i * 3]!, n[i * 3 + 1]!, n[i * 3 + 2]!];
    return { i, v, p: [skin.neutral[i * 3]!, skin.neutral[i * 3 + 1]!, skin.neutral[i * 3 + 2]!], n: nv, up: tangential(UP, nv) };
  });
  const { layout } = skin.shape;
  return { parts, list: partList(parts), skin: pts, frame: { thetaCorner: layout.frontCols[layout.mouthCornerCol]!, mouthRow: layout.mouthRow } };
}

const point = (a: Float32Array, i: number): Vec3 => [a[i * 3]!, a[i * 3 + 1]!, a[i * 3 + 2]!];

function addAt(a: Float32Array, i: number, d: Readonly<Vec3>, w = 1): void {
  a[i * 3] = a[i * 3]! + w * d[0];
  a[i * 3 + 1] = a[i * 3 + 1]! + w * d[1];
  a[i * 3 + 2] = a[i * 3 + 2]! + w * d[2];
}

/** Canonical skin vertices whose lids an eye state can move (the left eye's warp region). */
function lidVertices(ctx: Ctx): LidVertices {
  const shape = ctx.parts.skin.shape;
  const index: number[] = [];
  for (let i = 0; i < shape.grid.halfCount; i++) {
    const v = shape.grid.vertices[i]!;
    const s = slitParam(shape, v.theta);
    if (s > 0 && s < 1 && Math.abs(v.t - shape.layout.eyeRow) < 0.0165) index.push(i);
  }
  return { index, rest: index.map((i) => skinPoint(shape, shape.grid.vertices[i]!, EYE_REST, EYE_REST)) };
}

interface LidVertices {
  readonly index: readonly number[];
  /** Their rest positions in float64, so unchanged vertices give exactly zero. */
  readonly rest: readonly Vec3[];
}

/** Skin motion of the left eye's lids going from the rest state to `st`. */
function addLidDelta(ctx: Ctx, lids: LidVertices, st: EyeState, out: Float32Array, w = 1): void {
  const shape = ctx.parts.skin.shape;
  lids.index.forEach((i, k) => {
    const a = skinPoint(shape, shape.grid.vertices[i]!, st, EYE_REST),
      b = lids.rest[k]!;
    addAt(out, i, [a[0] - b[0], a[1] - b[1], a[2] - b[2]], w);
  });
}

function mouthFollow(ctx: Ctx, skinDelta: Float32Array, interior: ((p: Vec3, phi: number) => Vec3) | null, out: Float32Array, onlyHalf: boolean): void {
  const m = ctx.parts.mouth;
  const n = onlyHalf ? m.halfCount : m.layer.length;
  for (let i = 0; i < n; i++) {
    const f = SACK_FOLLOW[m.layer[i]!] ?? 0;
    if (f > 0) addAt(out, i, point(skinDelta, m.slitVertex[i]!), f);
    if (interior && f < 1) addAt(out, i, interior(point(m.neutral, i), m.phi[i]!), 1 - f);
  }
}

function evaluate(ctx: Ctx, def: ControlDef, lids: LidVertices): Float32Array[] {
  const out = ctx.list.map((p) => new Float32Array(p.neutral.length));
  const [skinD, eyesD, mouthD, teethD, tongueD] = out as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  const half = def.kind === 'C';
  const jaw = def.jaw ? JAW_MOTIONS[def.jaw]! : null;
  const skinN = half ? ctx.parts.skin.halfCount : ctx.skin.length;
  for (let i = 0; i < skinN; i++) {
    const s = ctx.skin[i]!;
    // Every field lives on the face, jaw and neck: the back of the head and the crown never move.
    if (s.p[2] < FIELD_MIN_Z || s.p[1] > FIELD_MAX_Y) continue;
    if (def.skin) {
      const d = (def.skin as SkinField)(s, ctx.frame);
      if (d) addAt(skinD, i, d);
    }
    if (jaw) {
      const w = jawWeight(s, ctx.frame);
      if (w !== 0) addAt(skinD, i, jaw(s.p), w);
    }
  }
  if (def.lids) addLidDelta(ctx, lids, def.lids, skinD);
  if (def.gaze) {
    const e = ctx.parts.eyes;
    for (let i = 0; i < e.halfCount; i++) addAt(eyesD, i, rotationDelta(point(e.neutral, i), EYE.centre, def.gaze.axis, def.gaze.angle));
  }
  const t = ctx.parts.teeth;
  if (jaw) for (let i = 0; i < t.lower.length; i++) if (t.lower[i]) addAt(teethD, i, jaw(point(t.neutral, i)));
  const tg = ctx.parts.tongue;
  for (let i = 0; i < tg.mirror.length; i++) {
    const p = point(tg.neutral, i);
    if (jaw) addAt(tongueD, i, jaw(p));
    const d = def.tongue?.(p);
    if (d) addAt(tongueD, i, d);
  }
  // Inside the mouth: the floor of the cavity rides on the jaw, with the lower teeth inside it.
  const interior = jaw
    ? (p: Vec3, phi: number): Vec3 => {
        const w = smoothstep(0.2, -0.3, Math.sin(phi));
        const d = jaw(p);
        return [w * d[0], w * d[1], w * d[2]];
      }
    : null;
  mouthFollow(ctx, skinD, interior, mouthD, half);
  return out;
}

/** Mirror image of a left-side shape (Δ_R[m(i)] = M·Δ_L[i], M flips x). */
function mirrored(ctx: Ctx, src: readonly Float32Array[]): Float32Array[] {
  return src.map((d, k) => {
    const mir = ctx.list[k]!.mirror;
    const out = new Float32Array(d.length);
    for (let i = 0; i < mir.length; i++) {
      const j = mir[i]!;
      out[j * 3] = -d[i * 3]!;
      out[j * 3 + 1] = d[i * 3 + 1]!;
      out[j * 3 + 2] = d[i * 3 + 2]!;
    }
    return out;
  });
}

/** Make a centre control exactly symmetric from its canonical half. */
function symmetrise(ctx: Ctx, d: Float32Array[]): void {
  d.forEach((a, k) => {
    const part = ctx.list[k]!;
    for (let i = 0; i < part.halfCount; i++) {
      const j = part.mirror[i]!;
      if (j === i) {
        a[i * 3] = 0;
        continue;
      }
      a[j * 3] = -a[i * 3]!;
      a[j * 3 + 1] = a[i * 3 + 1]!;
      a[j * 3 + 2] = a[i * 3 + 2]!;
    }
  });
}

function finish(d: readonly Float32Array[]): ShapeDeltas {
  return d.map((a) => (a.some((x) => x !== 0) ? a : null));
}

export function buildHeadShapes(parts: HeadParts, controls: readonly string[]): HeadShapes {
  const ctx = makeCtx(parts);
  const lids = lidVertices(ctx);
  const raw = new Map<string, Float32Array[]>();
  for (const name of controls) {
    const def = CATALOGUE[name];
    if (!def) continue;
    const d = evaluate(ctx, def, lids);
    if (def.kind === 'C') symmetrise(ctx, d);
    raw.set(name, d);
  }
  const shapes = controls.map((name): ShapeDeltas => {
    const own = raw.get(name);
    if (own) return finish(own);
    const src = MIRROR_PAIRS[name] ?? (name.endsWith('_R') ? `${name.slice(0, -2)}_L` : undefined);
    const left = src ? raw.get(src) : undefined;
    if (!left) throw new Error(`default head: no definition for control "${name}"`);
    return finish(mirrored(ctx, left));
  });
  return { controls: shapes, correctives: buildCorrectives(ctx, lids) };
}

function buildCorrectives(ctx: Ctx, lids: LidVertices): HeadShapes['correctives'] {
  const env: CorrectiveEnv = {
    skin: ctx.skin,
    frame: ctx.frame,
    sizes: ctx.list.map((p) => p.neutral.length),
    mirror: (d) => mirrored(ctx, d),
    follow: (skinDelta) => {
      const out = new Float32Array(ctx.parts.mouth.neutral.length);
      mouthFollow(ctx, skinDelta, null, out, false);
      return out;
    },
    lidDelta: (st, out, w) => addLidDelta(ctx, lids, st, out, w),
  };
  return buildCorrectiveDeltas(env).map((c) => ({ ...c, deltas: finish(c.deltas) }));
}
