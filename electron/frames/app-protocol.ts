// The rigsolve:// scheme of the Electron host, as a plain function of a URL so it runs (and is
// tested) under Node: rigsolve://app/… is the built renderer, rigsolve://frame/… plate images.
// main.ts registers it with protocol.handle and adds nothing.
import { RENDERER_CSP_HEADER } from './content-security-policy';
import { readStatic } from './static-files';
import type { ProjectSession } from '../project/session';
import { serveFrame } from './serve-frame';
import { serveRig } from './serve-rig';
import { serveTakeCurves } from './serve-take';

export const APP_SCHEME = 'rigsolve';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

export async function appProtocolResponse(rawUrl: string, session: ProjectSession | null, rendererDir: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return new Response('bad address', { status: 400 });
  }
  if (url.protocol !== `${APP_SCHEME}:`) return new Response('not found', { status: 404 });
  // The page is rigsolve://app; data lives on sibling hosts, so its responses allow that origin.
  if (url.hostname === 'frame') return withAppCors(await serveFrame(session, `frame${url.pathname}`, url.searchParams));
  if (url.hostname === 'take') return withAppCors(serveTakeCurves(session, `take${url.pathname}`));
  if (url.hostname === 'rig') return withAppCors(await serveRig(session, `rig${url.pathname}`));
  if (url.hostname === 'app') {
    const file = await readStatic(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return new Response('not found', { status: 404 });
    // The CSP as a header too, not only index.html's meta tag: it holds from the first byte and can carry frame-ancestors.
    const headers = { 'content-type': file.type, 'content-security-policy': RENDERER_CSP_HEADER, 'x-content-type-options': 'nosniff' };
    return new Response(new Uint8Array(file.body), { status: 200, headers });
  }
  return new Response('not found', { status: 404 });
}

function withAppCors(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('access-control-allow-origin', APP_ORIGIN);
  return new Response(response.body, { status: response.status, headers });
}
