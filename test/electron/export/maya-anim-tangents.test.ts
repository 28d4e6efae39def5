// The .anim export's tangents against RigSolve's own curve: the file is read here by a parser of
// Autodesk's grammar and evaluated the way Maya evaluates a non-weighted animCurve (a cubic
// Hermite per segment, tangents as angles with time in seconds), not with the exporter's code.
import { describe, expect, it } from 'vitest';
import { evaluateControl } from '../../../electron/common/curves/evaluate';
import type { FilterKind } from '../../../electron/common/curves/filters';
import { interpOf, TANGENT_TYPES, type Key, type TangentType } from '../../../electron/common/curves/keys';
import { reduceCurve, reduceHermite } from '../../../electron/common/curves/reduce';
import type { CurvesTable } from '../../../electron/export/curves-table';
import { toMayaAnim } from '../../../electron/export/maya-anim';
import { mulberry32 as rng } from '../../helpers/seeded';

interface AnimKey {
  time: number;
  value: number;
  inType: string;
  outType: string;
  inAngle: number | null;
  outAngle: number | null;
}

/** Key lines: time value inType outType tanLocked weightLocked breakdown [inAngle inWeight] [outAngle outWeight]; */
function parseCurves(text: string): Map<string, AnimKey[]> {
  const curves = new Map<string, AnimKey[]>();
  let current: AnimKey[] | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const head = /^anim \S+ (\S+) \S+ \d+ \d+ \d+;$/.exec(line);
    if (head) {
      current = [];
      curves.set(head[1]!, current);
      continue;
    }
    const m = /^(-?\d+) (-?[\d.]+) (\w+) (\w+) ([01]) ([01]) ([01])((?: -?[\d.]+)*);$/.exec(line);
    if (!m || !current) continue;
    const extra = m[8]!.trim() === '' ? [] : m[8]!.trim().split(' ').map(Number);
    let inAngle: number | null = null;
    let outAngle: number | null = null;
    if (m[3] === 'fixed') {
      inAngle = extra.shift()!;
      extra.shift(); // weight
    }
    if (m[4] === 'fixed') {
      outAngle = extra.shift()!;
      extra.shift();
    }
    expect(extra).toEqual([]);
    current.push({ time: Number(m[1]), value: Number(m[2]), inType: m[3]!, outType: m[4]!, inAngle, outAngle });
  }
  return curves;
}

/** Maya's evaluation of a non-weighted curve at a frame: Hermite per segment, slopes per second. */
function mayaAt(keys: AnimKey[], frame: number, fps: number): number {
  if (frame <= keys[0]!.time) return keys[0]!.value;
  const last = keys[keys.length - 1]!;
  if (frame >= last.time) return last.value;
  let k = 0;
  while (keys[k + 1]!.time < frame) k++;
  const a = keys[k]!;
  const b = keys[k + 1]!;
  if (a.outType === 'step') return a.value;
  const h = (b.time - a.time) / fps; // seconds
  const secant = (b.value - a.value) / h;
  const slope = (type: string, angle: number | null): number => {
    if (type === 'fixed') return Math.tan((angle! * Math.PI) / 180);
    if (type === 'flat') return 0;
    if (type === 'linear') return secant;
    throw new Error(`tangent type ${type} is not one this test evaluates`);
  };
  const m0 = slope(a.outType, a.outAngle);
  const m1 = slope(b.inType, b.inAngle);
  const t = (frame - a.time) / (b.time - a.time);
  const t2 = t * t;
  const t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * a.value + (t3 - 2 * t2 + t) * h * m0 + (-2 * t3 + 3 * t2) * b.value + (t3 - t2) * h * m1;
}

const KINDS: FilterKind[] = ['none', 'gaussian', 'savitzkyGolay', 'oneEuro'];

/** A control's final curve in RigSolve: a solve under a random filter and random keys, every tangent type, both modes. */
function rigsolveCurve(r: () => number, first: number, length: number, fps: number): Float32Array {
  const w = 0.03 + r() * 0.2;
  const raw = Float32Array.from({ length }, (_, i) => Math.min(1, Math.max(0, 0.5 + 0.3 * Math.sin(w * i) + (r() - 0.5) * 0.08)));
  const keys: Key[] = [];
  for (let f = first + Math.floor(r() * 10); f < first + length; f += 4 + Math.floor(r() * 30)) {
    const pick = (): TangentType => TANGENT_TYPES[Math.floor(r() * TANGENT_TYPES.length)]!;
    const outTangent = pick();
    const pose = r() < 0.5;
    keys.push({
      frame: f,
      value: pose ? r() : (r() - 0.5) * 0.4,
      interp: interpOf(outTangent),
      mode: pose ? 'pose' : 'offset',
      inTangent: pick(),
      outTangent,
      inSlope: (r() - 0.5) * 0.1,
      outSlope: (r() - 0.5) * 0.1,
      broken: r() < 0.5,
    });
  }
  const filter = { kind: KINDS[Math.floor(r() * KINDS.length)]!, strength: r() };
  return evaluateControl({ raw, filter, keys, falloff: Math.floor(r() * 16) }, { shotFirst: first, from: first, to: first + length - 1 }, fps);
}

describe('Maya .anim tangents', () => {
  it('the curve Maya evaluates from the file is RigSolve’s final curve within 1e-3 at every frame', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      const fps = [24, 25, 30, 60][seed % 4]!;
      const first = 1001;
      const length = 60 + Math.floor(r() * 300);
      const controls = ['jawOpen', 'mouthSmile_L', 'eyeBlink_R'];
      const values = controls.map(() => rigsolveCurve(r, first, length, fps));
      const t: CurvesTable = { shotName: 'sh', fps, firstFrame: first, controls, values };
      const out = toMayaAnim(t, { nodeName: 'blendShape1', tolerance: 1e-3 });
      expect(out.maxError).toBeLessThanOrEqual(1e-3);
      const curves = parseCurves(out.text);
      controls.forEach((name, c) => {
        const keys = curves.get(name)!;
        for (let i = 0; i < length; i++) {
          const err = Math.abs(mayaAt(keys, first + i, fps) - values[c]![i]!);
          if (err > 1e-3) throw new Error(`seed ${seed} ${name} frame ${first + i}: Maya ${mayaAt(keys, first + i, fps)}, RigSolve ${values[c]![i]} (${err})`);
        }
      });
      expect(out.keysAfter).toBeLessThan(out.keysBefore);
    }
  });

  it('writes angles with time in seconds: a ramp of 0.01 a frame at 24 fps leaves its key at atan(0.24)', () => {
    const ramp = Float32Array.from({ length: 11 }, (_, i) => 0.2 + 0.01 * i);
    const text = toMayaAnim({ shotName: 's', fps: 24, firstFrame: 1, controls: ['jawOpen'], values: [ramp] }, { nodeName: 'n', tolerance: 1e-4 }).text;
    const keys = parseCurves(text).get('jawOpen')!;
    expect(keys.map((k) => k.time)).toEqual([1, 11]);
    expect(keys[0]!.outAngle).toBeCloseTo((Math.atan(0.24) * 180) / Math.PI, 4); // 13.4957°; the ramp is stored as float32
    expect(keys[0]!.outType).toBe('fixed');
  });

  it('a hold is written flat, and a step stays a step at whole frames', () => {
    const step = Float32Array.from({ length: 20 }, (_, i) => (i < 10 ? 0.3 : 0.8));
    const keys = parseCurves(
      toMayaAnim({ shotName: 's', fps: 24, firstFrame: 0, controls: ['c'], values: [step] }, { nodeName: 'n', tolerance: 1e-4 }).text,
    ).get('c')!;
    const at = (f: number) => keys.find((k) => k.time === f);
    // The last frame of the hold leaves it broken (flat in, steep out), the first of the new value arrives steep and leaves flat.
    expect([at(9)?.inType, at(9)?.outType, at(10)?.inType, at(10)?.outType]).toEqual(['flat', 'fixed', 'fixed', 'flat']);
    expect([keys[0]!.inType, keys[0]!.outType, keys.at(-1)!.inType, keys.at(-1)!.outType]).toEqual(['flat', 'flat', 'flat', 'flat']);
    expect(keys.length).toBeLessThanOrEqual(6);
    for (let f = 0; f < 20; f++) expect(mayaAt(keys, f, 24)).toBeCloseTo(step[f]!, 6);
  });

  it('tangents need fewer keys than straight segments for smooth motion', () => {
    const dense = Float32Array.from({ length: 2000 }, (_, i) => 0.5 + 0.4 * Math.sin(i / 30) * Math.cos(i / 170));
    const hermite = reduceHermite(dense, 1e-3);
    expect(hermite.maxError).toBeLessThanOrEqual(1e-3);
    expect(hermite.indices.length).toBeLessThan(reduceCurve(dense, 1e-3).indices.length / 2);
  });
});
