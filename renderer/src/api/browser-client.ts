// RigsolveApi over the browser host's WebSocket (/api). Auth rides on the cookie the host set
// when the page was loaded with ?token=…, so nothing here handles the token itself.
// Requests made while the socket is down wait for it; requests in flight when it drops fail
// with 'disconnected' (the host may or may not have run them).
import type { ChannelArgs, ChannelName, ChannelResult, EventName, EventPayload, RigsolveApi, WireRequest } from '../../../electron/common/api/contract';
import { formatFramePath } from '../../../electron/common/api/frame-url';
import type { PlateKind } from '../../../electron/common/api/schemas';
import { backoffDelay, type ConnectionSource, type ConnectionState } from './connection';
import { ApiCallError } from './errors';
import { ListenerSet } from './listeners';
import { isEventName, parseEvent, unwrapResponse } from './unwrap';

/** The part of WebSocket used here, so tests can drive a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export interface BrowserApiOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
  random?: () => number;
}

interface Pending {
  channel: ChannelName;
  resolve: (v: unknown) => void;
  reject: (e: ApiCallError) => void;
}

const OPEN_STATE = 1;

export function socketUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/api`;
}

export class BrowserApi implements RigsolveApi, ConnectionSource {
  readonly host = 'browser' as const;
  private socket: SocketLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Serialized requests waiting for the socket to open. */
  private readonly queued: { id: number; data: string }[] = [];
  private readonly listeners = new ListenerSet();
  private readonly connectionListeners = new Set<(s: ConnectionState) => void>();
  private state: ConnectionState = { state: 'connecting' };
  private attempt = 0;
  private retryTimer: unknown = null;
  private disposed = false;
  private readonly opts: Required<BrowserApiOptions>;

  constructor(options: BrowserApiOptions) {
    this.opts = {
      createSocket: (u) => new WebSocket(u) as unknown as SocketLike,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
      random: Math.random,
      ...options,
    };
    this.connect();
  }

  get connection(): ConnectionState {
    return this.state;
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  call<C extends ChannelName>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
    const id = this.nextId++;
    const request: WireRequest = { id, channel, args };
    const data = JSON.stringify(request);
    return new Promise<ChannelResult<C>>((resolve, reject) => {
      this.pending.set(id, { channel, resolve: resolve as (v: unknown) => void, reject });
      if (this.socket && this.socket.readyState === OPEN_STATE) this.socket.send(data);
      else this.queued.push({ id, data });
    });
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.listeners.add(event, listener);
  }

  frameUrl(shotId: number, kind: PlateKind, frame: number, width?: number): string {
    return `/${formatFramePath(shotId, kind, frame, width)}`;
  }

  dataUrl(path: string): string {
    return `/${path}`;
  }

  reconnectNow(): void {
    if (this.state.state !== 'lost' || this.disposed) return;
    if (this.retryTimer !== null) this.opts.clearTimer(this.retryTimer);
    this.retryTimer = null;
    this.connect();
  }

  dispose(): void {
    this.disposed = true;
    if (this.retryTimer !== null) this.opts.clearTimer(this.retryTimer);
    this.socket?.close();
    this.failPending('The page is closing.');
  }

  private setState(s: ConnectionState): void {
    this.state = s;
    for (const l of this.connectionListeners) l(s);
  }

  private connect(): void {
    const socket = this.opts.createSocket(this.opts.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setState({ state: 'open' });
      for (const q of this.queued.splice(0)) {
        if (this.pending.has(q.id)) socket.send(q.data);
      }
    };
    socket.onmessage = (ev) => this.handleMessage(ev.data);
    socket.onerror = () => {
      // onclose follows and does the work; nothing useful is in the error event.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failPending();
      if (this.disposed) return;
      const delay = backoffDelay(this.attempt, this.opts.random);
      this.attempt += 1;
      this.setState({ state: 'lost', attempt: this.attempt, retryAt: this.opts.now() + delay });
      this.retryTimer = this.opts.setTimer(() => {
        this.retryTimer = null;
        this.connect();
      }, delay);
    };
  }

  /** Sent requests whose answer can no longer come; queued ones stay queued. */
  private failPending(reason?: string): void {
    const queuedIds = new Set(this.queued.map((q) => q.id));
    for (const [id, p] of this.pending) {
      if (queuedIds.has(id) && !this.disposed) continue;
      this.pending.delete(id);
      p.reject(
        new ApiCallError(
          'disconnected',
          reason ?? `The connection to the host dropped while ${p.channel} was running; it may or may not have completed.`,
          p.channel,
        ),
      );
    }
  }

  private handleMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let msg: unknown;
    try {
      msg = JSON.parse(data);
    } catch {
      console.warn('browser host sent a message that is not JSON');
      return;
    }
    if (typeof msg !== 'object' || msg === null) return;
    const m = msg as Record<string, unknown>;
    if (m.type === 'response' && typeof m.id === 'number') {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      try {
        p.resolve(unwrapResponse(p.channel, m.response));
      } catch (err) {
        p.reject(err as ApiCallError);
      }
    } else if (m.type === 'event' && isEventName(m.event)) {
      const payload = parseEvent(m.event, m.payload);
      if (payload) this.listeners.emit(m.event, payload);
      else console.warn(`dropped a malformed ${m.event} event`);
    }
  }
}
