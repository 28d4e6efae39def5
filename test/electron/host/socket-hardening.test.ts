// The browser host survives anything a socket sends: oversize messages close only that socket
// (1009, with a reason), malformed ones are answered when they carry an id and counted otherwise,
// protocol errors and resets are caught, and a client that stops reading is dropped before its
// queue grows without bound. Real `ws` clients (and raw TCP sockets) against a started host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ApiResponse, WireMessage } from '../../../electron/common/api/contract';
import { importCapture } from '../../../electron/capture/import-capture';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { MAX_MESSAGE_BYTES } from '../../../electron/host/api-sockets';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import { tempDir } from '../../helpers/temp';

let host: BrowserHost;
let dir: string;
let cleanup: () => Promise<void>;
let shotId: number;
const logged: string[] = [];
const BUFFER_LIMIT = 1024 * 1024;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 5, width: 16, height: 16 });
  host = await startBrowserHost({
    projectPath: join(dir, 'p.rigsolve'),
    rendererDir: join(dir, 'no-renderer'),
    sockets: { maxBufferedBytes: BUFFER_LIMIT, log: (l) => logged.push(l) },
  });
  const s = host.context.session()!;
  shotId = (
    await importCapture(s.db, { shotName: 'a', rgbSource: join(dir, 'rgb'), normalSource: null, fps: 24, normalConvention: 'opengl' }, { cacheDir: s.cacheDir })
  ).shot.id;
});
afterAll(async () => {
  await host.close();
  await cleanup();
});

/** A connected API client that collects replies by id. */
async function client(): Promise<{
  ws: WebSocket;
  call: (id: number, channel: string, args: unknown) => Promise<ApiResponse<unknown>>;
  reply: (id: number, ms?: number) => Promise<ApiResponse<unknown> | null>;
  closed: Promise<{ code: number; reason: string }>;
}> {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/api`, { headers: { cookie: `rigsolve_token=${host.token}` } });
  ws.on('error', () => {}); // a client writing into a socket the host closed sees EPIPE: expected here
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const replies = new Map<number, ApiResponse<unknown>>();
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as WireMessage;
    if (m.type === 'response') replies.set(m.id, m.response);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const reply = async (id: number, ms = 3000) => {
    for (let t = 0; t < ms && !replies.has(id); t += 10) await new Promise((r) => setTimeout(r, 10));
    return replies.get(id) ?? null;
  };
  const call = async (id: number, channel: string, args: unknown) => {
    ws.send(JSON.stringify({ id, channel, args }));
    const r = await reply(id);
    if (!r) throw new Error(`no reply to ${id} ${channel}`);
    return r;
  };
  return { ws, call, reply, closed };
}

/** A raw TCP socket upgraded to the API by hand: sends whatever bytes a test writes, reads nothing unless asked. */
async function rawSocket(): Promise<Socket> {
  const { port } = new URL(host.origin);
  const socket = connect(Number(port), '127.0.0.1');
  socket.on('error', () => {});
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    `GET /api HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nCookie: rigsolve_token=${host.token}\r\n\r\n`,
  );
  const head = await new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString('latin1'))));
  expect(head).toMatch(/^HTTP\/1.1 101/);
  return socket;
}

/** A masked client frame, as a browser sends it. */
function frame(opcode: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  if (payload.length >= 126) throw new Error('short frames only');
  return Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | payload.length]), mask, masked]);
}

const alive = async (): Promise<void> => {
  const c = await client();
  expect((await c.call(1, 'project.info', {})).ok).toBe(true);
  c.ws.close();
};

describe('browser host sockets', () => {
  it('closes a socket that sends a message over the limit with 1009 and a reason; other clients carry on', async () => {
    const other = await client();
    const big = await client();
    const before = host.stats().oversize;
    big.ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    const { code, reason } = await big.closed;
    expect(code).toBe(1009);
    expect(reason).toMatch(/over the 16 MB limit/);
    expect(host.stats().oversize).toBe(before + 1);
    expect((await other.call(2, 'shots.list', {})).ok).toBe(true);
    other.ws.close();
    await alive();
  });

  it('answers a malformed message that carries an id, and counts and logs one that does not', async () => {
    const c = await client();
    const before = host.stats();
    for (const text of ['not json', '[1,2]', 'null', '42', '{"channel":"shots.list"}', '{"id":"seven","channel":"shots.list"}']) c.ws.send(text);
    c.ws.send('{"id": 41, "channel": "shots.li');
    c.ws.send('{"id": 42}');
    c.ws.send('{"id": 43, "channel": 7, "args": {}}');
    for (const id of [41, 42, 43]) {
      const r = await c.reply(id);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalidArgs', message: expect.stringMatching(/^malformed request/) } });
    }
    // A binary frame holding a request is read as text, as the renderer's would be.
    c.ws.send(Buffer.from(JSON.stringify({ id: 44, channel: 'project.info', args: {} })), { binary: true });
    expect((await c.reply(44))?.ok).toBe(true);
    const after = host.stats();
    expect(after.malformed - before.malformed).toBe(9);
    expect(after.unanswered - before.unanswered).toBe(6);
    expect(logged.some((l) => /malformed message .* no id to answer: not JSON/.test(l))).toBe(true);
    expect((await c.call(45, 'shots.list', {})).ok).toBe(true);
    c.ws.close();
  });

  it('closes a socket that sends invalid UTF-8 (1007) or breaks the protocol, and survives resets mid-frame', async () => {
    const s1 = await rawSocket();
    const got = new Promise<Buffer>((resolve) => s1.once('data', resolve));
    s1.write(frame(0x1, Buffer.from([0xc3, 0x28, 0xff])));
    const close = await got;
    expect(close[0]).toBe(0x88); // a close frame
    expect(close.readUInt16BE(2)).toBe(1007);
    expect(close.subarray(4).toString()).toMatch(/not valid UTF-8/);
    s1.destroy();

    const s2 = await rawSocket();
    s2.write(Buffer.from([0x81, 0x05, 0x68, 0x65])); // unmasked: a protocol error
    await new Promise((resolve) => s2.once('close', resolve));

    const s3 = await rawSocket();
    s3.write(Buffer.from([0x81, 0xfe, 0x40])); // a frame header cut short, then a reset
    s3.resetAndDestroy();

    // A reset during the upgrade itself.
    const { port } = new URL(host.origin);
    const s4 = connect(Number(port), '127.0.0.1');
    s4.on('error', () => {});
    await new Promise((resolve) => s4.once('connect', resolve));
    s4.write(`GET /api HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`);
    s4.resetAndDestroy();
    await new Promise((r) => setTimeout(r, 100));
    await alive();
  });

  it('drops a client that stops reading before its queue passes the limit; readers keep their events', async () => {
    const reader = await client();
    let readerEvents = 0;
    reader.ws.on('message', (d) => {
      if ((JSON.parse(d.toString()) as WireMessage).type === 'event') readerEvents++;
    });
    const stalled = await rawSocket();
    stalled.pause(); // reads nothing from now on, like a frozen tab
    const before = host.stats().dropped;
    const label = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 400; i++) {
      host.context.emit('job.progress', { jobId: 'flood', kind: 'export', label, done: i, total: 400, finished: false });
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 2)); // a few at a time, so only a client that stops reading falls behind
    }
    expect(host.stats().dropped).toBe(before + 1);
    expect(logged.some((l) => /dropped .*stopped reading/.test(l))).toBe(true);
    for (let t = 0; t < 5000 && readerEvents < 400; t += 20) await new Promise((r) => setTimeout(r, 20));
    expect(readerEvents).toBe(400);
    reader.ws.close();
    stalled.destroy();
  });

  it('answers a burst of calls without holding them all at once', async () => {
    const c = await client();
    for (let id = 1000; id < 2000; id++) c.ws.send(JSON.stringify({ id, channel: 'project.info', args: {} }));
    for (let id = 1000; id < 2000; id++) expect((await c.reply(id, 10_000))?.ok).toBe(true);
    c.ws.close();
  });

  it('drops a client that answers no ping', async () => {
    const quick = await startBrowserHost({
      projectPath: null,
      context: host.context,
      rendererDir: join(dir, 'no-renderer'),
      sockets: { heartbeatMs: 50, log: () => {} },
    });
    try {
      const { port } = new URL(quick.origin);
      const s = connect(Number(port), '127.0.0.1');
      s.on('error', () => {});
      s.resume(); // reads (and so sees the host hang up) but never answers a ping
      s.write(
        `GET /api HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nCookie: rigsolve_token=${quick.token}\r\n\r\n`,
      );
      await new Promise((resolve) => s.once('close', resolve));
      for (let t = 0; t < 2000 && quick.stats().open > 0; t += 10) await new Promise((r) => setTimeout(r, 10));
      expect(quick.stats()).toMatchObject({ dropped: 1, open: 0 });
    } finally {
      await quick.close();
    }
  });

  it('gives the same answer to a shot-data call as the Electron host (one handler layer)', async () => {
    const c = await client();
    const args = { shotId, transaction: { label: 'x', ops: [{ op: 'setKeys', control: 'tailWag', keys: [{ frame: 1, value: 0.1, interp: 'linear' }] }] } };
    const viaSocket = await c.call(3, 'edits.apply', args);
    const direct = await dispatch(handlers, { ...host.context, host: 'electron' }, 'edits.apply', args);
    expect(viaSocket).toEqual(direct);
    expect(viaSocket).toMatchObject({ ok: false, error: { code: 'badInput', message: expect.stringMatching(/"tailWag" is not a control/) } });
    c.ws.close();
  });
});
