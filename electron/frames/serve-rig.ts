// The rig a shot is previewed with, as GLB bytes (both hosts: rig/<shotId>). Every shot uses the
// default head until per-shot rigs are imported; the path comes from the app, never the URL.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getShot } from '../db/shots';
import type { ProjectSession } from '../project/session';
import { appRoot } from '../util/app-root';

const RIG_PATH = /^\/?rig\/([1-9][0-9]{0,9})$/;

export function defaultRigPath(): string {
  return join(appRoot(), 'resources', 'rigs', 'default-head.glb');
}

export async function serveRig(session: ProjectSession | null, pathname: string): Promise<Response> {
  const m = RIG_PATH.exec(pathname);
  if (!m) return new Response('not a rig address: rig/<shot>', { status: 400 });
  if (!session) return new Response('no project is open', { status: 404 });
  const shot = getShot(session.db, Number(m[1]));
  if (!shot) return new Response(`no shot ${m[1]}`, { status: 404 });
  try {
    const bytes = await readFile(defaultRigPath());
    return new Response(new Uint8Array(bytes), { status: 200, headers: { 'content-type': 'model/gltf-binary', 'cache-control': 'no-cache' } });
  } catch {
    return new Response('the default head rig is missing: run `npm run build:rig`', { status: 404 });
  }
}
