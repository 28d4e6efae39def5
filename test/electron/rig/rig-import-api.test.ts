// A studio's own rig through the API: rig.inspect reports how its ARKit-style targets map to the
// controls, shot.setRig stores it (with a manual fix) on the shot, and serveRig then serves a GLB
// whose morph targets carry control names; files that are not rigs are refused with one line.
import { WebIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type HostedContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import { importCapture } from '../../../electron/capture/import-capture';
import type { RigInspectReport, ShotDetail } from '../../../electron/common/api/schemas';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { serveRig } from '../../../electron/frames/serve-rig';
import { tempDir } from '../../helpers/temp';
import { studioRigDoc as rigDoc } from './studio-rig';

let dir: string;
let cleanup: () => Promise<void>;
let ctx: HostedContext;
let shotId: number;
let rigFile: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  ctx = createAppContext({ host: 'browser', readOnly: false, projectPath: join(dir, 'r.rigsolve') });
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 3, width: 32, height: 32 });
  const s = ctx.session()!;
  shotId = (
    await importCapture(s.db, { shotName: 'a', rgbSource: join(dir, 'rgb'), normalSource: null, fps: 24, normalConvention: 'opengl' }, { cacheDir: s.cacheDir })
  ).shot.id;
  rigFile = join(dir, 'studio-head.glb');
  await writeFile(rigFile, await new WebIO().writeBinary(rigDoc()));
});
afterAll(async () => {
  ctx.close();
  await cleanup();
});

const call = (channel: string, args: unknown) => dispatch(handlers, ctx, channel, args);

async function ok<T>(channel: string, args: unknown): Promise<T> {
  const r = await call(channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.result as T;
}

describe('rig import through the API', () => {
  it('rig.inspect maps exact names and ARKit aliases, and reports what is left', async () => {
    const report = await ok<RigInspectReport>('rig.inspect', { path: rigFile });
    const by = new Map(report.mapped.map((m) => [m.target, m]));
    expect(by.get('jawOpen')).toMatchObject({ controls: ['jawOpen'], how: 'exact' });
    expect(by.get('eyeBlinkLeft')).toMatchObject({ controls: ['eyeBlink_L'], how: 'alias' });
    expect(by.get('eyeBlink_R')).toMatchObject({ controls: ['eyeBlink_R'], how: 'exact' });
    expect(report.unmapped).toEqual([{ target: 'customWrinkle', reason: 'unknown' }]);
    expect(report.missingControls).toContain('cheekPuff_L');
    expect(report.missingControls).not.toContain('jawOpen');
    expect(report.controls).toHaveLength(102);
  });

  it('a manual mapping wins over name matching', async () => {
    const report = await ok<RigInspectReport>('rig.inspect', { path: rigFile, mapping: { customWrinkle: 'noseWrinkle_L', browInnerUp: null } });
    expect(report.mapped.find((m) => m.target === 'customWrinkle')).toMatchObject({ controls: ['noseWrinkle_L'], how: 'manual' });
    expect(report.unmapped).toContainEqual({ target: 'browInnerUp', reason: 'ignored' });
  });

  it('refuses a file that is not a GLB, and a missing file, with one line', async () => {
    const bogus = join(dir, 'notes.glb');
    await writeFile(bogus, 'this is not a rig\n');
    for (const path of [bogus, join(dir, 'missing.glb')]) {
      const r = await call('rig.inspect', { path });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('badInput');
        expect(r.error.message).not.toContain('\n');
      }
    }
    const set = await call('shot.setRig', { shotId, path: bogus });
    expect(set).toMatchObject({ ok: false, error: { code: 'badInput', message: expect.stringMatching(/not a GLB/) } });
  });

  it('refuses a GLB without morph targets', async () => {
    const doc = rigDoc();
    for (const prim of doc
      .getRoot()
      .listMeshes()
      .flatMap((m) => m.listPrimitives()))
      for (const t of prim.listTargets()) prim.removeTarget(t);
    const flat = join(dir, 'flat.glb');
    await writeFile(flat, await new WebIO().writeBinary(doc));
    expect(await call('rig.inspect', { path: flat })).toMatchObject({
      ok: false,
      error: { code: 'badInput', message: expect.stringMatching(/no morph targets/) },
    });
  });

  it('shot.setRig stores the rig and mapping; serveRig serves it with control names; null goes back to the default head', async () => {
    const shot = await ok<ShotDetail>('shot.setRig', { shotId, path: rigFile, mapping: { customWrinkle: 'noseWrinkle_L' } });
    expect(shot).toMatchObject({ rigPath: rigFile, rigMapping: { customWrinkle: 'noseWrinkle_L' } });
    expect(await ok<ShotDetail>('shot.get', { shotId })).toMatchObject({ rigPath: rigFile });

    const res = await serveRig(ctx.session(), `/rig/${shotId}?v=3`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    await MeshoptDecoder.ready;
    const doc = await new WebIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.decoder': MeshoptDecoder }).readBinary(bytes);
    const names = new Set(
      doc
        .getRoot()
        .listMeshes()
        .flatMap((m) => (m.getExtras() as { targetNames?: string[] }).targetNames ?? []),
    );
    expect(names.has('jawOpen')).toBe(true);
    expect(names.has('eyeBlink_L')).toBe(true);
    expect(names.has('noseWrinkle_L')).toBe(true);
    expect(names.has('eyeBlinkLeft')).toBe(false);
    expect(names.has('customWrinkle')).toBe(false);
    // Served again from the cache: the same bytes.
    expect(new Uint8Array(await (await serveRig(ctx.session(), `/rig/${shotId}`)).arrayBuffer())).toEqual(bytes);

    const back = await ok<ShotDetail>('shot.setRig', { shotId, path: null });
    expect(back).toMatchObject({ rigPath: null, rigMapping: null });
  });
});
