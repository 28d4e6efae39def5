import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { importCapture } from '../../../electron/capture/import-capture';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { listFrameRecords } from '../../../electron/db/frames';
import { getShot } from '../../../electron/db/shots';
import { listTakes, readCurves } from '../../../electron/db/takes';
import { openProject, type ProjectSession } from '../../../electron/project/session';
import { SolverClient } from '../../../electron/solver/client';
import { loadModelInfo, type ModelInfo } from '../../../electron/solver/manifest';
import { solveShot } from '../../../electron/solver/solve-shot';
import { FIXTURE_MODEL as MODEL } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let project: ProjectSession;
let model: ModelInfo;
const client = new SolverClient();

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  project = openProject(join(dir, 's.rigsolve'));
  model = await loadModelInfo(MODEL);
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 40, width: 96, height: 80 });
  await writeTestSequence({ dir: join(dir, 'normal'), first: 1, count: 40, width: 96, height: 80, kind: 'normal' });
});
afterAll(async () => {
  client.dispose();
  project.close();
  await cleanup();
});

async function importShot(name: string, rgb = join(dir, 'rgb'), normal: string | null = join(dir, 'normal')) {
  return (
    await importCapture(
      project.db,
      { shotName: name, rgbSource: rgb, normalSource: normal, fps: 24, normalConvention: 'opengl' },
      { cacheDir: project.cacheDir },
    )
  ).shot.id;
}

/** The solver process as a model with a pose stage answers: a head yaw of frame-in-batch degrees, pitch -3, roll 1.5. */
class PoseClient extends SolverClient {
  override async infer(...args: Parameters<SolverClient['infer']>) {
    const out = await super.infer(...args);
    const n = out.params.length / out.controls;
    return { ...out, pose: Float32Array.from({ length: n * 3 }, (_, i) => (i % 3 === 0 ? Math.floor(i / 3) : i % 3 === 1 ? -3 : 1.5)) };
  }
}

describe('solveShot', () => {
  it('solves every frame into a take with one curve per control, and makes it active', async () => {
    const shotId = await importShot('a');
    const progress: number[] = [];
    const r = await solveShot(project.db, shotId, {
      model,
      client,
      rigControls: DEFAULT_CONTROL_NAMES,
      batch: 8,
      device: 'cpu',
      onProgress: (p) => progress.push(p.done),
    });
    expect(r.frames).toBe(40);
    expect(r.provider).toBe('cpu');
    expect(r.failedFrames).toEqual([]);
    expect(progress.at(-1)).toBe(40);
    const curves = readCurves(project.db, r.takeId);
    expect(curves.size).toBe(102);
    for (const c of curves.values()) {
      expect(c.length).toBe(40);
      for (const v of c) expect(v >= 0 && v <= 1).toBe(true);
    }
    // The values follow the plates: a moving disc makes the curves move.
    const jaw = curves.get('jawOpen')!;
    expect(Math.max(...jaw) - Math.min(...jaw)).toBeGreaterThan(1e-4);
    expect(getShot(project.db, shotId)!.status).toBe('cleanup');
    const takes = listTakes(project.db, shotId);
    expect(takes.map((t) => [t.state, t.modelId, t.provider])).toEqual([['complete', 'fixture-pooled', 'cpu']]);
    // The fixture model has no pose stage: no head curves, and the take says why.
    expect(takes[0]!.headMotion).toMatchObject({ rotation: 'none', translation: 'none' });
  });

  it('fills the head rotation from the model’s pose stage, translation 0 with a note', async () => {
    const shotId = await importShot('pose');
    const poseClient = new PoseClient();
    try {
      const r = await solveShot(project.db, shotId, { model, client: poseClient, rigControls: DEFAULT_CONTROL_NAMES, batch: 8, device: 'cpu' });
      const curves = readCurves(project.db, r.takeId);
      expect(curves.size).toBe(108);
      expect(Array.from(curves.get('headYaw')!.slice(0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 0, 1]);
      expect(new Set(curves.get('headPitch'))).toEqual(new Set([-3]));
      expect(new Set(curves.get('headRoll'))).toEqual(new Set([1.5]));
      for (const t of ['headTx', 'headTy', 'headTz']) expect(new Set(curves.get(t))).toEqual(new Set([0]));
      const take = listTakes(project.db, shotId)[0]!;
      expect(take.headMotion).toMatchObject({ rotation: 'solved', translation: 'none' });
      expect(take.headMotion!.note).toMatch(/translation is not solved/);
      // The controls are the model's, as without a pose.
      for (const c of DEFAULT_CONTROL_NAMES) for (const v of curves.get(c)!) expect(v >= 0 && v <= 1).toBe(true);
    } finally {
      poseClient.dispose();
    }
  });

  it('gives the same values whatever the batch composition across a resume (batches aligned to the shot)', async () => {
    const shotId = await importShot('b');
    const abort = new AbortController();
    let batches = 0;
    await expect(
      solveShot(project.db, shotId, {
        model,
        client,
        rigControls: DEFAULT_CONTROL_NAMES,
        batch: 8,
        device: 'cpu',
        signal: abort.signal,
        onProgress: () => ++batches === 3 && abort.abort(),
      }),
    ).rejects.toThrow(/cancelled/);
    expect(listTakes(project.db, shotId)[0]!.state).toBe('cancelled');
    const resumed = await solveShot(project.db, shotId, { model, client, rigControls: DEFAULT_CONTROL_NAMES, batch: 8, device: 'cpu' });
    expect(resumed.resumedFrames).toBe(16);
    const fresh = await solveShot(project.db, await importShot('b2'), { model, client, rigControls: DEFAULT_CONTROL_NAMES, batch: 8, device: 'cpu' });
    const a = readCurves(project.db, resumed.takeId);
    const b = readCurves(project.db, fresh.takeId);
    for (const name of DEFAULT_CONTROL_NAMES) expect(Array.from(a.get(name)!)).toEqual(Array.from(b.get(name)!));
    expect(listTakes(project.db, shotId)).toHaveLength(1);
  });

  it('flags exactly the corrupt frames, skips them, and fills them from their neighbours', async () => {
    await writeTestSequence({ dir: join(dir, 'rgb-c'), first: 1, count: 20, width: 64, height: 64 });
    const shotId = await importShot('c', join(dir, 'rgb-c'), null);
    // Damaged after import (a disk error, a re-render in progress): the solve finds them.
    await truncate(join(dir, 'rgb-c', 'frame.0005.png'), 200);
    await truncate(join(dir, 'rgb-c', 'frame.0013.png'), 200);
    const r = await solveShot(project.db, shotId, { model, client, rigControls: DEFAULT_CONTROL_NAMES, batch: 4, device: 'cpu' });
    expect(r.failedFrames).toEqual([5, 13]);
    const records = listFrameRecords(project.db, shotId);
    expect(records.filter((f) => f.status !== 'ok').map((f) => [f.frame, f.issues[0]!.code])).toEqual([
      [5, 'rgbUnreadable'],
      [13, 'rgbUnreadable'],
    ]);
    const jaw = readCurves(project.db, r.takeId).get('jawOpen')!;
    expect(jaw[4]).toBeCloseTo((jaw[3]! + jaw[5]!) / 2, 6);
    expect(jaw[12]).toBeCloseTo((jaw[11]! + jaw[13]!) / 2, 6);
  });

  it('solves a shot without normal maps through the absent-normal path', async () => {
    const withNormals = readCurves(project.db, listTakes(project.db, await importShot('a'))[0]!.id).get('jawOpen')!;
    const shotId = await importShot('d', join(dir, 'rgb'), null);
    const r = await solveShot(project.db, shotId, { model, client, rigControls: DEFAULT_CONTROL_NAMES, batch: 8, device: 'cpu' });
    const without = readCurves(project.db, r.takeId).get('jawOpen')!;
    expect(Array.from(without)).not.toEqual(Array.from(withNormals));
  });

  it("refuses a model whose controls are not the rig's, with the reason", async () => {
    const shotId = await importShot('e');
    await expect(solveShot(project.db, shotId, { model, client, rigControls: [...DEFAULT_CONTROL_NAMES, 'extraControl'], device: 'cpu' })).rejects.toThrow(
      /does not match the shot's rig: it does not solve extraControl/,
    );
  });

  it('falls back to the CPU with a one-line notice when CUDA is asked for and absent', async () => {
    const shotId = await importShot('f');
    let notice: string | null = null;
    const r = await solveShot(project.db, shotId, { model, client, rigControls: DEFAULT_CONTROL_NAMES, device: 'cuda', onProvider: (_p, n) => (notice = n) });
    expect(r.provider).toBe('cpu');
    expect(notice).toMatch(/^CUDA is not available here \(.*\); solving on CPU$/);
    expect(notice!.split('\n')).toHaveLength(1);
  });

  it('restarts the solver process after it crashes', async () => {
    const crashes: string[] = [];
    client.onCrash = (reason) => crashes.push(reason);
    await client.load(MODEL, 'cpu', 1);
    client.kill();
    await new Promise((r) => setTimeout(r, 200));
    expect(crashes).toHaveLength(1);
    const shotId = await importShot('g');
    const r = await solveShot(project.db, shotId, { model, client, rigControls: DEFAULT_CONTROL_NAMES, device: 'cpu' });
    expect(r.frames).toBe(40);
  });
});
