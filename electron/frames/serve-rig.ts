// The rig a shot is previewed with, as GLB bytes (both hosts: rig/<shotId>): the one rigForShot
// names (rig/shot-rig.ts), with control names as morph target names, so the renderer previews
// any rig without knowing its original target names. The path comes from the app, never the URL;
// a query (?v=…, cache busting) is ignored.
import { getShot } from '../db/shots';
import type { ProjectSession } from '../project/session';
import { rigForShot, shotRigGlb } from '../rig/shot-rig';

const RIG_PATH = /^\/?rig\/([1-9][0-9]{0,9})(?:\?.*)?$/;

const GLB_HEADERS = { 'content-type': 'model/gltf-binary', 'cache-control': 'no-cache' };

export async function serveRig(session: ProjectSession | null, pathname: string): Promise<Response> {
  const m = RIG_PATH.exec(pathname);
  if (!m) return new Response('not a rig address: rig/<shot>', { status: 400 });
  if (!session) return new Response('no project is open', { status: 404 });
  const shot = getShot(session.db, Number(m[1]));
  if (!shot) return new Response(`no shot ${m[1]}`, { status: 404 });
  const rig = rigForShot(shot);
  try {
    return new Response(new Uint8Array(await shotRigGlb(rig)), { status: 200, headers: GLB_HEADERS });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return new Response(rig.isDefault ? msg : `the shot's rig cannot be loaded: ${msg}`, { status: 404 });
  }
}
