// `rigsolve solve` runs through the app's solve queue (SolveService): while it runs, the shot list
// of an app open on the same project reports the shot "solving"; when it ends the shot is in
// cleanup; a Ctrl+C (to the whole process group, as a terminal sends it) cancels through the
// queue, so the shot goes back to its status and the take resumes next time.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type HostedContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import type { ShotStatus, ShotSummary } from '../../../electron/common/api/schemas';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { CLI, FIXTURE_MODEL, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let project: string;
let app: HostedContext;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  project = join(dir, 's.rigsolve');
  await writeTestSequence({ dir: join(dir, 'short'), first: 1, count: 40, width: 64, height: 64 });
  await writeTestSequence({ dir: join(dir, 'long'), first: 1, count: 400, width: 128, height: 128, compressionLevel: 1 });
  for (const shot of ['short', 'long']) {
    const r = runCli('import', '--project', project, '--shot', shot, '--rgb', join(dir, shot));
    expect(r.status, r.stderr).toBe(0);
  }
  // An app open on the project, as an animator's would be while the farm solves.
  app = createAppContext({ host: 'browser', readOnly: true, projectPath: project, create: false });
}, 120_000);
afterAll(async () => {
  app.close();
  await cleanup();
});

async function statusOf(shot: string): Promise<ShotStatus> {
  const r = await dispatch(handlers, app, 'shots.list', {});
  if (!r.ok) throw new Error(r.error.message);
  return (r.result as ShotSummary[]).find((s) => s.name === shot)!.status;
}

async function takeFrames(shot: string): Promise<number> {
  const r = await dispatch(handlers, app, 'shots.list', {});
  const id = r.ok ? (r.result as ShotSummary[]).find((s) => s.name === shot)!.id : 0;
  const takes = await dispatch(handlers, app, 'takes.list', { shotId: id });
  return takes.ok ? Math.max(0, ...(takes.result as { framesDone: number }[]).map((t) => t.framesDone)) : 0;
}

function solve(
  shot: string,
  opts: { detached?: boolean } = {},
): { child: ChildProcess; done: Promise<{ code: number | null; stderr: string; stdout: string }> } {
  const child = spawn(process.execPath, [CLI, 'solve', '--project', project, '--shot', shot, '--model', FIXTURE_MODEL, '--device', 'cpu', '--batch', '4'], {
    detached: opts.detached ?? false,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr, stdout })),
  );
  return { child, done };
}

describe('rigsolve solve through the solve queue', () => {
  it('the shot list shows the shot solving while the CLI solves it, then in cleanup', async () => {
    expect(await statusOf('short')).toBe('todo');
    const { done } = solve('short');
    let exited = false;
    void done.then(() => (exited = true));
    const seen = new Set<ShotStatus>();
    while (!exited) {
      seen.add(await statusOf('short'));
      await new Promise((r) => setTimeout(r, 25));
    }
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shot "short": take \d+, 40 frames on CPU/m);
    expect(seen).toContain('solving');
    expect(await statusOf('short')).toBe('cleanup');
  }, 120_000);

  it('Ctrl+C cancels through the queue: the shot leaves solving and the take resumes on the next solve', async () => {
    const { child, done } = solve('long', { detached: true });
    for (const deadline = Date.now() + 90_000; Date.now() < deadline && (await takeFrames('long')) < 8;) await new Promise((r) => setTimeout(r, 25));
    expect(await statusOf('long')).toBe('solving');
    process.kill(-child.pid!, 'SIGINT'); // the whole group, solver process included, as a terminal does
    const r = await done;
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^rigsolve solve: solve cancelled; solve again to resume where it stopped$/);
    expect(await statusOf('long')).toBe('todo');
    const stopped = await takeFrames('long');
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThan(400);

    const again = await solve('long').done;
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/resumed: \d+ frames were already solved/);
    expect(await statusOf('long')).toBe('cleanup');
  }, 240_000);
});
