// Issue #16: a killed solve resumes into the same take whatever --batch the next run uses (values
// of an uninterrupted solve to 1e-5); a crashed solver process leaves the take resumable, not
// failed; and a "solving" shot or "running" take whose process is gone is cleared on open, while
// one whose process is alive (the app and a CLI on one project) is left alone.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCapture } from '../../../electron/capture/import-capture';
import type { EventName } from '../../../electron/common/api/contract';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { transitionRefusal } from '../../../electron/common/review/status-rules';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { getShot } from '../../../electron/db/shots';
import { claimShots, solveOwner, STALE_MS } from '../../../electron/db/solve-owners';
import { blobToFloat32, createTake, getTake, listTakes, readCurves, setShotStatusRaw } from '../../../electron/db/takes';
import { openProject, type ProjectSession } from '../../../electron/project/session';
import { SolverClient, SolverCrashedError } from '../../../electron/solver/client';
import { loadModelInfo, type ModelInfo } from '../../../electron/solver/manifest';
import type { ModelInput } from '../../../electron/solver/preprocess';
import type { FrameBatch } from '../../../electron/solver/protocol';
import { SolveService } from '../../../electron/solver/solve-service';
import { solveShot } from '../../../electron/solver/solve-shot';
import { CLI, FIXTURE_MODEL as MODEL, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let model: ModelInfo;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  model = await loadModelInfo(MODEL);
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 40, width: 64, height: 64 });
});
afterAll(() => cleanup());

async function importShot(project: ProjectSession, name: string): Promise<number> {
  return (
    await importCapture(
      project.db,
      { shotName: name, rgbSource: join(dir, 'rgb'), normalSource: null, fps: 24, normalConvention: 'opengl' },
      { cacheDir: project.cacheDir },
    )
  ).shot.id;
}

function expectClose(a: Map<string, Float32Array>, b: Map<string, Float32Array>): void {
  expect(a.size).toBe(b.size);
  for (const [name, values] of b) {
    const got = a.get(name)!;
    expect(got.length, name).toBe(values.length);
    for (let i = 0; i < values.length; i++) expect(Math.abs(got[i]! - values[i]!), `${name}[${i}]`).toBeLessThan(1e-5);
  }
}

/** A solver process that "crashes" once, on its `at`-th batch. */
class CrashingClient extends SolverClient {
  calls = 0;
  constructor(private readonly at: number) {
    super();
  }
  override async infer(modelPath: string, frames: FrameBatch, input: ModelInput) {
    if (++this.calls === this.at) throw new SolverCrashedError('killed by the test');
    return super.infer(modelPath, frames, input);
  }
}

describe('resume across batch sizes (in process)', () => {
  it('a solve stopped at --batch 8 resumes into the same take at --batch 5 with the values of an uninterrupted one', async () => {
    const project = openProject(join(dir, 'a.rigsolve'));
    const client = new SolverClient();
    try {
      const shotId = await importShot(project, 'a');
      const abort = new AbortController();
      let batches = 0;
      const base = { model, client, rigControls: DEFAULT_CONTROL_NAMES, device: 'cpu' as const };
      await expect(
        solveShot(project.db, shotId, { ...base, batch: 8, signal: abort.signal, onProgress: () => ++batches === 3 && abort.abort() }),
      ).rejects.toThrow(/cancelled/);
      const resumed = await solveShot(project.db, shotId, { ...base, batch: 5 });
      expect(resumed.resumedFrames).toBeGreaterThanOrEqual(10);
      expect(listTakes(project.db, shotId)).toHaveLength(1);
      const fresh = await solveShot(project.db, await importShot(project, 'a2'), { ...base, batch: 16 });
      expectClose(readCurves(project.db, resumed.takeId), readCurves(project.db, fresh.takeId));
    } finally {
      client.dispose();
      project.close();
    }
  });

  it('a crashed solver process leaves the take resumable and the queue resumes it, not a new take', async () => {
    const project = openProject(join(dir, 'c.rigsolve'));
    const client = new CrashingClient(3);
    const events: EventName[] = [];
    const service = new SolveService(
      () => project,
      (e) => events.push(e),
      client,
      { onProvider: () => {}, onFailure: () => {} },
    );
    try {
      const shotId = await importShot(project, 'c');
      const outcome = await new Promise((resolve) => void service.enqueue([shotId], MODEL, 'cpu', 4, (_id, o) => resolve(o)));
      expect(outcome).toMatchObject({ ok: true });
      const takes = listTakes(project.db, shotId);
      expect(takes.map((t) => t.state)).toEqual(['complete']);
      expect((outcome as { result: { resumedFrames: number } }).result.resumedFrames).toBe(8);
      expect(getShot(project.db, shotId)!.status).toBe('cleanup');
      expect(solveOwner(project.db, shotId)).toBeNull();
    } finally {
      service.dispose();
      project.close();
    }
  });
});

describe('stale marks are cleared on open, live ones kept', () => {
  /** A pid that was alive a moment ago and is not now. */
  const deadPid = (): number => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

  function markSolving(path: string, owner: { pid: number; host?: string; heartbeat?: number }): { shotId: number; takeId: number } {
    const project = openProject(path);
    try {
      const shotId = project.db.prepare('SELECT id FROM shots').pluck().get() as number;
      setShotStatusRaw(project.db, shotId, 'solving');
      const takeId = createTake(project.db, { shotId, modelId: 'm', modelHash: 'h', provider: 'cpu', settings: {}, settingsKey: 'k', notice: null });
      claimShots(project.db, [shotId]);
      project.db
        .prepare('UPDATE solve_owners SET pid = ?, host = coalesce(?, host), heartbeat = ? WHERE shot_id = ?')
        .run(Number(owner.pid), owner.host ?? null, owner.heartbeat ?? Date.now(), shotId);
      return { shotId, takeId };
    } finally {
      project.close();
    }
  }

  it('clears a shot and take left by a dead process, another host gone quiet, but not a live one', async () => {
    const path = join(dir, 'stale.rigsolve');
    const setup = openProject(path);
    await importShot(setup, 's');
    setup.close();

    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      for (const [owner, stays] of [
        [{ pid: deadPid() }, false],
        [{ pid: 99999, host: 'render-07', heartbeat: Date.now() - STALE_MS - 1000 }, false],
        [{ pid: sleeper.pid! }, true],
        [{ pid: 99999, host: 'render-07' }, true],
      ] as const) {
        const { shotId, takeId } = markSolving(path, owner);
        const project = openProject(path);
        try {
          const status = getShot(project.db, shotId)!.status;
          const take = getTake(project.db, takeId)!;
          if (stays) {
            expect(status, JSON.stringify(owner)).toBe('solving');
            expect(take.state).toBe('running');
            expect(solveOwner(project.db, shotId)).not.toBeNull();
          } else {
            expect(status, JSON.stringify(owner)).toBe('todo');
            expect(transitionRefusal(status, 'review', 'artist')).toBeNull(); // no longer locked
            expect(take.state).toBe('cancelled');
            expect(take.notice).toMatch(/interrupted.*resume/);
            expect(solveOwner(project.db, shotId)).toBeNull();
          }
          // Reset for the next owner.
          project.db.prepare(`UPDATE takes SET state = 'complete' WHERE id = ?`).run(takeId);
          setShotStatusRaw(project.db, shotId, 'todo');
          project.db.prepare('DELETE FROM solve_owners').run();
        } finally {
          project.close();
        }
      }
    } finally {
      sleeper.kill();
    }
  });
});

describe('the CLI killed with kill -9', () => {
  function readProject(path: string): { status: string; takes: { id: number; state: string }[]; curves: Map<string, Float32Array> } {
    const db = new Database(path, { readonly: true });
    try {
      const status = db.prepare('SELECT status FROM shots').pluck().get() as string;
      const takes = db.prepare('SELECT id, state FROM takes ORDER BY id').all() as { id: number; state: string }[];
      const rows = db.prepare('SELECT control, data FROM curves WHERE take_id = (SELECT active_take_id FROM shots)').all() as {
        control: string;
        data: Buffer;
      }[];
      return { status, takes, curves: new Map(rows.map((r) => [r.control, blobToFloat32(r.data)])) };
    } finally {
      db.close();
    }
  }
  const framesDone = (path: string): number => {
    try {
      const db = new Database(path, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) FROM take_frames').pluck().get() as number) ?? 0;
      } finally {
        db.close();
      }
    } catch {
      return 0;
    }
  };

  it('leaves no shot solving and no take running once reopened, and resumes into the same take at another --batch', async () => {
    await writeTestSequence({ dir: join(dir, 'long'), first: 1, count: 300, width: 128, height: 128, compressionLevel: 1 });
    const killed = join(dir, 'killed.rigsolve');
    const clean = join(dir, 'clean.rigsolve');
    for (const p of [killed, clean]) expect(runCli('import', '--project', p, '--shot', 'sh', '--rgb', join(dir, 'long')).status).toBe(0);
    const solveArgs = (p: string, batch: string) => [CLI, 'solve', '--project', p, '--shot', 'sh', '--model', MODEL, '--device', 'cpu', '--batch', batch];

    const child = spawn(process.execPath, solveArgs(killed, '8'), { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', (_c, signal) => resolve(signal)));
    let seen = 0;
    for (const deadline = Date.now() + 90_000; Date.now() < deadline && seen < 40;) {
      seen = framesDone(killed);
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(seen).toBeGreaterThanOrEqual(40);
    const left = readProject(killed);
    expect(left.status).toBe('solving');
    expect(left.takes.map((t) => t.state)).toEqual(['running']);

    // Any command that opens the project clears the dead process's marks: the shot is not locked.
    const shots = runCli('shots', '--project', killed, '--json');
    expect(shots.status, shots.stderr).toBe(0);
    expect((JSON.parse(shots.stdout) as { status: string }[])[0]!.status).toBe('todo');
    expect(readProject(killed).takes.map((t) => t.state)).toEqual(['cancelled']);

    const resumed = spawnSync(process.execPath, [...solveArgs(killed, '5'), '--json'], { encoding: 'utf8' });
    expect(resumed.status, resumed.stderr).toBe(0);
    const [result] = JSON.parse(resumed.stdout) as { resumedFrames: number; frames: number; takeId: number }[];
    expect(result!.frames).toBe(300);
    expect(result!.resumedFrames).toBeGreaterThanOrEqual(seen - 8);
    expect(result!.takeId).toBe(left.takes[0]!.id);

    const fresh = spawnSync(process.execPath, solveArgs(clean, '16'), { encoding: 'utf8' });
    expect(fresh.status, fresh.stderr).toBe(0);
    const a = readProject(killed);
    expect(a.takes.map((t) => t.state)).toEqual(['complete']);
    expect(a.status).toBe('cleanup');
    expectClose(a.curves, readProject(clean).curves);
  }, 180_000);
});
