// The committed default head: rebuilt byte for byte by the generator, readable by glTF-Transform
// and by three.js with the 102 controls as morph targets in control-set order, with the parts
// and looks an animator expects.
import { createHash } from 'node:crypto';
import { WebIO } from '@gltf-transform/core';
import type { Mesh as ThreeMesh, Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTROLS } from '../../../electron/common/controls';
import { buildDefaultHeadGlb } from '../../../electron/tools/default-head/build';
import { EYE, MOUTH } from '../../../electron/tools/default-head/landmarks';
import { readGlbJson } from '../../../electron/rig/write-glb';
import type { RigsolveExtras } from '../../../electron/rig/write-glb';
import { RIG_MATERIALS } from '../../../electron/rig/types';
import type { Rig } from '../../../electron/rig/types';
import { defaultHead, part } from '../rig/helpers';

const NAMES = DEFAULT_CONTROLS.map((c) => c.name);
let bytes: Uint8Array;
let rig: Rig;

beforeAll(async () => {
  ({ bytes, rig } = await defaultHead());
});

describe('default head GLB', () => {
  it('is what the generator builds (deterministic, and the committed file is up to date)', async () => {
    const built = await buildDefaultHeadGlb();
    const h = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
    // If this fails after a deliberate change: npx tsx scripts/build-rig.ts
    expect(h(built)).toBe(h(bytes));
    expect(rig.hash).toBe(h(bytes));
  });

  it('loads in glTF-Transform with 102 named targets on every primitive, in control order', async () => {
    const doc = await new WebIO().readBinary(bytes);
    const meshes = doc.getRoot().listMeshes();
    expect(meshes.map((m) => m.getName())).toEqual(['head', 'eyes', 'mouth', 'teeth', 'tongue', 'ears']);
    for (const m of meshes) {
      expect((m.getExtras() as { targetNames: string[] }).targetNames).toEqual(NAMES);
      for (const p of m.listPrimitives()) {
        expect(p.listTargets()).toHaveLength(102);
        expect(p.getAttribute('COLOR_0')?.getType()).toBe('VEC3');
        expect(p.getAttribute('_MATERIAL')?.getCount()).toBe(p.getAttribute('POSITION')?.getCount());
      }
    }
  });

  it('loads in three.js GLTFLoader with 102 morph targets in control order', async () => {
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const gltf = await new GLTFLoader().parseAsync(ab, '');
    const meshes: ThreeMesh[] = [];
    gltf.scene.traverse((o: Object3D) => {
      if ((o as ThreeMesh).isMesh) meshes.push(o as ThreeMesh);
    });
    expect(meshes).toHaveLength(6);
    for (const m of meshes) {
      expect(m.morphTargetInfluences).toHaveLength(102);
      const dict = m.morphTargetDictionary!;
      expect(
        Object.entries(dict)
          .sort((a, b) => a[1] - b[1])
          .map(([k]) => k),
      ).toEqual(NAMES);
      expect(m.geometry.morphTargetsRelative).toBe(true);
      expect(m.geometry.getAttribute('color')).toBeDefined();
    }
  });

  it('has a dense face, separate eyes, teeth, tongue and mouth interior', () => {
    const head = part(rig, 'head');
    // Vertices on the face: in front of the ears, between the hairline and the chin.
    let face = 0;
    for (let v = 0; v < head.vertexCount; v++) {
      const y = head.neutral[v * 3 + 1]!,
        z = head.neutral[v * 3 + 2]!;
      if (z > 0.03 && y > -0.12 && y < 0.075) face++;
    }
    expect(face).toBeGreaterThanOrEqual(8000);
    for (const name of ['eyes', 'mouth', 'teeth', 'tongue']) expect(part(rig, name).vertexCount).toBeGreaterThan(100);
    const total = rig.parts.reduce((n, p) => n + p.vertexCount, 0);
    expect(total).toBeLessThan(26000);
  });

  it('is in metres, Y up, facing +Z, centred near the origin', () => {
    const min = [Infinity, Infinity, Infinity],
      max = [-Infinity, -Infinity, -Infinity];
    const head = part(rig, 'head');
    for (let v = 0; v < head.vertexCount; v++) {
      for (let k = 0; k < 3; k++) {
        min[k] = Math.min(min[k]!, head.neutral[v * 3 + k]!);
        max[k] = Math.max(max[k]!, head.neutral[v * 3 + k]!);
      }
    }
    expect(max[0]! - min[0]!).toBeGreaterThan(0.14);
    expect(max[0]! - min[0]!).toBeLessThan(0.2);
    expect(max[1]!).toBeGreaterThan(0.1); // crown
    expect(max[2]!).toBeGreaterThan(0.1); // nose tip, in front
    expect(min[2]!).toBeGreaterThan(-0.12);
    expect(Math.abs(max[0]! + min[0]!)).toBeLessThan(1e-6);
  });

  it('colours and materials: skin, lips, brows, sclera, iris, pupil, teeth, tongue, dark mouth', () => {
    const lum = (p: ReturnType<typeof part>, v: number): number => 0.2126 * p.colors[v * 3]! + 0.7152 * p.colors[v * 3 + 1]! + 0.0722 * p.colors[v * 3 + 2]!;
    const present = new Set<string>();
    const meanLum = new Map<string, { s: number; n: number }>();
    for (const p of rig.parts) {
      for (let v = 0; v < p.vertexCount; v++) {
        const m = RIG_MATERIALS[p.materials[v]!]!;
        present.add(m);
        const e = meanLum.get(m) ?? { s: 0, n: 0 };
        e.s += lum(p, v);
        e.n++;
        meanLum.set(m, e);
      }
    }
    expect([...present].sort()).toEqual([...RIG_MATERIALS].sort());
    const L = (m: string): number => meanLum.get(m)!.s / meanLum.get(m)!.n;
    expect(L('sclera')).toBeGreaterThan(0.6);
    expect(L('pupil')).toBeLessThan(0.01);
    expect(L('mouthInterior')).toBeLessThan(0.1);
    expect(L('brow')).toBeLessThan(L('skin') / 3);
    expect(L('teeth')).toBeGreaterThan(L('skin'));
    // Lips redder than skin.
    const red = (m: number): number => {
      let r = 0,
        g = 0;
      const head = part(rig, 'head');
      for (let v = 0; v < head.vertexCount; v++) if (head.materials[v] === m) [r, g] = [r + head.colors[v * 3]!, g + head.colors[v * 3 + 1]!];
      return r / g;
    };
    expect(red(RIG_MATERIALS.indexOf('lip'))).toBeGreaterThan(red(RIG_MATERIALS.indexOf('skin')) * 1.3);
  });

  it('lists its correctives in the root extras, as accessors the loader reads back', () => {
    const { json } = readGlbJson(bytes);
    const extras = (json as { extras: { rigsolve: RigsolveExtras } }).extras.rigsolve;
    expect(extras.name).toBe('default-head');
    const names = extras.correctives.map((c) => c.name).sort();
    expect(names).toEqual([
      'eyeBlink_x_eyeSquint_L',
      'eyeBlink_x_eyeSquint_R',
      'eyeBlink_x_eyeWide_L',
      'eyeBlink_x_eyeWide_R',
      'jawOpen_x_mouthCornerPull_L',
      'jawOpen_x_mouthCornerPull_R',
      'jawOpen_x_mouthLipsTogether_L',
      'jawOpen_x_mouthLipsTogether_R',
    ]);
    for (const c of extras.correctives) {
      expect(NAMES).toContain(c.a);
      expect(NAMES).toContain(c.b);
      for (const t of c.targets) expect(t.accessor).toBeGreaterThanOrEqual(0);
    }
    const loaded = new Set(rig.parts.flatMap((p) => p.correctives.map((c) => `${c.name}:${rig.controls[c.a]}:${rig.controls[c.b]}`)));
    expect(loaded.size).toBe(8);
    expect(loaded).toContain('jawOpen_x_mouthLipsTogether_L:jawOpen:mouthLipsTogether_L');
  });

  it('opens a real mouth: jawOpen parts the lips along the slit and the lips-together corrective closes it', () => {
    const head = part(rig, 'head');
    const jaw = head.deltas[NAMES.indexOf('jawOpen')]!;
    const ltL = NAMES.indexOf('mouthLipsTogether_L'),
      ltR = NAMES.indexOf('mouthLipsTogether_R');
    // Coincident vertex pairs on the lip line (upper and lower copy of the slit).
    const key = (v: number): string => `${head.neutral[v * 3]},${head.neutral[v * 3 + 1]},${head.neutral[v * 3 + 2]}`;
    const seen = new Map<string, number>();
    let gapMid = 0,
      closedMax = 0;
    const corr = head.correctives.filter((c) => c.b === ltL || c.b === ltR);
    for (let v = 0; v < head.vertexCount; v++) {
      if (Math.abs(head.neutral[v * 3 + 1]! - MOUTH.y) > 0.003 || Math.abs(head.neutral[v * 3]!) > MOUTH.cornerX) continue;
      const k = key(v);
      const u = seen.get(k);
      if (u === undefined) {
        seen.set(k, v);
        continue;
      }
      const at = (i: number, withCorr: boolean): number[] =>
        [0, 1, 2].map(
          (c) =>
            jaw[i * 3 + c]! +
            (withCorr ? head.deltas[ltL]![i * 3 + c]! + head.deltas[ltR]![i * 3 + c]! + corr.reduce((s, k2) => s + k2.delta[i * 3 + c]!, 0) : 0),
        );
      const open = Math.hypot(...at(u, false).map((x, c) => x - at(v, false)[c]!));
      const closed = Math.hypot(...at(u, true).map((x, c) => x - at(v, true)[c]!));
      if (Math.abs(head.neutral[v * 3]!) < 0.003) gapMid = Math.max(gapMid, open);
      closedMax = Math.max(closedMax, closed);
    }
    expect(gapMid).toBeGreaterThan(0.018); // lips part by ~2-3 cm at full jawOpen
    expect(closedMax).toBeLessThan(1e-4);
  });

  it('blink closes the lid onto the lower lid, over the eyeball', () => {
    const head = part(rig, 'head');
    const blink = head.deltas[NAMES.indexOf('eyeBlink_L')]!;
    const [ex, ey, ez] = EYE.centre;
    let maxDown = 0,
      inside = 0;
    for (let v = 0; v < head.vertexCount; v++) {
      const x = head.neutral[v * 3]!,
        y = head.neutral[v * 3 + 1]!,
        z = head.neutral[v * 3 + 2]!;
      if (Math.abs(x - ex) > 0.012 || y < ey || y > ey + 0.006 || z < ez) continue;
      maxDown = Math.max(maxDown, -blink[v * 3 + 1]!);
      const p = [x + blink[v * 3]!, y + blink[v * 3 + 1]!, z + blink[v * 3 + 2]!];
      if (Math.hypot(p[0]! - ex, p[1]! - ey, p[2]! - ez) < EYE.radius) inside++;
    }
    expect(maxDown).toBeGreaterThan(0.007); // the upper margin travels ~8 mm
    expect(inside).toBe(0); // the closed lid stays outside the eyeball
  });
});
