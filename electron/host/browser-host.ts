// The browser host (`rigsolve serve`): the same renderer over HTTP and the same API handlers over a
// WebSocket, on loopback by default, every request carrying the per-launch token. Supervisors use
// it to review from a machine without the app; the end-to-end tests use it to drive the real UI.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { createAppContext, type HostedContext } from '../api/app-context';
import { fileScope } from '../api/file-scope';
import { serveFrame } from '../frames/serve-frame';
import { serveRig } from '../frames/serve-rig';
import { serveTakeCurves } from '../frames/serve-take';
import { readStatic } from '../frames/static-files';
import { rendererDistDir } from '../util/app-root';
import { apiSockets, type ApiSocketOptions, type SocketStats } from './api-sockets';
import { hostAllowed, newToken, TOKEN_COOKIE, tokenFromRequest, tokenMatches } from './auth';

export interface BrowserHostOptions {
  projectPath: string | null;
  /** 0 picks a free port. */
  port?: number;
  /** Address to listen on; 127.0.0.1 unless the user opens it to a network deliberately. */
  host?: string;
  /** Review-only: curve edits, imports and file browsing are refused by the API. */
  readOnly?: boolean;
  rendererDir?: string;
  token?: string;
  /** The user's models folder (listed beside the bundled models/). */
  userModelsDir?: string | null;
  /** Existing context to serve (tests, or sharing with another host); created from projectPath otherwise. */
  context?: HostedContext;
  /**
   * Folders the channels that take paths may reach besides the project's own (`--allow DIR`), or
   * 'all' for the user's own app (`rigsolve app`). Anyone with the link reaches a served host, so
   * by default it reaches only the folder of the project it was started with.
   */
  allowedDirs?: readonly string[] | 'all';
  /** Limits of the API sockets (tests shrink them); the defaults are in api-sockets.ts. */
  sockets?: ApiSocketOptions;
}

export interface BrowserHost {
  /** Full URL with the token, to open in a browser. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly context: HostedContext;
  /** What the API sockets have seen: malformed and oversize messages, dropped clients, errors. */
  stats(): SocketStats;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer', // the token is in the first URL: never leak it in a Referer
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
};

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const bind = opts.host ?? '127.0.0.1';
  const token = opts.token ?? newToken();
  const rendererDir = opts.rendererDir ?? rendererDistDir();
  // Checked before anything is opened, so a mistyped --allow leaves nothing behind.
  const allowed = opts.allowedDirs === 'all' ? null : fileScope(opts.allowedDirs ?? []);
  const base =
    opts.context ??
    createAppContext({ host: 'browser', readOnly: opts.readOnly ?? false, projectPath: opts.projectPath, userModelsDir: opts.userModelsDir ?? null });
  const projectPath = opts.projectPath ?? base.session()?.path ?? null;
  const scope = allowed && fileScope([...(projectPath ? [dirname(resolve(projectPath))] : []), ...allowed.roots]);
  // A shared context (the app's "share for review", tests) keeps its session and events; read-only and the scope are this host's.
  const context: HostedContext = { ...base, readOnly: base.readOnly || (opts.readOnly ?? false), fileScope: scope };
  const allowedHosts = new Set<string>();

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((err: unknown) => {
      console.error('[serve] request failed:', err);
      if (!res.headersSent) send(res, 500, 'internal error');
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    if (!hostAllowed(req, allowedHosts)) return send(res, 421, 'unexpected Host header');
    const given = tokenFromRequest(req, url);
    if (!tokenMatches(token, given)) return send(res, 401, 'missing or wrong token: open the URL that `rigsolve serve` printed');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');

    // Plates and curves: the same functions the Electron host's rigsolve:// protocol calls.
    if (url.pathname.startsWith('/frame/')) return relay(req, res, await serveFrame(context.session(), url.pathname, url.searchParams));
    if (url.pathname.startsWith('/take/')) return relay(req, res, serveTakeCurves(context.session(), url.pathname));
    if (url.pathname.startsWith('/rig/')) return relay(req, res, await serveRig(context.session(), url.pathname));
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = await readStatic(rendererDir, path);
    if (!file) {
      if (path === '/index.html') return send(res, 503, 'the renderer is not built: run `npm run build:renderer`');
      return send(res, 404, 'not found');
    }
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': file.type, 'cache-control': 'no-cache' };
    if (url.searchParams.get('token')) {
      headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const sockets = apiSockets(context, opts.sockets);
  server.on('upgrade', (req, socket, head) => {
    // Between the HTTP server letting go of the socket and ws taking it, an unhandled reset would crash the host.
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    const origin = req.headers.origin;
    const originOk = !origin || allowedHosts.size === 0 || allowedHosts.has(origin.replace(/^https?:\/\//, '').toLowerCase());
    if (url.pathname !== '/api' || !hostAllowed(req, allowedHosts) || !originOk || !tokenMatches(token, tokenFromRequest(req, url))) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.accept(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, bind, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Once listening, a server error (a socket's, too many open files) is logged; it must not end the host.
  server.on('error', (err) => console.error('[serve] server error:', err.message));
  const port = (server.address() as AddressInfo).port;
  if (LOOPBACK.has(bind)) {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) allowedHosts.add(`${name}:${port}`);
  }
  const shownHost = bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind.includes(':') ? `[${bind}]` : bind;
  const origin = `http://${shownHost}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    context,
    stats: () => sockets.stats(),
    async close() {
      sockets.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      if (!opts.context) base.close();
    },
  };
}

async function relay(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, { ...SECURITY_HEADERS, ...Object.fromEntries(response.headers) });
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()));
}

function send(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end(message);
}
