// Exports round-trip through independent parsers written here (not the exporter's own code).
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../electron/export/csv';
import { toJson } from '../../../electron/export/json';
import { mayaTimeUnit, toMayaAnim } from '../../../electron/export/maya-anim';
import type { CurvesTable } from '../../../electron/export/curves-table';

function table(frames = 240): CurvesTable {
  const controls = ['jawOpen', 'mouthCornerPull_L', 'eyeBlink_L'];
  const values = [
    Float32Array.from({ length: frames }, (_, i) => 0.5 + 0.45 * Math.sin(i / 9)),
    Float32Array.from({ length: frames }, (_, i) => Math.max(0, Math.sin(i / 23))),
    Float32Array.from({ length: frames }, (_, i) => (i % 60 < 4 ? 1 : 0)),
  ];
  return { shotName: 'sh010', fps: 24, firstFrame: 1001, controls, values };
}

/** A parser for Maya's ASCII anim format, from Autodesk's description of the grammar. */
function parseAnim(text: string) {
  const tokens = text.split('\n');
  const header: Record<string, string> = {};
  const curves: Record<string, { node: string; keys: AnimKey[]; data: Record<string, string> }> = {};
  let current: string | null = null;
  let inKeys = false;
  for (const raw of tokens) {
    const line = raw.trim();
    if (!line) continue;
    let m: RegExpExecArray | null;
    if (!current && (m = /^(animVersion|mayaVersion|timeUnit|linearUnit|angularUnit|startTime|endTime) (\S+);$/.exec(line))) header[m[1]!] = m[2]!;
    else if ((m = /^anim (\S+) (\S+) (\S+) (\d+) (\d+) (\d+);$/.exec(line))) {
      current = m[2]!;
      curves[current] = { node: m[3]!, keys: [], data: {} };
    } else if (line === 'animData {') continue;
    else if (line === 'keys {') inKeys = true;
    else if (line === '}') {
      if (inKeys) inKeys = false;
      else current = null;
    } else if (inKeys && (m = /^(-?[\d.]+) (-?[\d.]+) (\w+) (\w+) ([01]) ([01]) ([01])((?: -?[\d.]+)*);$/.exec(line))) {
      // A 'fixed' tangent is followed by its angle and weight, the in tangent's first.
      const extra = m[8]!.trim() === '' ? [] : m[8]!.trim().split(' ').map(Number);
      const inAngle = m[3] === 'fixed' ? extra.splice(0, 2)[0]! : null;
      const outAngle = m[4] === 'fixed' ? extra.splice(0, 2)[0]! : null;
      if (extra.length > 0) throw new Error(`extra numbers on a key line: "${line}"`);
      curves[current!]!.keys.push({ time: Number(m[1]), value: Number(m[2]), inType: m[3]!, outType: m[4]!, inAngle, outAngle });
    } else if (current && (m = /^(\w+) (\S+);$/.exec(line))) curves[current]!.data[m[1]!] = m[2]!;
    else throw new Error(`line not in the anim grammar: "${line}"`);
  }
  return { header, curves };
}

interface AnimKey {
  time: number;
  value: number;
  inType: string;
  outType: string;
  inAngle: number | null;
  outAngle: number | null;
}

/** Maya's non-weighted curve between keys: Hermite, tangent angles measured with time in seconds. */
function curveAt(keys: AnimKey[], frame: number, fps: number): number {
  for (let k = 0; k + 1 < keys.length; k++) {
    const a = keys[k]!;
    const b = keys[k + 1]!;
    if (frame < a.time || frame > b.time) continue;
    const h = (b.time - a.time) / fps;
    const slope = (type: string, angle: number | null) => (type === 'fixed' ? Math.tan((angle! * Math.PI) / 180) : type === 'flat' ? 0 : NaN);
    const t = (frame - a.time) / (b.time - a.time);
    const m0 = slope(a.outType, a.outAngle) * h;
    const m1 = slope(b.inType, b.inAngle) * h;
    return (2 * t ** 3 - 3 * t ** 2 + 1) * a.value + (t ** 3 - 2 * t ** 2 + t) * m0 + (-2 * t ** 3 + 3 * t ** 2) * b.value + (t ** 3 - t ** 2) * m1;
  }
  return keys.at(-1)!.value;
}

describe('Maya .anim', () => {
  it('follows the grammar and recovers the curves within the reduction tolerance', () => {
    const t = table();
    const tol = 0.005;
    const out = toMayaAnim(t, { nodeName: 'blendShape1', tolerance: tol });
    const parsed = parseAnim(out.text);
    expect(parsed.header).toMatchObject({ animVersion: '1.1', timeUnit: 'film', startTime: '1001', endTime: '1240' });
    expect(Object.keys(parsed.curves)).toEqual(t.controls);
    for (const [c, name] of t.controls.entries()) {
      const curve = parsed.curves[name]!;
      expect(curve.node).toBe('blendShape1');
      expect(curve.data).toMatchObject({ input: 'time', output: 'unitless' });
      for (let i = 0; i < t.values[c]!.length; i++) {
        expect(Math.abs(curveAt(curve.keys, 1001 + i, t.fps) - t.values[c]![i]!)).toBeLessThanOrEqual(tol + 1e-6);
      }
    }
    expect(out.keysAfter).toBeLessThan(out.keysBefore / 3);
    expect(out.maxError).toBeLessThanOrEqual(tol);
  });
  it('names Maya time units for common rates', () => {
    expect([24, 25, 30, 48, 50, 60, 23.976, 29.97, 120].map(mayaTimeUnit)).toEqual([
      'film',
      'pal',
      'ntsc',
      'show',
      'palf',
      'ntscf',
      '23.976fps',
      '29.97fps',
      '120fps',
    ]);
  });
});

describe('CSV and JSON', () => {
  it('CSV round-trips through a plain split parser', () => {
    const t = table(50);
    const [head, ...rows] = toCsv(t).trim().split('\n');
    expect(head).toBe('frame,jawOpen,mouthCornerPull_L,eyeBlink_L');
    expect(rows).toHaveLength(50);
    rows.forEach((row, i) => {
      const cells = row.split(',').map(Number);
      expect(cells[0]).toBe(1001 + i);
      t.values.forEach((v, c) => expect(Math.abs(cells[c + 1]! - v[i]!)).toBeLessThanOrEqual(5e-7));
    });
  });
  it('JSON holds metadata and every value', () => {
    const t = table(10);
    const doc = JSON.parse(toJson(t, { take: 3 }));
    expect(doc).toMatchObject({ shot: 'sh010', fps: 24, firstFrame: 1001, frameCount: 10, controls: t.controls, meta: { take: 3 } });
    expect(doc.values.jawOpen[3]).toBeCloseTo(t.values[0]![3]!, 6);
  });
});
