// `rigsolve serve` is a file-system API for everyone with its link unless its channels that take
// paths are scoped: only the project's folder and the folders given with --allow, nothing else
// (not through `..`, not through a symlink). The app's own user (Electron, `rigsolve app`) keeps
// full access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { z } from 'zod';
import { createAppContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { PATH_CHANNELS } from '../../../electron/api/file-scope';
import { handlers } from '../../../electron/api/handlers';
import { CHANNEL_NAMES, CHANNELS, type ApiResponse, type WireMessage } from '../../../electron/common/api/contract';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let host: BrowserHost;
let dir: string;
let cleanup: () => Promise<void>;
let proj: string;
let shared: string;
let outside: string;
let shotId: number;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  dir = await realpath(dir);
  proj = join(dir, 'proj');
  shared = join(dir, 'shared');
  outside = join(dir, 'outside');
  for (const d of [join(proj, 'captures', 'sh1', 'rgb'), join(shared, 'sh2', 'rgb'), join(outside, 'rgb')]) {
    await writeTestSequence({ dir: d, first: 1, count: 3, width: 16, height: 16 });
  }
  await writeFile(join(outside, 'curves.csv'), 'frame,jawOpen\n1,0.5\n');
  await symlink(outside, join(proj, 'escape'));
  host = await startBrowserHost({ projectPath: join(proj, 'p.rigsolve'), rendererDir: join(dir, 'none'), allowedDirs: [shared] });
  const r = await dispatch(handlers, host.context, 'capture.import', { shotName: 'sh1', rgbSource: join(proj, 'captures', 'sh1', 'rgb'), fps: 24 });
  if (!r.ok) throw new Error(r.error.message);
  shotId = (r.result as { shot: { id: number } }).shot.id;
});
afterAll(async () => {
  await host.close();
  await cleanup();
});

const call = (channel: string, args: unknown) => dispatch(handlers, host.context, channel, args);

function expectOutside(r: ApiResponse<unknown>, path: string): void {
  expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  if (!r.ok) {
    expect(r.error.message).toContain(`${path} is outside the folders this server may use`);
    expect(r.error.message).toContain('--allow DIR');
  }
}

describe('file scope of a served host', () => {
  it('holds the project folder and each --allow folder', () => {
    expect(host.context.fileScope?.roots).toEqual([proj, shared]);
  });

  it('opens the folder picker in the project folder and goes no higher', async () => {
    const r = await call('fs.listDir', { path: null });
    expect(r.ok && r.result).toMatchObject({ path: proj, parent: null });
    const sub = await call('fs.listDir', { path: join(proj, 'captures') });
    expect(sub.ok && sub.result).toMatchObject({ path: join(proj, 'captures'), parent: proj });
    expect((await call('fs.listDir', { path: shared })).ok).toBe(true);
  });

  it('refuses to list folders outside: elsewhere, by .., through a symlink', async () => {
    for (const path of ['/', '/etc', outside, join(proj, '..'), join(proj, '..', 'outside'), join(proj, 'escape'), join(proj, 'escape', 'rgb')]) {
      const r = await call('fs.listDir', { path });
      expect(r.ok, path).toBe(false);
      expect(!r.ok && r.error.code).toBe('forbidden');
    }
    expectOutside(await call('fs.listDir', { path: '/etc' }), '/etc');
  });

  it('imports only from allowed folders, the capture’s curves and truth.csv included', async () => {
    expectOutside(await call('capture.import', { shotName: 'x', rgbSource: join(outside, 'rgb') }), join(outside, 'rgb'));
    expectOutside(await call('capture.import', { shotName: 'x', rgbSource: join(proj, 'escape', 'rgb') }), join(proj, 'escape', 'rgb'));
    const curves = join(outside, 'curves.csv');
    expectOutside(await call('capture.import', { shotName: 'x', rgbSource: join(shared, 'sh2', 'rgb'), curvesPath: curves }), curves);
    // truth.csv beside a capture whose parent is outside: refused, it would be read from there.
    expectOutside(await call('capture.import', { shotName: 'x', rgbSource: shared, truthTake: true }), join(dir, 'truth.csv'));
    const ok = await call('capture.import', { shotName: 'sh2', rgbSource: join(shared, 'sh2', 'rgb'), fps: 24 });
    expect(ok.ok).toBe(true);
  });

  it('exports, inspects rigs, opens projects and reads models only inside', async () => {
    const out = join(outside, 'x.csv');
    expectOutside(await call('export.shot', { shotId, format: 'csv', out }), out);
    expect(existsSync(out)).toBe(false);
    expectOutside(await call('export.shot', { shotId, format: 'csv', out: '/dev/null' }), '/dev/null');
    expectOutside(await call('export.approved', { format: 'csv', outDir: outside }), outside);
    expectOutside(await call('rig.inspect', { path: join(outside, 'rig.glb') }), join(outside, 'rig.glb'));
    expectOutside(await call('shot.setRig', { shotId, path: join(outside, 'rig.glb') }), join(outside, 'rig.glb'));
    expectOutside(await call('project.open', { path: join(outside, 'q.rigsolve'), create: true }), join(outside, 'q.rigsolve'));
    expect(existsSync(join(outside, 'q.rigsolve'))).toBe(false);
    expectOutside(await call('solve.start', { shotIds: [shotId], modelPath: join(outside, 'm.onnx') }), join(outside, 'm.onnx'));
    // Inside, the call reaches its handler (which has its own say: no take to export yet).
    const inside = await call('export.shot', { shotId, format: 'csv', out: join(shared, 'x.csv') });
    expect(!inside.ok && inside.error.code).not.toBe('forbidden');
  });

  it('says the same over the socket', async () => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/api`, { headers: { cookie: `rigsolve_token=${host.token}` } });
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    const reply = new Promise<WireMessage>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()) as WireMessage)));
    ws.send(JSON.stringify({ id: 1, channel: 'fs.listDir', args: { path: '/' } }));
    const m = await reply;
    expect(m.type === 'response' && m.response).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ws.close();
  });

  it('leaves the app’s own user every folder: Electron, and `rigsolve app`', async () => {
    const electron = createAppContext({ host: 'electron', readOnly: false, projectPath: null });
    try {
      expect((await dispatch(handlers, electron, 'fs.listDir', { path: outside })).ok).toBe(true);
    } finally {
      electron.close();
    }
    const app = await startBrowserHost({ projectPath: null, context: host.context, rendererDir: join(dir, 'none'), allowedDirs: 'all' });
    try {
      expect(app.context.fileScope).toBeNull();
      expect((await dispatch(handlers, app.context, 'fs.listDir', { path: outside })).ok).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('lists every channel that takes a path', () => {
    const PATH_ARGS = ['path', 'rgbSource', 'normalSource', 'curvesPath', 'out', 'outDir', 'modelPath'];
    for (const c of CHANNEL_NAMES) {
      const shape = (CHANNELS[c].args as unknown as z.ZodObject).shape as Record<string, unknown>;
      const takesPath = Object.keys(shape).some((k) => PATH_ARGS.includes(k));
      expect(c in PATH_CHANNELS, c).toBe(takesPath);
    }
  });
});

describe('rigsolve serve --allow', () => {
  it('is in the help, and a folder that does not exist is refused before anything starts', async () => {
    expect(runCli('serve', '--help').stdout).toMatch(/--allow DIR/);
    const missing = join(dir, 'nope');
    await mkdir(join(dir, 'cli'), { recursive: true });
    const r = runCli('serve', '--project', join(dir, 'cli', 'c.rigsolve'), '--allow', missing);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`cannot allow ${missing}: no such folder`);
    expect(existsSync(join(dir, 'cli', 'c.rigsolve'))).toBe(false);
  });
});
