// A real `ws` client of a started browser host's API, as the renderer talks to it: requests by id,
// replies collected by id, events ignored.
import WebSocket from 'ws';
import type { ApiResponse, WireMessage } from '../../electron/common/api/contract';
import type { BrowserHost } from '../../electron/host/browser-host';

export interface ApiClient {
  ws: WebSocket;
  /** Sends a request and waits for its reply (null after `ms`). */
  call: (channel: string, args: unknown, ms?: number) => Promise<ApiResponse<unknown> | null>;
  /** Sends raw text (or bytes) as one message. */
  send: (data: string | Buffer) => void;
  /** The reply to `id`, waiting up to `ms`; null if none came. */
  reply: (id: number, ms?: number) => Promise<ApiResponse<unknown> | null>;
  /** Settles when the host closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
  close: () => void;
}

export async function connectApi(host: BrowserHost): Promise<ApiClient> {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/api`, { headers: { cookie: `rigsolve_token=${host.token}` } });
  ws.on('error', () => {}); // a client writing into a socket the host closed sees EPIPE: expected in these tests
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const replies = new Map<number, ApiResponse<unknown>>();
  const waiters = new Map<number, () => void>();
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as WireMessage;
    if (m.type !== 'response') return;
    replies.set(m.id, m.response);
    waiters.get(m.id)?.();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const reply = async (id: number, ms = 10_000): Promise<ApiResponse<unknown> | null> => {
    if (!replies.has(id)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        waiters.set(id, () => (clearTimeout(timer), resolve()));
        void closed.then(() => (clearTimeout(timer), resolve()));
      });
      waiters.delete(id);
    }
    const r = replies.get(id) ?? null;
    replies.delete(id);
    return r;
  };
  let next = 1;
  const call = (channel: string, args: unknown, ms?: number): Promise<ApiResponse<unknown> | null> => {
    const id = next++;
    ws.send(JSON.stringify({ id, channel, args }));
    return reply(id, ms);
  };
  return { ws, call, reply, send: (data) => ws.send(data), closed, close: () => ws.close() };
}
