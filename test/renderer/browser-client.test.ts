import { describe, expect, it } from 'vitest';
import { BrowserApi, socketUrl, type SocketLike } from '../../renderer/src/api/browser-client';
import type { ConnectionState } from '../../renderer/src/api/connection';
import { ApiCallError } from '../../renderer/src/api/errors';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: { id: number; channel: string; args: unknown }[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  receive(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const api = new BrowserApi({
    url: 'ws://h/api',
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
    now: () => 1000,
    random: () => 0.5,
  });
  const states: ConnectionState[] = [];
  api.onConnection((s) => states.push(s));
  return { api, sockets, timers, states };
}

const project = { path: '/p', name: 'p', shotCount: 0, readOnly: false, host: 'browser' };

describe('BrowserApi', () => {
  it('builds same-host URLs', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:5000' })).toBe('ws://127.0.0.1:5000/api');
    expect(socketUrl({ protocol: 'https:', host: 'review.local' })).toBe('wss://review.local/api');
    const { api } = setup();
    expect(api.frameUrl(3, 'rgb', 12, 768)).toBe('/frame/3/rgb/12?w=768');
    expect(api.frameUrl(3, 'normal', -1)).toBe('/frame/3/normal/-1');
  });

  it('queues calls until open, then resolves by id', async () => {
    const { api, sockets } = setup();
    const p = api.call('project.info', {});
    const s = sockets[0]!;
    expect(s.sent).toHaveLength(0);
    s.open();
    expect(s.sent).toEqual([{ id: 1, channel: 'project.info', args: {} }]);
    s.receive({ type: 'response', id: 1, response: { ok: true, result: project } });
    await expect(p).resolves.toEqual(project);
  });

  it('rejects with the typed host error', async () => {
    const { api, sockets } = setup();
    sockets[0]!.open();
    const p = api.call('shot.get', { shotId: 4 });
    sockets[0]!.receive({ type: 'response', id: 1, response: { ok: false, error: { code: 'notFound', message: 'no shot 4' } } });
    await expect(p).rejects.toMatchObject({ code: 'notFound', message: 'no shot 4' });
  });

  it('delivers validated events and drops malformed ones', () => {
    const { api, sockets } = setup();
    const got: unknown[] = [];
    api.on('shots.changed', (p) => got.push(p));
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'event', event: 'shots.changed', payload: { shotId: 2 } });
    sockets[0]!.receive({ type: 'event', event: 'shots.changed', payload: { shotId: 'x' } });
    sockets[0]!.receive({ type: 'event', event: 'nope', payload: {} });
    expect(got).toEqual([{ shotId: 2 }]);
  });

  it('fails in-flight calls on drop, reconnects with backoff, and sends queued calls', async () => {
    const { api, sockets, timers, states } = setup();
    sockets[0]!.open();
    const inflight = api.call('shots.list', {});
    sockets[0]!.drop();
    const err = await inflight.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiCallError);
    expect((err as ApiCallError).code).toBe('disconnected');
    expect(states.at(-1)).toEqual({ state: 'lost', attempt: 1, retryAt: 1500 });
    expect(timers[0]!.ms).toBe(500);

    const later = api.call('project.info', {});
    timers[0]!.fn();
    sockets[1]!.drop();
    expect(timers[1]!.ms).toBe(1000);
    timers[1]!.fn();
    sockets[2]!.open();
    expect(states.at(-1)).toEqual({ state: 'open' });
    expect(sockets[2]!.sent.map((m) => m.channel)).toEqual(['project.info']);
    sockets[2]!.receive({ type: 'response', id: sockets[2]!.sent[0]!.id, response: { ok: true, result: project } });
    await expect(later).resolves.toEqual(project);
  });

  it('reconnectNow skips the wait', () => {
    const { api, sockets } = setup();
    sockets[0]!.drop();
    api.reconnectNow();
    expect(sockets).toHaveLength(2);
  });
});
