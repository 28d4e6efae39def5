// Exports opened in a real DCC (issue 20): Blender imports the GLB export of a solved shot with its
// own glTF importer (headless, blender/read_glb.py), and every shape key's animation must be the CSV
// export's curve at every frame (within the key reduction's error), over the same frames, at the
// shot's frame rate; the same for a shot on a studio rig brought in with shot.setRig (the Rig…
// dialog's path). Blender reads none of our other formats (CSV, JSON, Maya .anim, ARKit CSV).
//
// Needs Debian's blender and python3-numpy (.ci/run installs both); skipped, saying so, only when
// there is no blender on the PATH (or at $BLENDER).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { WebIO } from '@gltf-transform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type HostedContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import { importCapture } from '../../../electron/capture/import-capture';
import { DEFAULT_CONTROL_NAMES, DEFAULT_CONTROLS } from '../../../electron/common/controls';
import { DEFAULT_TOLERANCE } from '../../../electron/common/export/formats';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { commitEdit } from '../../../electron/db/layers';
import { SolverClient } from '../../../electron/solver/client';
import { loadModelInfo } from '../../../electron/solver/manifest';
import { solveShot } from '../../../electron/solver/solve-shot';
import { FIXTURE_MODEL } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { studioRigDoc } from '../rig/studio-rig';

/** The blender executable: $BLENDER, or `blender` on the PATH; null when there is none. */
function findBlender(): string | null {
  const candidates = process.env.BLENDER ? [process.env.BLENDER] : (process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'blender'));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // not here
    }
  }
  return null;
}

const BLENDER = findBlender();
const SCRIPT = join(process.cwd(), 'test/electron/export/blender/read_glb.py');
const TOLERANCE = DEFAULT_TOLERANCE;

interface BlenderCurve {
  values: number[];
  keyFrames: number[];
  interpolation: string[];
}
interface BlenderScene {
  blender: string;
  fps: number;
  meshes: Record<
    string,
    { mesh: string; vertices: number; shapeKeys: string[]; action: string | null; actionRange: [number, number] | null; curves: Record<string, BlenderCurve> }
  >;
}

/** Blender's view of a GLB: imported headless by Blender's own glTF importer, at the given rate, read on frames first..last. */
function openInBlender(glb: string, fps: number, first: number, last: number): BlenderScene {
  const out = `${glb}.blender.json`;
  const r = spawnSync(
    BLENDER!,
    ['-b', '--factory-startup', '--python-exit-code', '3', '--python', SCRIPT, '--', glb, out, String(fps), String(first), String(last)],
    {
      encoding: 'utf8',
      timeout: 240_000,
    },
  );
  if (r.status !== 0) throw new Error(`blender exited ${r.status ?? r.signal}: ${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-8).join('\n')}`);
  return JSON.parse(readFileSync(out, 'utf8')) as BlenderScene;
}

/** The CSV export: its frame numbers and one column per control. */
function parseCsv(text: string): { frames: number[]; columns: Map<string, number[]> } {
  const [header, ...rows] = text.trim().split('\n');
  const names = header!.split(',').slice(1);
  const cells = rows.map((r) => r.split(',').map(Number));
  return { frames: cells.map((c) => c[0]!), columns: new Map(names.map((n, k) => [n, cells.map((c) => c[k + 1]!)])) };
}

let dir: string;
let cleanup: () => Promise<void>;
let ctx: HostedContext;

beforeAll(async () => {
  if (!BLENDER) return;
  ({ dir, cleanup } = await tempDir());
  ctx = createAppContext({ host: 'browser', readOnly: false, projectPath: join(dir, 'b.rigsolve') });
});
afterAll(async () => {
  if (!BLENDER) return;
  ctx.close();
  await cleanup();
});

async function call<T>(channel: string, args: unknown): Promise<T> {
  const r = await dispatch(handlers, ctx, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.result as T;
}

/**
 * A shot imported and solved with the fixture model, cleaned up as an animator would (a Gaussian
 * filter on every region, a correction key on the jaw), so the final curve is not the raw solve and
 * is smooth enough for the key reduction to drop frames Blender then interpolates across.
 */
async function solvedShot(name: string, first: number, count: number, fps: number): Promise<number> {
  const s = ctx.session()!;
  await writeTestSequence({ dir: join(dir, name), first, count, width: 64, height: 64 });
  const shotId = (
    await importCapture(s.db, { shotName: name, rgbSource: join(dir, name), normalSource: null, fps, normalConvention: 'opengl' }, { cacheDir: s.cacheDir })
  ).shot.id;
  const client = new SolverClient();
  try {
    await solveShot(s.db, shotId, { model: await loadModelInfo(FIXTURE_MODEL), client, rigControls: DEFAULT_CONTROL_NAMES, device: 'cpu' });
  } finally {
    client.dispose();
  }
  const mid = first + Math.floor(count / 2);
  const regions = [...new Set(DEFAULT_CONTROLS.map((c) => c.region))];
  commitEdit(s.db, shotId, {
    label: 'clean up',
    ops: [
      ...regions.map((r) => ({ op: 'setFilter' as const, scope: `region:${r}`, filter: { kind: 'gaussian' as const, strength: 1 } })),
      { op: 'setKeys', control: 'jawOpen', keys: [{ frame: mid, value: 0.4, interp: 'linear' }] },
    ],
  });
  return shotId;
}

/**
 * Exports the shot as GLB and CSV with the same options, opens the GLB in Blender and checks every
 * mesh's every shape key against the CSV on every frame, the frame range and the rate.
 */
async function roundTrip(shotId: number, name: string, fps: number, options: Record<string, unknown> = {}) {
  const glb = join(dir, 'out', `${name}.glb`);
  const csv = join(dir, 'out', `${name}.csv`);
  const exported = await call<{ maxError: number; frames: number; keysAfter: number; keysBefore: number }>('export.shot', {
    shotId,
    format: 'glb',
    out: glb,
    tolerance: TOLERANCE,
    ...options,
  });
  await call('export.shot', { shotId, format: 'csv', out: csv, ...options });
  const table = parseCsv(await readFile(csv, 'utf8'));
  const first = table.frames[0]!;
  const last = table.frames.at(-1)!;
  expect(table.frames).toEqual(Array.from({ length: exported.frames }, (_, i) => first + i));
  expect(exported.keysAfter).toBeLessThan(exported.keysBefore); // the reduction did drop keys: Blender interpolates between them

  const scene = openInBlender(glb, fps, first, last);
  expect(scene.blender).toMatch(/^3\./);
  expect(scene.fps).toBe(fps);
  // Every mesh node with morph targets of the export is a Blender object with shape keys.
  const doc = await new WebIO().readBinary(new Uint8Array(await readFile(glb)));
  const animatedNodes = doc
    .getRoot()
    .listNodes()
    .filter((n) => (n.getMesh()?.getExtras() as { targetNames?: string[] } | undefined)?.targetNames?.length);
  expect(Object.keys(scene.meshes)).toHaveLength(animatedNodes.length);

  const controls = [...table.columns.keys()];
  let worst = 0;
  for (const [object, mesh] of Object.entries(scene.meshes)) {
    expect(mesh.shapeKeys, object).toEqual(controls); // one shape key per exported control, in the export's order
    expect(mesh.action, object).not.toBeNull();
    expect(mesh.actionRange, object).toEqual([first, last]); // the frame range: the action spans the export's frames
    for (const control of controls) {
      const curve = mesh.curves[control];
      expect(curve, `${object} ${control}`).toBeDefined();
      expect(curve!.interpolation).toEqual(['LINEAR']);
      // The rate: each key lands on a whole frame of the export (a GLB timed at another rate would not).
      for (const f of curve!.keyFrames) {
        expect(Math.abs(f - Math.round(f)), `${object} ${control} key at ${f}`).toBeLessThan(1e-3);
        expect(f).toBeGreaterThanOrEqual(first);
        expect(f).toBeLessThanOrEqual(last);
      }
      const want = table.columns.get(control)!;
      curve!.values.forEach((v, i) => {
        const err = Math.abs(v - want[i]!);
        worst = Math.max(worst, err);
        // Within the reduction's reported error, plus the CSV's 6 decimals and float32 weights.
        expect(err, `${object} ${control} frame ${first + i}`).toBeLessThanOrEqual(exported.maxError + 2e-6);
      });
    }
  }
  expect(exported.maxError).toBeLessThanOrEqual(TOLERANCE);
  return { scene, worst, first, last };
}

const TITLE = BLENDER
  ? 'Blender opens the GLB export'
  : 'Blender opens the GLB export: SKIPPED, no blender on the PATH (apt-get install blender python3-numpy, as .ci/run does; or set $BLENDER)';

// Said once on stderr too, since a run's summary counts skipped tests without their titles.
if (!BLENDER) process.stderr.write(`${TITLE}\n`);

describe.skipIf(!BLENDER)(TITLE, { timeout: 300_000 }, () => {
  it('of a solved shot on the default head: every shape key follows the CSV on every frame, over the shot’s frames, at its rate', async () => {
    const shotId = await solvedShot('sh100', 1001, 30, 25);
    const { scene, worst, first, last } = await roundTrip(shotId, 'sh100', 25);
    expect([first, last]).toEqual([1001, 1030]);
    expect(Object.keys(scene.meshes).length).toBeGreaterThan(1);
    expect(worst).toBeGreaterThan(0); // keys were dropped and Blender interpolated across them
  });

  it('of a shot on a studio rig, renumbered from a start frame', async () => {
    const shotId = await solvedShot('sh200', 1, 24, 24);
    const rigFile = join(dir, 'studio-head.glb');
    await writeFile(rigFile, await new WebIO().writeBinary(studioRigDoc()));
    await call('shot.setRig', { shotId, path: rigFile, mapping: { customWrinkle: 'noseWrinkle_L' } });
    const { scene, first, last } = await roundTrip(shotId, 'sh200', 24, { startFrame: 101 });
    expect([first, last]).toEqual([101, 124]);
    // The studio rig's meshes (16 vertices a primitive), not the default head's.
    expect(Object.values(scene.meshes).map((m) => m.vertices)).toEqual(expect.arrayContaining([16]));
    expect(Object.values(scene.meshes).every((m) => m.vertices <= 32)).toBe(true);
  });
});
