// The rig a shot is previewed with, as GLB bytes (both hosts: rig/<shotId>). A shot uses the
// default head unless it has its own rig (shots.rig_path, set by shot.setRig): that one is imported
// with the shot's manual mapping and written back out with control names as morph target names
// (writeRigGlb), so the renderer previews any rig without knowing its original target names. The
// path comes from the app, never the URL; a query (?v=…, cache busting) is ignored.
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../common/api/errors';
import { getShot } from '../db/shots';
import type { ProjectSession } from '../project/session';
import { RigImportError } from '../rig/errors';
import { importRigGlb, type RigImportResult } from '../rig/load';
import { writeRigGlb } from '../rig/write-glb';
import { appRoot } from '../util/app-root';

const RIG_PATH = /^\/?rig\/([1-9][0-9]{0,9})(?:\?.*)?$/;

export function defaultRigPath(): string {
  return join(appRoot(), 'resources', 'rigs', 'default-head.glb');
}

/** Reads and imports a rig GLB; every refusal is an AppError('badInput') with one line. */
export async function importRigFile(path: string, mapping?: Readonly<Record<string, string | null>>): Promise<RigImportResult & { mtimeMs: number }> {
  let bytes: Uint8Array;
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(path)).mtimeMs;
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError('badInput', `cannot read the rig "${path}" (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable')})`);
  }
  const magic = bytes.length >= 4 ? String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) : '';
  if (magic !== 'glTF') throw new AppError('badInput', `"${basename(path)}" is not a GLB file (binary glTF); export the rig as .glb`);
  try {
    return { ...(await importRigGlb(bytes, mapping ? { mapping } : {})), mtimeMs };
  } catch (e) {
    if (e instanceof RigImportError) throw new AppError('badInput', e.message.split('\n')[0]!);
    throw e;
  }
}

/** Written GLBs of imported rigs, per (path, mtime, mapping): a few, most recent last. */
const written = new Map<string, Uint8Array>();
const CACHE_SIZE = 4;

async function shotRigBytes(path: string, mapping: Readonly<Record<string, string | null>> | null): Promise<Uint8Array> {
  const mtimeMs = (await stat(path).catch(() => null))?.mtimeMs ?? -1;
  const key = JSON.stringify([path, mtimeMs, mapping ?? {}]);
  const hit = written.get(key);
  if (hit) {
    written.delete(key);
    written.set(key, hit);
    return hit;
  }
  const { rig, mtimeMs: read } = await importRigFile(path, mapping ?? undefined);
  const bytes = await writeRigGlb(rig);
  written.set(JSON.stringify([path, read, mapping ?? {}]), bytes);
  while (written.size > CACHE_SIZE) written.delete(written.keys().next().value!);
  return bytes;
}

const GLB_HEADERS = { 'content-type': 'model/gltf-binary', 'cache-control': 'no-cache' };

export async function serveRig(session: ProjectSession | null, pathname: string): Promise<Response> {
  const m = RIG_PATH.exec(pathname);
  if (!m) return new Response('not a rig address: rig/<shot>', { status: 400 });
  if (!session) return new Response('no project is open', { status: 404 });
  const shot = getShot(session.db, Number(m[1]));
  if (!shot) return new Response(`no shot ${m[1]}`, { status: 404 });
  if (shot.rigPath !== null) {
    try {
      return new Response(new Uint8Array(await shotRigBytes(shot.rigPath, shot.rigMapping)), { status: 200, headers: GLB_HEADERS });
    } catch (e) {
      const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      return new Response(`the shot's rig cannot be loaded: ${msg}`, { status: 404 });
    }
  }
  try {
    const bytes = await readFile(defaultRigPath());
    return new Response(new Uint8Array(bytes), { status: 200, headers: GLB_HEADERS });
  } catch {
    return new Response('the default head rig is missing: run `npm run build:rig`', { status: 404 });
  }
}
