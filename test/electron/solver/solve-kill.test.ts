// A solve killed with kill -9 about half way, then run again, completes with the values of an
// uninterrupted solve of the same shot, and the database passes its integrity check.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { blobToFloat32 } from '../../../electron/db/takes';
import { CLI as cli, FIXTURE_MODEL as MODEL } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 300, width: 256, height: 256, compressionLevel: 1 });
  for (const p of ['killed', 'clean']) {
    const r = spawnSync(process.execPath, [cli, 'import', '--project', join(dir, `${p}.rigsolve`), '--shot', 'sh', '--rgb', join(dir, 'rgb')], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
  }
}, 120_000);
afterAll(() => cleanup());

function curves(project: string): Map<string, number[]> {
  const db = new Database(project, { readonly: true });
  try {
    const rows = db.prepare(`SELECT control, data FROM curves WHERE take_id = (SELECT active_take_id FROM shots)`).all() as { control: string; data: Buffer }[];
    return new Map(rows.map((r) => [r.control, Array.from(blobToFloat32(r.data))]));
  } finally {
    db.close();
  }
}

function framesDone(project: string): number {
  try {
    const db = new Database(project, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) FROM take_frames').pluck().get() as number) ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

it('resumes a solve killed half way and ends with the values of an uninterrupted solve', async () => {
  const killed = join(dir, 'killed.rigsolve');
  const args = [cli, 'solve', '--project', killed, '--shot', 'sh', '--model', MODEL, '--device', 'cpu', '--batch', '8'];
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', (_c, signal) => resolve(signal)));
  let seen = 0;
  for (const deadline = Date.now() + 90_000; Date.now() < deadline && seen < 150;) {
    seen = framesDone(killed);
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(seen).toBeGreaterThanOrEqual(150);
  expect(seen).toBeLessThan(300);

  const resumed = spawnSync(process.execPath, [...args, '--json'], { encoding: 'utf8' });
  expect(resumed.status, resumed.stderr).toBe(0);
  const [result] = JSON.parse(resumed.stdout) as { resumedFrames: number; frames: number }[];
  expect(result!.frames).toBe(300);
  expect(result!.resumedFrames).toBeGreaterThanOrEqual(seen - 8);

  const clean = spawnSync(
    process.execPath,
    [cli, 'solve', '--project', join(dir, 'clean.rigsolve'), '--shot', 'sh', '--model', MODEL, '--device', 'cpu', '--batch', '8'],
    { encoding: 'utf8' },
  );
  expect(clean.status, clean.stderr).toBe(0);
  const a = curves(killed);
  const b = curves(join(dir, 'clean.rigsolve'));
  expect(a.size).toBe(102);
  for (const [name, values] of b) expect(a.get(name), name).toEqual(values);

  const db = new Database(killed, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.prepare(`SELECT count(*) FROM takes WHERE state = 'complete'`).pluck().get()).toBe(1);
  db.close();
}, 240_000);

it('asks for CUDA on a machine without it: solves on the CPU with a one-line notice', () => {
  const r = spawnSync(process.execPath, [cli, 'solve', '--project', join(dir, 'clean.rigsolve'), '--shot', 'sh', '--model', MODEL, '--device', 'cuda'], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const notices = r.stderr.split('\n').filter((l) => l.startsWith('notice:'));
  expect(notices).toEqual([expect.stringMatching(/^notice: CUDA is not available here \(.*\); solving on CPU$/)]);
  expect(r.stdout).toMatch(/on CPU at/);
}, 120_000);

it('exits 2 with one line for a model that is not an ONNX file', () => {
  const r = spawnSync(
    process.execPath,
    [cli, 'solve', '--project', join(dir, 'clean.rigsolve'), '--shot', 'sh', '--model', join(dir, 'rgb', 'frame.0001.png')],
    { encoding: 'utf8' },
  );
  expect(r.status).toBe(2);
  expect(r.stderr.trim()).toMatch(/^rigsolve solve: frame\.0001\.png is not an \.onnx file$/);
});
