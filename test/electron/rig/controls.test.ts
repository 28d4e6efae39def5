// Every control of the default head is a local, distinct, plausibly sized deformation, and the
// right side is the exact mirror image of the left.
//
// Locality tolerance: 1 µm. Every control is a compactly supported field, so outside its
// region the stored deltas are exact zeros; 1 µm is far below anything visible (a pixel of a
// 1024-px render of the head is ~0.3 mm) yet far above float32 rounding (~1e-9 m on these
// deltas), so it flags any real leak without tripping on arithmetic noise.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTROLS } from '../../../electron/common/controls';
import type { Region } from '../../../electron/common/controls';
import { EYE } from '../../../electron/tools/default-head/landmarks';
import type { Rig } from '../../../electron/rig/types';
import { defaultHead, maxNorm, mirrorMap } from './helpers';

const TOL = 1e-6;
let rig: Rig;
let mirrors: Int32Array[];

beforeAll(async () => {
  ({ rig } = await defaultHead());
  mirrors = rig.parts.map(mirrorMap);
});

type Pred = (part: string, x: number, y: number, z: number) => boolean;
const front = (z: number): boolean => z > 0.015;
const ax = Math.abs;
/** The vertex sets of the control regions (controls.tsv), from the landmarks. */
const REGIONS: Record<Region, Pred> = {
  brow: (p, x, y, z) => p === 'head' && y > -0.006 && front(z),
  eyelid: (p, x, y, z) => p === 'head' && y > -0.055 && y < 0.034 && ax(x) < 0.085 && front(z),
  gaze: (p, x, y, z) => p === 'eyes' || (p === 'head' && Math.hypot(ax(x) - EYE.centre[0], y - EYE.centre[1]) < 0.022 && front(z)),
  // The mouth interior follows the lip line, so fields that reach the mouth corners move it too.
  nose: (p, x, y, z) => ['head', 'mouth'].includes(p) && ax(x) < 0.05 && y > -0.08 && y < 0.026 && front(z),
  cheek: (p, x, y, z) => ['head', 'mouth'].includes(p) && ax(x) < 0.09 && y > -0.095 && y < -0.02 && front(z),
  mouthCorner: (p, x, y, z) => ['head', 'mouth'].includes(p) && ax(x) < 0.065 && y > -0.1 && y < -0.012 && front(z),
  lips: (p, x, y, z) => ['head', 'mouth'].includes(p) && ax(x) < 0.05 && y > -0.12 && y < -0.035 && front(z),
  mouth: (p, x, y, z) => ['head', 'mouth'].includes(p) && ax(x) < 0.05 && y > -0.1 && y < -0.03 && front(z),
  chin: (p, x, y, z) => ['head', 'mouth'].includes(p) && ax(x) < 0.04 && y > -0.125 && y < -0.05 && front(z),
  jaw: (p, x, y, z) => ['mouth', 'teeth', 'tongue'].includes(p) || (p === 'head' && y < 0.0 && z > -0.07),
  tongue: (p) => p === 'tongue',
  neck: (p, x, y, z) => ['head', 'mouth'].includes(p) && y < -0.05 && z > -0.08,
};

function outside(rigPart: { name: string; neutral: Float32Array }, pred: Pred): (v: number) => boolean {
  const n = rigPart.neutral;
  return (v) => !pred(rigPart.name, n[v * 3]!, n[v * 3 + 1]!, n[v * 3 + 2]!);
}

describe('default head controls', () => {
  it('each moves only vertices of its region', () => {
    const leaks: string[] = [];
    for (const c of DEFAULT_CONTROLS) {
      for (const p of rig.parts) {
        const m = maxNorm(p.deltas[c.index] ?? null, outside(p, REGIONS[c.region]));
        if (m > TOL) leaks.push(`${c.name} moves ${p.name} by ${(m * 1000).toFixed(3)} mm outside region ${c.region}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('left controls leave the right side still (and vice versa, by symmetry)', () => {
    const leaks: string[] = [];
    for (const c of DEFAULT_CONTROLS.filter((x) => x.side === 'L')) {
      for (const p of rig.parts) {
        // The lips' soft midline band (±7.5 mm) reaches a little wider in the mouth interior,
        // whose rings are wider than the lip line they hang from.
        const midline = p.name === 'mouth' ? -0.016 : -0.009;
        const m = maxNorm(p.deltas[c.index] ?? null, (v) => p.neutral[v * 3]! < midline);
        if (m > TOL) leaks.push(`${c.name} moves ${p.name} on the right side by ${(m * 1000).toFixed(3)} mm`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('each moves something, by a plausible amount (0.5 mm … 45 mm)', () => {
    for (const c of DEFAULT_CONTROLS) {
      const m = Math.max(...rig.parts.map((p) => maxNorm(p.deltas[c.index] ?? null)));
      expect(m, c.name).toBeGreaterThan(0.0005);
      expect(m, c.name).toBeLessThan(0.045);
    }
    // default-head.md: a brow raise ~0.01, the chin travels ~0.03–0.04 at full jawOpen.
    const browUp = maxNorm(rig.parts[0]!.deltas[0] ?? null);
    expect(browUp).toBeGreaterThan(0.007);
    expect(browUp).toBeLessThan(0.013);
    const jaw = maxNorm(rig.parts[0]!.deltas[DEFAULT_CONTROLS.findIndex((c) => c.name === 'jawOpen')] ?? null);
    expect(jaw).toBeGreaterThan(0.028);
    expect(jaw).toBeLessThan(0.042);
  });

  it('are pairwise distinct (normalised overlap < 0.95)', () => {
    // Gram matrix from the sparse deltas: only vertices two controls both move contribute.
    const C = rig.controls.length;
    const gram = new Float64Array(C * C);
    for (const p of rig.parts) {
      for (let v = 0; v < p.vertexCount; v++) {
        const moving: { c: number; d: [number, number, number] }[] = [];
        p.deltas.forEach((d, c) => {
          if (d && (d[v * 3] !== 0 || d[v * 3 + 1] !== 0 || d[v * 3 + 2] !== 0)) moving.push({ c, d: [d[v * 3]!, d[v * 3 + 1]!, d[v * 3 + 2]!] });
        });
        for (const a of moving) for (const b of moving) gram[a.c * C + b.c] = gram[a.c * C + b.c]! + a.d[0] * b.d[0] + a.d[1] * b.d[1] + a.d[2] * b.d[2];
      }
    }
    const similar: string[] = [];
    for (let a = 0; a < C; a++) {
      for (let b = a + 1; b < C; b++) {
        const cos = gram[a * C + b]! / Math.sqrt(gram[a * C + a]! * gram[b * C + b]!);
        if (cos > 0.95) similar.push(`${rig.controls[a]} ~ ${rig.controls[b]} (${cos.toFixed(3)})`);
      }
    }
    expect(similar).toEqual([]);
  });

  it('keep the lips sealed and the lid margins still unless they act on them', () => {
    const head = rig.parts[0]!;
    // The lip slit: coincident vertex pairs (upper and lower copy) on the closed lip line.
    const groups = new Map<string, number[]>();
    for (let v = 0; v < head.vertexCount; v++) {
      const k = `${head.neutral[v * 3]},${head.neutral[v * 3 + 1]},${head.neutral[v * 3 + 2]}`;
      groups.set(k, [...(groups.get(k) ?? []), v]);
    }
    const lipPairs = [...groups.values()].filter((g) => g.length === 2) as [number, number][];
    // The lid margins: the open eyes are the mesh's boundary edges above the mouth.
    const edges = new Map<string, number>();
    for (let t = 0; t < head.indices.length; t += 3) {
      for (let e = 0; e < 3; e++) {
        const a = head.indices[t + e]!,
          b = head.indices[t + ((e + 1) % 3)]!;
        const k = a < b ? `${a},${b}` : `${b},${a}`;
        edges.set(k, (edges.get(k) ?? 0) + 1);
      }
    }
    const margin = new Set<number>();
    for (const [k, n] of edges) if (n === 1) for (const v of k.split(',').map(Number)) if (head.neutral[v * 3 + 1]! > -0.03) margin.add(v);
    expect(lipPairs.length).toBeGreaterThan(30);
    expect(margin.size).toBeGreaterThan(60);
    const problems: string[] = [];
    for (const c of DEFAULT_CONTROLS) {
      const d = head.deltas[c.index];
      if (!d) continue;
      if (['brow', 'eyelid', 'gaze', 'cheek', 'mouthCorner', 'mouth', 'neck', 'tongue'].includes(c.region)) {
        const gap = Math.max(...lipPairs.map(([a, b]) => Math.hypot(d[a * 3]! - d[b * 3]!, d[a * 3 + 1]! - d[b * 3 + 1]!, d[a * 3 + 2]! - d[b * 3 + 2]!)));
        if (gap > 1e-9) problems.push(`${c.name} parts the lips by ${(gap * 1000).toFixed(3)} mm`);
      }
      // A lowered brow or a sneer may nudge the lid skin, but not by a visible amount (0.1 mm).
      if (!['eyelid', 'gaze'].includes(c.region)) {
        const moved = maxNorm(d, (v) => margin.has(v));
        if (moved > 1e-4) problems.push(`${c.name} moves a lid margin by ${(moved * 1000).toFixed(3)} mm`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('mirror map: every vertex has a mirror image, midline vertices their own', () => {
    rig.parts.forEach((p, k) => {
      const m = mirrors[k]!;
      for (let v = 0; v < p.vertexCount; v++) {
        expect(m[v], `${p.name} vertex ${v}`).toBeGreaterThanOrEqual(0);
        expect(m[m[v]!]).toBe(v);
      }
    });
  });

  it('the mirror of every _L delta is the _R delta; centre controls are symmetric or mirror pairs', () => {
    const mismatches: string[] = [];
    const check = (a: string, b: string, da: (k: number) => Float32Array | null, db: (k: number) => Float32Array | null): void => {
      rig.parts.forEach((p, k) => {
        const A = da(k),
          B = db(k),
          m = mirrors[k]!;
        if (!A && !B) return;
        let worst = 0;
        for (let v = 0; v < p.vertexCount; v++) {
          const u = m[v]!;
          const ax0 = A ? A[v * 3]! : 0,
            ay = A ? A[v * 3 + 1]! : 0,
            az = A ? A[v * 3 + 2]! : 0;
          const bx = B ? B[u * 3]! : 0,
            by = B ? B[u * 3 + 1]! : 0,
            bz = B ? B[u * 3 + 2]! : 0;
          worst = Math.max(worst, Math.abs(ax0 + bx), Math.abs(ay - by), Math.abs(az - bz));
        }
        if (worst > 1e-9) mismatches.push(`${a} vs ${b} on ${p.name}: ${worst}`);
      });
    };
    const idx = (n: string): number => rig.controls.indexOf(n);
    for (const c of DEFAULT_CONTROLS) {
      const d = (name: string) => (k: number) => rig.parts[k]!.deltas[idx(name)] ?? null;
      if (c.side === 'L') check(c.name, c.name.replace(/_L$/, '_R'), d(c.name), d(c.name.replace(/_L$/, '_R')));
      if (c.side === 'C') {
        const partner = { mouthLeft: 'mouthRight', jawLeft: 'jawRight', tongueLeft: 'tongueRight' }[c.name];
        if (partner) check(c.name, partner, d(c.name), d(partner));
        else if (!['mouthRight', 'jawRight', 'tongueRight'].includes(c.name)) check(c.name, c.name, d(c.name), d(c.name));
      }
    }
    for (const p of rig.parts) {
      for (const c of p.correctives.filter((x) => x.name.endsWith('_L'))) {
        const r = p.correctives.find((x) => x.name === c.name.replace(/_L$/, '_R'))!;
        expect(rig.controls[r.b]).toBe(rig.controls[c.b]!.replace(/_L$/, '_R'));
        const k = rig.parts.indexOf(p);
        check(
          c.name,
          r.name,
          (kk) => (kk === k ? c.delta : null),
          (kk) => (kk === k ? r.delta : null),
        );
      }
    }
    expect(mismatches).toEqual([]);
  });
});
