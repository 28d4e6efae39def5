// The GLB export of a shot on a studio rig carries that rig (its meshes, its vertices, its targets
// mapped to controls), not the default head; the same shot on no rig of its own exports the head.
import { WebIO, type Document } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type HostedContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import { importCapture } from '../../../electron/capture/import-capture';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { completeTake, createTake } from '../../../electron/db/takes';
import { tempDir } from '../../helpers/temp';
import { studioRigDoc } from '../rig/studio-rig';

const FRAMES = 12;
let dir: string;
let cleanup: () => Promise<void>;
let ctx: HostedContext;
let shotId: number;
let rigFile: string;

/** jawOpen ramps 0 → 1 over the shot; every other control rests at 0.25. */
const jaw = (i: number): number => i / (FRAMES - 1);

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  ctx = createAppContext({ host: 'browser', readOnly: false, projectPath: join(dir, 'g.rigsolve') });
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: FRAMES, width: 32, height: 32 });
  const s = ctx.session()!;
  shotId = (
    await importCapture(
      s.db,
      { shotName: 'studio', rgbSource: join(dir, 'rgb'), normalSource: null, fps: 24, normalConvention: 'opengl' },
      { cacheDir: s.cacheDir },
    )
  ).shot.id;
  // A take written straight in: what is exported is the rig, not the solve.
  const takeId = createTake(s.db, { shotId, modelId: 'test', modelHash: '-', provider: 'cpu', settings: {}, settingsKey: 'test', notice: null });
  const curves = new Map(DEFAULT_CONTROL_NAMES.map((c) => [c, Float32Array.from({ length: FRAMES }, (_, i) => (c === 'jawOpen' ? jaw(i) : 0.25))]));
  completeTake(s.db, takeId, shotId, curves, [], 0);
  rigFile = join(dir, 'studio-head.glb');
  await writeFile(rigFile, await new WebIO().writeBinary(studioRigDoc()));
});
afterAll(async () => {
  ctx.close();
  await cleanup();
});

async function call<T>(channel: string, args: unknown): Promise<T> {
  const r = await dispatch(handlers, ctx, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.result as T;
}

async function exportGlb(name: string): Promise<Document> {
  const out = join(dir, 'out', name);
  await call('export.shot', { shotId, format: 'glb', out, tolerance: 0 });
  await MeshoptDecoder.ready;
  return new WebIO()
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ 'meshopt.decoder': MeshoptDecoder })
    .readBinary(new Uint8Array(await readFile(out)));
}

const meshNames = (doc: Document): string[] =>
  doc
    .getRoot()
    .listMeshes()
    .map((m) => m.getName())
    .sort();
const vertexCount = (doc: Document): number =>
  doc
    .getRoot()
    .listMeshes()
    .flatMap((m) => m.listPrimitives())
    .reduce((n, p) => n + p.getAttribute('POSITION')!.getCount(), 0);

describe('GLB export of a shot on a studio rig', () => {
  it('bakes the studio rig with its targets mapped to controls, animated by the shot', async () => {
    await call('shot.setRig', { shotId, path: rigFile, mapping: { customWrinkle: 'noseWrinkle_L' } });
    const doc = await exportGlb('studio.glb');
    // The studio rig's meshes and vertices: two face primitives and the teeth, 16 vertices each.
    expect(meshNames(doc)).toEqual(['Head.0', 'Head.1', 'Teeth']);
    expect(vertexCount(doc)).toBe(48);
    for (const mesh of doc.getRoot().listMeshes()) {
      const names = (mesh.getExtras() as { targetNames?: string[] }).targetNames ?? [];
      expect(names, mesh.getName()).toEqual([...DEFAULT_CONTROL_NAMES]);
      // Moving where the studio rig moves: jawOpen everywhere; the aliased blink and the mapped wrinkle on the face only.
      const prim = mesh.listPrimitives()[0]!;
      const moves = (control: string): boolean =>
        Array.from(prim.listTargets()[names.indexOf(control)]!.getAttribute('POSITION')!.getArray()!).some((v) => v !== 0);
      expect(moves('jawOpen'), mesh.getName()).toBe(true);
      expect(moves('eyeBlink_L'), mesh.getName()).toBe(mesh.getName() !== 'Teeth');
      expect(moves('noseWrinkle_L'), mesh.getName()).toBe(mesh.getName() !== 'Teeth');
      expect(moves('cheekPuff_L'), mesh.getName()).toBe(false);
    }
    // One animation, one weights channel per mesh node, playing the shot's curves.
    const [anim] = doc.getRoot().listAnimations();
    expect(anim!.listChannels()).toHaveLength(3);
    const jawIndex = DEFAULT_CONTROL_NAMES.indexOf('jawOpen');
    for (const channel of anim!.listChannels()) {
      expect(channel.getTargetPath()).toBe('weights');
      const sampler = channel.getSampler()!;
      const times = sampler.getInput()!.getArray()!;
      const weights = sampler.getOutput()!.getArray()!;
      expect(times.length).toBe(FRAMES);
      for (let i = 0; i < FRAMES; i++) {
        expect(weights[i * DEFAULT_CONTROL_NAMES.length + jawIndex]).toBeCloseTo(jaw(i), 6);
        expect(weights[i * DEFAULT_CONTROL_NAMES.length]).toBeCloseTo(0.25, 6);
      }
    }
  });

  it('exports the default head again once the shot goes back to it', async () => {
    await call('shot.setRig', { shotId, path: null });
    const doc = await exportGlb('default.glb');
    expect(meshNames(doc)).not.toContain('Teeth');
    expect(vertexCount(doc)).toBeGreaterThan(1000);
  });
});
