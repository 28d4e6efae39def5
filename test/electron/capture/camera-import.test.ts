// A shot knows its camera: synth-shot writes camera.json, import reads it into the shot's record;
// a real shot gets a field of view (the default, --fov, or shot.setFov) instead.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCapture } from '../../../electron/capture/import-capture';
import { createAppContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import { CAMERA_FILE, parseCameraFile } from '../../../electron/common/camera';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { getShot } from '../../../electron/db/shots';
import { openProject, type ProjectSession } from '../../../electron/project/session';
import { writeSynthShot } from '../../../electron/tools/synth/shot/write-shot';
import { tempDir } from '../../helpers/temp';
import { ballHeadRig } from '../tools/synth/test-rig';

let dir: string;
let cleanup: () => Promise<void>;
let project: ProjectSession;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  project = openProject(join(dir, 'p.rigsolve'));
});
afterEach(async () => {
  project.close();
  await cleanup();
});

describe("a shot's camera", () => {
  it('synth-shot writes camera.json and import reads it into the shot', async () => {
    const shotDir = join(dir, 'synth');
    const r = await writeSynthShot({ rig: ballHeadRig(0.5), frames: 2, size: 32, workers: 0, outDir: shotDir, look: { ssaa: 1 } });
    expect(r.cameraJson).toBe(join(shotDir, CAMERA_FILE));
    const written = parseCameraFile(await readFile(r.cameraJson, 'utf8'));
    expect(written).toMatchObject({ units: 'm', imageWidth: 32, imageHeight: 32, focalMm: 85, sensorWidthMm: 36 });
    expect(written.headPivot).not.toBeNull();
    const report = await importCapture(
      project.db,
      { shotName: 'synth', rgbSource: join(shotDir, 'rgb'), normalSource: null, fps: 24, normalConvention: 'opengl', fovDeg: 50 },
      { cacheDir: project.cacheDir },
    );
    expect(getShot(project.db, report.shot.id)!.camera).toEqual(written);
    expect(report.notes.join('\n')).toMatch(/camera from camera.json: 85.0 mm lens/);
    expect(report.notes.join('\n')).toMatch(/field of view given is not used/);
  });

  it('a real shot has no camera and takes a field of view at import or later; a camera file that is wrong stops the import, saying why', async () => {
    await writeTestSequence({ dir: join(dir, 'real', 'rgb'), first: 1, count: 2, width: 32, height: 24 });
    const rgb = join(dir, 'real', 'rgb');
    const req = { shotName: 'real', rgbSource: rgb, normalSource: null, fps: 24, normalConvention: 'opengl' } as const;
    const first = await importCapture(project.db, req, { cacheDir: project.cacheDir });
    const shot = getShot(project.db, first.shot.id)!;
    expect([shot.camera, shot.fovDeg]).toEqual([null, null]);
    const again = await importCapture(
      project.db,
      { shotName: 'real', rgbSource: rgb, normalSource: null, fps: 24, normalConvention: 'opengl', fovDeg: 40 },
      { cacheDir: project.cacheDir },
    );
    expect(getShot(project.db, again.shot.id)!.fovDeg).toBe(40);

    await writeFile(join(dir, 'real', CAMERA_FILE), JSON.stringify({ format: 'rigsolve-camera/1', units: 'mm' }));
    await expect(
      importCapture(project.db, { shotName: 'real', rgbSource: rgb, normalSource: null, fps: 24, normalConvention: 'opengl' }, { cacheDir: project.cacheDir }),
    ).rejects.toThrow(/camera.json is not a rigsolve-camera\/1 camera: .*fix or remove it/);
    expect(getShot(project.db, first.shot.id)!.fovDeg).toBe(40);
  });

  it("shot.setFov sets and clears a real shot's field of view (an undoable edit), refuses one out of range or where camera.json gives the lens", async () => {
    project.close();
    const ctx = createAppContext({ host: 'browser', readOnly: false, projectPath: join(dir, 'api.rigsolve') });
    try {
      await writeTestSequence({ dir: join(dir, 'plain', 'rgb'), first: 1, count: 2, width: 32, height: 32 });
      await writeSynthShot({ rig: ballHeadRig(0.5), frames: 1, size: 16, workers: 0, outDir: join(dir, 'syn'), look: { ssaa: 1 } });
      const call = async (channel: 'shot.setFov', args: { shotId: number; fovDeg: number | null }) => dispatch(handlers, ctx, channel, args);
      const imp = async (name: string, rgb: string) => {
        const r = await dispatch(handlers, ctx, 'capture.import', { shotName: name, rgbSource: rgb });
        if (!r.ok) throw new Error(r.error.message);
        return (r.result as { shot: { id: number } }).shot.id;
      };
      const plain = await imp('plain', join(dir, 'plain', 'rgb'));
      const syn = await imp('syn', join(dir, 'syn', 'rgb'));
      const set = await call('shot.setFov', { shotId: plain, fovDeg: 35 });
      expect(set.ok && set.result).toMatchObject({ fovDeg: 35, camera: null });
      const cleared = await call('shot.setFov', { shotId: plain, fovDeg: null });
      expect(cleared.ok && cleared.result).toMatchObject({ fovDeg: null });
      const wide = await call('shot.setFov', { shotId: plain, fovDeg: 170 });
      expect(wide.ok ? null : wide.error.code).toBe('invalidArgs');
      const refused = await call('shot.setFov', { shotId: syn, fovDeg: 35 });
      expect(refused.ok ? null : refused.error).toMatchObject({ code: 'badInput', message: expect.stringContaining('camera.json (a 85.0 mm lens)') });

      // Every change is an ordinary edit of the shot: in its history, undone and redone with the keys.
      const fovOf = async (shotId: number) => {
        const r = await dispatch(handlers, ctx, 'shot.get', { shotId });
        return r.ok ? (r.result as { fovDeg: number | null }).fovDeg : undefined;
      };
      const history = async (channel: 'edits.undo' | 'edits.redo') => {
        const r = await dispatch(handlers, ctx, channel, { shotId: plain });
        if (!r.ok) throw new Error(r.error.message);
        return r.result as { fovDeg?: number | null; undoLabel: string | null; redoLabel: string | null };
      };
      expect((await history('edits.undo')).fovDeg).toBe(35);
      expect(await fovOf(plain)).toBe(35);
      expect((await history('edits.undo')).fovDeg).toBeNull();
      expect((await history('edits.redo')).redoLabel).toBe('Field of view default');
      expect(await fovOf(plain)).toBe(35);
      const applied = await dispatch(handlers, ctx, 'edits.apply', {
        shotId: plain,
        transaction: { label: 'Field of view 50°', ops: [{ op: 'setFov', fovDeg: 50 }] },
      });
      expect(applied.ok && applied.result).toMatchObject({ fovDeg: 50, undoLabel: 'Field of view 50°', redoLabel: null });
      const viaEdit = await dispatch(handlers, ctx, 'edits.apply', {
        shotId: syn,
        transaction: { label: 'Field of view 50°', ops: [{ op: 'setFov', fovDeg: 50 }] },
      });
      expect(viaEdit.ok ? null : viaEdit.error).toMatchObject({ code: 'badInput', message: expect.stringContaining('camera.json (a 85.0 mm lens)') });
    } finally {
      ctx.close();
      project = openProject(join(dir, 'p.rigsolve'));
    }
  });
});
