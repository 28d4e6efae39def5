// A take's curves for the renderer, in both hosts (take/<id>/curves; see common/curves/take-blob).
import { encodeTakeCurves, parseTakeCurvesPath } from '../common/curves/take-blob';
import { getShot } from '../db/shots';
import { getTake, readCurves } from '../db/takes';
import type { ProjectSession } from '../project/session';

export function isTakePath(pathname: string): boolean {
  return parseTakeCurvesPath(pathname) !== null;
}

export function serveTakeCurves(session: ProjectSession | null, pathname: string): Response {
  const takeId = parseTakeCurvesPath(pathname);
  if (takeId === null) return new Response('not a take address', { status: 400 });
  if (!session) return new Response('no project is open', { status: 404 });
  const take = getTake(session.db, takeId);
  if (!take || take.state !== 'complete') return new Response(`no complete take ${takeId}`, { status: 404 });
  const shot = getShot(session.db, take.shotId);
  if (!shot || shot.firstFrame === null || shot.lastFrame === null) return new Response('the take has no shot', { status: 404 });
  const curves = readCurves(session.db, takeId);
  const length = shot.lastFrame - shot.firstFrame + 1;
  const body = encodeTakeCurves(
    { takeId, shotId: shot.id, firstFrame: shot.firstFrame, length, controls: [...curves.keys()], failedFrames: take.failedFrames },
    curves,
  );
  return new Response(body, { status: 200, headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, max-age=31536000, immutable' } });
}
