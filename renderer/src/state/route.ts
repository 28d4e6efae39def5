// The view lives in the URL hash (#/ or #/shot/12?f=40), so reload and the back button work and
// the browser host's ?token=… query is never touched.
import { create } from 'zustand';

export type Route = { name: 'shots' } | { name: 'shot'; shotId: number; frame: number | null };

export function parseRoute(hash: string): Route {
  const m = /^#?\/shot\/([1-9][0-9]{0,9})(?:\?f=(-?[0-9]{1,9}))?$/.exec(hash);
  if (!m) return { name: 'shots' };
  return { name: 'shot', shotId: Number(m[1]), frame: m[2] === undefined ? null : Number(m[2]) };
}

export function formatRoute(route: Route): string {
  if (route.name === 'shots') return '#/';
  return `#/shot/${route.shotId}${route.frame === null ? '' : `?f=${route.frame}`}`;
}

interface RouteState {
  route: Route;
}

export const useRoute = create<RouteState>()(() => ({ route: parseRoute(globalThis.location?.hash ?? '') }));

export function navigate(route: Route): void {
  const hash = formatRoute(route);
  if (location.hash !== hash) location.hash = hash;
  useRoute.setState({ route });
}

/** Keeps the store in step with back/forward and hand-edited URLs. */
export function watchRoute(): () => void {
  const onHash = () => useRoute.setState({ route: parseRoute(location.hash) });
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
