// Kill -9 in the middle of a 2,000-frame import: the database must stay consistent, and importing
// again must finish the shot without duplicates.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { CLI as cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 2000, width: 24, height: 24, compressionLevel: 1 });
}, 120_000);
afterAll(() => cleanup());

function frameCount(project: string): number {
  try {
    const db = new Database(project, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM frames').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

it('survives kill -9 mid-import and resumes without duplicates', async () => {
  const project = join(dir, 'kill.rigsolve');
  const args = [cli, 'import', '--project', project, '--shot', 'long', '--rgb', join(dir, 'rgb')];
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let seen = 0;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    seen = frameCount(project);
    if (seen >= 300) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(seen).toBeGreaterThan(0);

  const db = new Database(project);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const partial = (db.prepare('SELECT count(*) AS n FROM frames').get() as { n: number }).n;
  expect(partial).toBeLessThan(2000);
  expect((db.prepare('SELECT import_state AS s FROM shots').get() as { s: string }).s).toBe('importing');
  db.close();

  const again = spawn(process.execPath, [...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  again.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => again.on('exit', resolve));
  expect(code).toBe(0);
  const report = JSON.parse(out) as { shot: { frameCount: number; importState: string }; framesSkipped: number };
  expect(report.shot.frameCount).toBe(2000);
  expect(report.shot.importState).toBe('complete');
  expect(report.framesSkipped).toBeGreaterThanOrEqual(partial - 32);

  const check = new Database(project, { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(check.prepare('SELECT count(*) AS n, count(DISTINCT frame) AS d, min(frame) AS lo, max(frame) AS hi FROM frames').get()).toEqual({
    n: 2000,
    d: 2000,
    lo: 1,
    hi: 2000,
  });
  check.close();
}, 180_000);
