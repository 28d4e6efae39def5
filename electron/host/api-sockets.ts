// The browser host's API sockets, hardened against whatever a socket sends: every socket and the
// server have an error handler (an unhandled 'error' event would kill `rigsolve serve` and drop
// every reviewer); a message over the size limit closes that socket with 1009 and a reason; a
// malformed message is answered when its id can be read, and counted and logged otherwise; a
// client that stops reading is dropped before its queue grows without bound.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { WireRequest, type ApiResponse, type WireMessage } from '../common/api/contract';
import type { HostedContext } from '../api/app-context';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';

/** The largest message a client may send (a big edit transaction fits many times over). */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** Bytes queued unsent to one client before it is dropped as not reading (a dead or stalled tab). */
export const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
/** Calls one socket may have running at once; past it the host stops reading that socket (TCP pushes back). */
export const MAX_IN_FLIGHT = 32;
/** Sockets open at once. */
export const MAX_SOCKETS = 256;
const HEARTBEAT_MS = 30_000;

/** Close reasons a person can read (the close frame's reason, at most 123 bytes). */
const CLOSE_REASONS: Readonly<Record<number, string>> = {
  1007: 'a text message was not valid UTF-8',
  1008: 'too many connections',
  1009: `message over the ${MAX_MESSAGE_BYTES / 1024 / 1024} MB limit: send smaller calls`,
  1002: 'WebSocket protocol error',
};

/**
 * ws closes a socket itself on a protocol error or an oversize message, with the code only; this
 * adds a reason to every close that has none, so the client is told what it did.
 */
class HostSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    super.close(code, data ?? (code !== undefined ? CLOSE_REASONS[code] : undefined));
  }
}

export interface SocketStats {
  /** Sockets open now. */
  open: number;
  /** Messages that were not a request (not JSON, wrong shape); `unanswered` of them had no id to answer. */
  malformed: number;
  unanswered: number;
  /** Sockets closed for a message over MAX_MESSAGE_BYTES. */
  oversize: number;
  /** Sockets dropped for not reading (queue over the limit, or no answer to pings). */
  dropped: number;
  /** Socket and server errors caught (each closed only its own socket). */
  errors: number;
}

export interface ApiSocketOptions {
  maxBufferedBytes?: number;
  maxInFlight?: number;
  heartbeatMs?: number;
  log?: (line: string) => void;
}

export interface ApiSockets {
  /** Takes over an upgrade request already checked for token, Host and Origin. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  stats(): SocketStats;
  close(): void;
}

interface Peer {
  inFlight: number;
  alive: boolean;
  label: string;
}

export function apiSockets(context: HostedContext, opts: ApiSocketOptions = {}): ApiSockets {
  const maxBuffered = opts.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
  const maxInFlight = opts.maxInFlight ?? MAX_IN_FLIGHT;
  const log = opts.log ?? ((line: string) => console.warn(line));
  const counts = { malformed: 0, unanswered: 0, oversize: 0, dropped: 0, errors: 0 };
  const peers = new Map<WebSocket, Peer>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, WebSocket: HostSocket });
  wss.on('error', (err) => {
    counts.errors++;
    log(`[serve] WebSocket server error: ${err.message}`);
  });

  /** Logs the first few of a kind, then every 1000th: a client hammering the host must not flood its log. */
  const logSome = (n: number, line: string): void => {
    if (n <= 5 || n % 1000 === 0) log(n <= 5 ? line : `${line} (${n} so far)`);
  };

  function send(ws: WebSocket, msg: string): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount + Buffer.byteLength(msg) > maxBuffered) return drop(ws, `${Math.round(ws.bufferedAmount / 1024)} KB unsent: it stopped reading`);
    ws.send(msg, (err) => {
      // The socket's own 'error' handler logs and counts; this only keeps the callback from throwing.
      if (err && ws.readyState === WebSocket.OPEN) ws.terminate();
    });
  }

  function drop(ws: WebSocket, why: string): void {
    counts.dropped++;
    log(`[serve] dropped ${peers.get(ws)?.label ?? 'a client'}: ${why}`);
    // No close frame: a client that does not read would not see it, and it would only queue more.
    ws.terminate();
  }

  function reply(ws: WebSocket, id: number, response: ApiResponse<unknown>): void {
    send(ws, JSON.stringify({ type: 'response', id, response } satisfies WireMessage));
  }

  function malformed(ws: WebSocket, peer: Peer, id: number | null, why: string): void {
    counts.malformed++;
    if (id !== null) {
      reply(ws, id, { ok: false, error: { code: 'invalidArgs', message: `malformed request: ${why}; send {"id": N, "channel": "…", "args": {…}}` } });
      return;
    }
    counts.unanswered++;
    logSome(counts.unanswered, `[serve] malformed message from ${peer.label} with no id to answer: ${why}`);
  }

  async function onMessage(ws: WebSocket, peer: Peer, data: RawData): Promise<void> {
    const text = rawText(data);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      return malformed(ws, peer, leadingId(text), `not JSON (${(err as Error).message.split('\n')[0]!.slice(0, 120)})`);
    }
    const parsed = WireRequest.safeParse(value);
    if (!parsed.success) {
      const id = (value as { id?: unknown } | null)?.id;
      return malformed(ws, peer, Number.isSafeInteger(id) ? (id as number) : null, 'a request is an object with an integer id, a channel name and args');
    }
    peer.inFlight++;
    if (peer.inFlight >= maxInFlight && !ws.isPaused) ws.pause();
    try {
      reply(ws, parsed.data.id, await dispatch(handlers, context, parsed.data.channel, parsed.data.args));
    } finally {
      peer.inFlight--;
      if (peer.inFlight < maxInFlight / 2 && ws.isPaused && ws.readyState === WebSocket.OPEN) ws.resume();
    }
  }

  function attach(ws: WebSocket, req: IncomingMessage): void {
    const peer: Peer = { inFlight: 0, alive: true, label: `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}` };
    peers.set(ws, peer);
    ws.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        counts.oversize++;
        logSome(counts.oversize, `[serve] closed ${peer.label}: ${CLOSE_REASONS[1009]}`);
      } else {
        counts.errors++;
        logSome(counts.errors, `[serve] socket ${peer.label}: ${err.message}`);
      }
    });
    ws.on('close', () => peers.delete(ws));
    ws.on('pong', () => (peer.alive = true));
    ws.on('message', (data) => {
      onMessage(ws, peer, data).catch((err: unknown) => {
        counts.errors++;
        log(`[serve] message from ${peer.label} failed: ${(err as Error).message}`);
      });
    });
  }

  const unsubscribe = context.onEvent((event, payload) => {
    const msg = JSON.stringify({ type: 'event', event, payload } satisfies WireMessage);
    for (const ws of peers.keys()) send(ws, msg);
  });

  // A tab that vanished without closing (a laptop lid, a dropped network) answers no ping.
  const heartbeat = setInterval(() => {
    for (const [ws, peer] of peers) {
      if (!peer.alive && peer.inFlight === 0) drop(ws, 'no answer to a ping');
      else {
        peer.alive = false;
        if (ws.readyState === WebSocket.OPEN) ws.ping();
      }
    }
  }, opts.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  return {
    accept(req, socket, head) {
      if (peers.size >= MAX_SOCKETS) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => attach(ws, req));
    },
    stats: () => ({ open: peers.size, ...counts }),
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const ws of peers.keys()) ws.terminate();
      wss.close();
    },
  };
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
}

/** The id of a request cut short (`{"id": 12, "channel": …` then nothing), so its caller still hears back. */
function leadingId(text: string): number | null {
  const m = /^\s*\{\s*"id"\s*:\s*(-?\d{1,15})\s*[,}]/.exec(text);
  return m ? Number(m[1]) : null;
}
