// Head motion in every export (issue 18, part 3): CSV and JSON carry truth.csv's six head columns,
// the ARKit CSV its HeadYaw/Pitch/Roll in radians, the .anim a head transform's translate (cm) and
// rotate (Maya's xyz order) curves, the GLB a head node at the neck that turns the rig as the
// renderer does (validated with the Khronos validator, played in three.js); --no-head-motion
// leaves it all out.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateBytes } from 'gltf-validator';
import { AnimationMixer, LoopOnce, Vector3, type Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { HEAD_CHANNELS, headEulerXYZ, headMatrix } from '../../../electron/common/head';
import { openProjectDb, type ProjectDb } from '../../../electron/db/open';
import { createShot, updateShotAfterImport } from '../../../electron/db/shots';
import { completeTake, createTake } from '../../../electron/db/takes';
import { exportShot } from '../../../electron/export/export-shot';
import { rigHeadPivot } from '../../../electron/rig/landmarks';
import { loadRigFromGlb } from '../../../electron/rig/load';
import { defaultRigPath } from '../../../electron/rig/rig-file';
import { compileRig } from '../../../electron/tools/synth/render/mesh';
import { tempDir } from '../../helpers/temp';

const N = 30;
const yaw = (i: number) => 15 * Math.sin(i / 5);
const pitch = (i: number) => -6 + i * 0.3;
const roll = (i: number) => 4 * Math.cos(i / 7);
const tx = (i: number) => 2 * i; // mm

let dir: string;
let cleanup: () => Promise<void>;
let db: ProjectDb;
let shotId: number;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  db = openProjectDb(join(dir, 'h.rigsolve'));
  shotId = createShot(db, { name: 'sh050', fps: 24, rgbSource: '/x', normalSource: null, normalConvention: 'opengl' });
  updateShotAfterImport(db, shotId, { firstFrame: 1, lastFrame: N, width: 64, height: 64, importState: 'complete' });
  const takeId = createTake(db, { shotId, modelId: 'm', modelHash: 'h', provider: 'cpu', settings: {}, settingsKey: 'k', notice: null });
  const curves = new Map<string, Float32Array>(
    DEFAULT_CONTROL_NAMES.map((c, k) => [c, Float32Array.from({ length: N }, (_, i) => (Math.sin(i / 4 + k) + 1) / 2)]),
  );
  curves.set(
    'headYaw',
    Float32Array.from({ length: N }, (_, i) => yaw(i)),
  );
  curves.set(
    'headPitch',
    Float32Array.from({ length: N }, (_, i) => pitch(i)),
  );
  curves.set(
    'headRoll',
    Float32Array.from({ length: N }, (_, i) => roll(i)),
  );
  curves.set(
    'headTx',
    Float32Array.from({ length: N }, (_, i) => tx(i)),
  );
  curves.set('headTy', new Float32Array(N).fill(-3));
  curves.set('headTz', new Float32Array(N));
  completeTake(db, takeId, shotId, curves, [], 1, { headMotion: { rotation: 'truth', translation: 'truth', note: null } });
});
afterAll(async () => {
  db.close();
  await cleanup();
});

const out = (name: string) => join(dir, name);

describe('head motion in exports', () => {
  it('CSV: six more columns named as truth.csv, degrees and mm; none with headMotion false', async () => {
    const r = await exportShot(db, shotId, { format: 'csv', out: out('a.csv') });
    expect(r.headMotion).toBe(true);
    expect(r.controls).toBe(102);
    const lines = (await readFile(out('a.csv'), 'utf8')).trim().split('\n');
    const header = lines[0]!.split(',');
    expect(header.slice(-6)).toEqual([...HEAD_CHANNELS]);
    const row = lines[11]!.split(',').map(Number);
    expect(row[header.indexOf('headYaw')]).toBeCloseTo(yaw(10), 4);
    expect(row[header.indexOf('headTx')]).toBeCloseTo(20, 4);
    const off = await exportShot(db, shotId, { format: 'csv', out: out('b.csv'), headMotion: false });
    expect(off.headMotion).toBe(false);
    expect((await readFile(out('b.csv'), 'utf8')).split('\n')[0]).toBe(`frame,${DEFAULT_CONTROL_NAMES.join(',')}`);
  });

  it('JSON: the head channels listed apart with their units, their values beside the controls', async () => {
    await exportShot(db, shotId, { format: 'json', out: out('a.json') });
    const doc = JSON.parse(await readFile(out('a.json'), 'utf8')) as {
      controls: string[];
      head: string[];
      units: Record<string, string>;
      values: Record<string, number[]>;
    };
    expect(doc.controls).toEqual(DEFAULT_CONTROL_NAMES);
    expect(doc.head).toEqual([...HEAD_CHANNELS]);
    expect(doc.units).toMatchObject({ headYaw: 'deg', headTz: 'mm' });
    expect(doc.values.headPitch![4]).toBeCloseTo(pitch(4), 4);
  });

  it('ARKit CSV: HeadYaw, HeadPitch, HeadRoll in radians; eyes at 0', async () => {
    await exportShot(db, shotId, { format: 'arkit', out: out('a.arkit.csv') });
    const lines = (await readFile(out('a.arkit.csv'), 'utf8')).trim().split('\n');
    const header = lines[0]!.split(',');
    const row = lines[8]!.split(',');
    expect(Number(row[header.indexOf('HeadYaw')])).toBeCloseTo((yaw(7) * Math.PI) / 180, 5);
    expect(Number(row[header.indexOf('HeadPitch')])).toBeCloseTo((pitch(7) * Math.PI) / 180, 5);
    expect(Number(row[header.indexOf('HeadRoll')])).toBeCloseTo((roll(7) * Math.PI) / 180, 5);
    expect(row[header.indexOf('LeftEyeYaw')]).toBe('0');
    expect(header).not.toContain('headYaw');
  });

  it('.anim: translate (cm) and rotate (xyz order) curves on the head node named by the user, parsed back at every frame', async () => {
    await exportShot(db, shotId, { format: 'anim', out: out('a.anim'), tolerance: 0, headNode: 'face:head_jnt' });
    const text = await readFile(out('a.anim'), 'utf8');
    // Parse: each `anim` line starts a curve; its keys are `frame value …;` lines.
    const curves = new Map<string, { node: string; output: string; keys: Map<number, number> }>();
    let current: { node: string; output: string; keys: Map<number, number> } | null = null;
    for (const line of text.split('\n')) {
      const a = /^anim (\S+) (\S+) (\S+) \d+ \d+ \d+;$/.exec(line);
      if (a) {
        current = { node: a[3]!, output: '', keys: new Map() };
        curves.set(`${a[3]}.${a[1]}`, current);
        continue;
      }
      const o = /^ {2}output (\w+);$/.exec(line);
      if (o && current) current.output = o[1]!;
      const k = /^ {4}(-?\d+) (-?[\d.e-]+) /.exec(line);
      if (k && current) current.keys.set(Number(k[1]), Number(k[2]));
    }
    expect(curves.size).toBe(102 + 6);
    expect(curves.get('blendShape1.weight.jawOpen')!.output).toBe('unitless');
    const rx = curves.get('face:head_jnt.rotate.rotateX')!;
    const ry = curves.get('face:head_jnt.rotate.rotateY')!;
    const rz = curves.get('face:head_jnt.rotate.rotateZ')!;
    const txc = curves.get('face:head_jnt.translate.translateX')!;
    expect([rx.output, txc.output]).toEqual(['angular', 'linear']);
    expect(curves.get('face:head_jnt.translate.translateY')!.keys.get(1)).toBeCloseTo(-0.3, 6);
    for (let i = 0; i < N; i++) {
      const [x, y, z] = headEulerXYZ(yaw(i), pitch(i), roll(i));
      expect(rx.keys.get(i + 1)).toBeCloseTo(x, 3);
      expect(ry.keys.get(i + 1)).toBeCloseTo(y, 3);
      expect(rz.keys.get(i + 1)).toBeCloseTo(z, 3);
      // A key wherever the reduction kept one (a straight ramp keeps its ends: Hermite is exact on it).
      if (txc.keys.has(i + 1)) expect(txc.keys.get(i + 1)).toBeCloseTo(tx(i) / 10, 4);
    }
    expect([txc.keys.get(1), txc.keys.get(N)]).toEqual([0, tx(N - 1) / 10]);
  });

  it('GLB: validates, and in three.js the head node turns the rig about the neck as the renderer does', async () => {
    const rig = await loadRigFromGlb(new Uint8Array(await readFile(defaultRigPath())));
    const pivot = rigHeadPivot(rig);
    // The pivot is the synthetic renderer's (so an exported head turns where the plate's did).
    compileRig(rig).framing.pivot.forEach((v, k) => expect(pivot[k]).toBeCloseTo(v, 9));

    await exportShot(db, shotId, { format: 'glb', out: out('a.glb'), tolerance: 0 });
    const bytes = new Uint8Array(await readFile(out('a.glb')));
    const report = await validateBytes(bytes, { maxIssues: 50 });
    expect(report.issues.numErrors, JSON.stringify(report.issues.messages.slice(0, 3))).toBe(0);
    const gltf = await new GLTFLoader().parseAsync(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, '');
    let head: Object3D | undefined;
    gltf.scene.traverse((o) => {
      if (o.name === 'head') head = o;
    });
    expect(head).toBeDefined();
    const offset = head!.children.find((c) => c.name === 'headOffset')!;
    expect(offset).toBeDefined();
    // The face mesh that was called `head` leaves the name to the head transform.
    expect(offset.children.map((c) => c.name)).toContain('head_geo');
    const mixer = new AnimationMixer(gltf.scene);
    const action = mixer.clipAction(gltf.animations[0]!).setLoop(LoopOnce, 1);
    action.clampWhenFinished = true;
    action.play();
    const eye: [number, number, number] = [pivot[0] + 0.03, pivot[1] + 0.08, pivot[2] + 0.09];
    for (const frame of [1, 9, 23]) {
      const i = frame - 1;
      mixer.setTime(frame / 24);
      gltf.scene.updateMatrixWorld(true);
      const got = new Vector3(...eye).applyMatrix4(offset.matrixWorld);
      const R = headMatrix(yaw(i), pitch(i), roll(i));
      const d = [eye[0] - pivot[0], eye[1] - pivot[1], eye[2] - pivot[2]];
      const t = [tx(i) / 1000, -0.003, 0];
      const want = [0, 1, 2].map((r) => pivot[r]! + R[r * 3]! * d[0]! + R[r * 3 + 1]! * d[1]! + R[r * 3 + 2]! * d[2]! + t[r]!);
      expect(got.x, `x@${frame}`).toBeCloseTo(want[0]!, 5);
      expect(got.y, `y@${frame}`).toBeCloseTo(want[1]!, 5);
      expect(got.z, `z@${frame}`).toBeCloseTo(want[2]!, 5);
    }
  }, 60_000);
});
