// Plate images for the renderer, for both hosts: Electron's rigsolve:// protocol handler and the
// browser host's HTTP server call this one function with a web-standard URL and get a Response.
// The file to read comes from the shot database; the URL only names shot, plate kind and frame.
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import { parseFramePath, type FrameRequest } from '../common/api/frame-url';
import { getFrameRecord } from '../db/frames';
import type { ProjectSession } from '../project/session';
import { safeWriteFile } from '../util/safe-write';

const BROWSER_FORMATS: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };
/** Proxy widths are rounded up to this step so a resized window reuses the cache. */
export const PROXY_STEP = 64;

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** `pathname` is the frame path, e.g. "/frame/3/rgb/12" (browser host) or "frame/3/rgb/12" (rigsolve://frame/3/rgb/12). */
export async function serveFrame(session: ProjectSession | null, pathname: string, search: URLSearchParams): Promise<Response> {
  const req = parseFramePath(pathname, search);
  if (!req) return text(400, 'not a frame address: frame/<shot>/<rgb|normal>/<frame>');
  if (!session) return text(404, 'no project is open');
  return serveFrameRequest(session, req);
}

export async function serveFrameRequest(session: ProjectSession, req: FrameRequest): Promise<Response> {
  const record = getFrameRecord(session.db, req.shotId, req.frame);
  if (!record) return text(404, `shot ${req.shotId} has no frame ${req.frame}`);
  const source = req.kind === 'rgb' ? record.rgbPath : record.normalPath;
  if (!source) return text(404, `frame ${req.frame} has no ${req.kind === 'rgb' ? 'RGB plate' : 'normal map'}`);
  try {
    const stamp = req.kind === 'rgb' ? record.rgbStamp : record.normalStamp;
    const headers = { 'cache-control': 'private, max-age=31536000, immutable', etag: `"${stamp ?? 'x'}"` };
    const mime = BROWSER_FORMATS[extname(source).toLowerCase()];
    if (req.width === null || (record.width !== null && req.width >= record.width)) {
      // The original, as is when the browser can show it; TIFF and the like as PNG.
      const body = mime ? await readFile(source) : await sharp(source).png().toBuffer();
      return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'content-type': mime ?? 'image/png' } });
    }
    const body = await proxy(session, req, source, stamp);
    return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'content-type': 'image/jpeg' } });
  } catch (err) {
    return text(422, `frame ${req.frame} cannot be read: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** A downscaled JPEG, made once and kept in the project's cache (keyed by the file's stamp). */
async function proxy(session: ProjectSession, req: FrameRequest, source: string, stamp: string | null): Promise<Buffer> {
  const width = Math.ceil(req.width! / PROXY_STEP) * PROXY_STEP;
  const key = (stamp ?? 'x').replace(/[^0-9a-z]/gi, '_');
  const file = join(session.cacheDir, 'proxies', String(req.shotId), req.kind, String(width), `${req.frame}-${key}.jpg`);
  try {
    return await readFile(file);
  } catch {
    // not cached yet
  }
  const body = await sharp(source).resize({ width, withoutEnlargement: true }).jpeg({ quality: 88 }).toBuffer();
  // The safe writer: a reader never sees half a file, two writers race harmlessly (unique temporaries).
  await safeWriteFile(file, body);
  return body;
}
