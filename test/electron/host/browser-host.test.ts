// The browser host's security and API behaviour: token, Host header, frame refusals, validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { WireMessage } from '../../../electron/common/api/contract';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';
import { importCapture } from '../../../electron/capture/import-capture';
import { tempDir } from '../../helpers/temp';

let host: BrowserHost;
let dir: string;
let cleanup: () => Promise<void>;
let shotId: number;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>RigSolve</title>');
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 5, width: 128, height: 128 });
  host = await startBrowserHost({ projectPath: join(dir, 'p.rigsolve'), rendererDir });
  const s = host.context.session()!;
  shotId = (
    await importCapture(
      s.db,
      { shotName: 'a', rgbSource: join(dir, 'rgb'), normalSource: null, fps: null, normalConvention: 'opengl' },
      { cacheDir: s.cacheDir },
    )
  ).shot.id;
});
afterAll(async () => {
  await host.close();
  await cleanup();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${host.origin}${path}`, { headers });
const withToken = (path: string) => `${path}${path.includes('?') ? '&' : '?'}token=${host.token}`;

describe('browser host', () => {
  it('answers 401 to requests without the token, or with a wrong one', async () => {
    for (const path of ['/', '/index.html', `/frame/${shotId}/rgb/1`, '/assets/x.js']) {
      expect((await get(path)).status).toBe(401);
    }
    expect((await get(`/?token=wrong`)).status).toBe(401);
    expect((await get(`/`, { cookie: 'rigsolve_token=wrong' })).status).toBe(401);
  });

  it('serves the page with the token and sets the session cookie', async () => {
    const res = await get(withToken('/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/rigsolve_token=.*HttpOnly; SameSite=Strict/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await get('/', { cookie: `rigsolve_token=${host.token}` })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${host.origin}${withToken('/')}`, { headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('serves frames of the project, originals and proxies', async () => {
    const original = await get(withToken(`/frame/${shotId}/rgb/3`));
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    const proxy = await get(withToken(`/frame/${shotId}/rgb/3?w=64`));
    expect(proxy.status).toBe(200);
    expect(proxy.headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses frame requests outside the project: traversal, absolute paths, unknown shots and frames', async () => {
    const refused = [
      '/frame/../../etc/passwd',
      '/frame/%2e%2e/%2e%2e/etc/passwd',
      `/frame/${shotId}/rgb/..%2f..%2fetc%2fpasswd`,
      `/frame/${shotId}/rgb//etc/passwd`,
      '/frame//etc/passwd',
      `/frame/${shotId}/depth/1`,
      `/frame/${shotId}/rgb/1?w=../../x`,
      '/frame/999/rgb/1',
      `/frame/${shotId}/rgb/99`,
      '/../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
    ];
    for (const path of refused) {
      const res = await get(withToken(path));
      expect([400, 404], path).toContain(res.status);
      expect(await res.text()).not.toMatch(/root:/);
    }
  });

  it('answers API calls over the socket, with validation errors for malformed arguments', async () => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/api`, { headers: { cookie: `rigsolve_token=${host.token}` } });
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    const replies = new Map<number, WireMessage>();
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as WireMessage;
      if (m.type === 'response') replies.set(m.id, m);
    });
    const call = async (id: number, channel: string, args: unknown) => {
      ws.send(JSON.stringify({ id, channel, args }));
      for (let i = 0; i < 200 && !replies.has(id); i++) await new Promise((r) => setTimeout(r, 10));
      const m = replies.get(id);
      if (m?.type !== 'response') throw new Error('no reply');
      return m.response;
    };
    const list = await call(1, 'shots.list', {});
    expect(list.ok && Array.isArray(list.result) && list.result.length).toBe(1);
    for (const [id, channel, args] of [
      [2, 'shot.get', { shotId: 'one' }],
      [3, 'shot.get', {}],
      [4, 'shot.get', { shotId: -1 }],
      [5, 'capture.import', { shotName: 5 }],
      [6, 'shots.list', { extra: true }],
    ] as const) {
      const r = await call(id, channel, args);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalidArgs');
    }
    const unknown = await call(7, 'fs.deleteEverything', {});
    expect(!unknown.ok && unknown.error.code).toBe('unknownChannel');
    const missing = await call(8, 'shot.get', { shotId: 999 });
    expect(!missing.ok && missing.error.code).toBe('notFound');
    // The host is still alive and answering after all that.
    expect((await call(9, 'project.info', {})).ok).toBe(true);
    ws.close();
  });

  it('refuses a socket without the token', async () => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/api`);
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      ws.once('error', () => resolve('error'));
    });
    expect(outcome).not.toBe('open');
  });

  it('a read-only review host refuses imports and file browsing', async () => {
    const review = await startBrowserHost({ projectPath: join(dir, 'p.rigsolve'), rendererDir: join(dir, 'renderer'), readOnly: true });
    try {
      const { dispatch } = await import('../../../electron/api/dispatch');
      const { handlers } = await import('../../../electron/api/handlers');
      const r = await dispatch(handlers, review.context, 'capture.import', { shotName: 'b', rgbSource: join(dir, 'rgb') });
      expect(!r.ok && r.error.code).toBe('forbidden');
      const l = await dispatch(handlers, review.context, 'fs.listDir', { path: '/' });
      expect(!l.ok && l.error.code).toBe('forbidden');
      expect((await dispatch(handlers, review.context, 'shots.list', {})).ok).toBe(true);
    } finally {
      await review.close();
    }
  });
});
