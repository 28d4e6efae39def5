// A take's raw curves, fetched as one binary payload beside the frames (take/<id>/curves) and
// kept for the last few takes: a comparison flips between the same two or three.
import { decodeTakeCurves, takeCurvesPath, type TakeCurves } from '../../../electron/common/curves/take-blob';
import { api } from '../api/current';
import { ApiCallError } from '../api/errors';

const KEEP = 4;
const cache = new Map<number, Promise<TakeCurves>>();

export function loadTakeCurves(takeId: number): Promise<TakeCurves> {
  const hit = cache.get(takeId);
  if (hit) {
    cache.delete(takeId);
    cache.set(takeId, hit);
    return hit;
  }
  const p = fetch(api().dataUrl(takeCurvesPath(takeId)), { credentials: 'same-origin' }).then(async (r) => {
    if (!r.ok)
      throw new ApiCallError(
        r.status === 404 ? 'notFound' : 'internal',
        `Cannot load the curves of take ${takeId} (${r.status} ${(await r.text()).slice(0, 200)})`,
      );
    return decodeTakeCurves(await r.arrayBuffer());
  });
  p.catch(() => cache.delete(takeId));
  cache.set(takeId, p);
  while (cache.size > KEEP) cache.delete(cache.keys().next().value as number);
  return p;
}
