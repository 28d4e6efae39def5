// The frame address both hosts serve: frame/<shotId>/<rgb|normal>/<frame>[?w=<width>].
// Parsing is strict: anything that is not exactly this shape is refused before any lookup, and
// the file path comes from the shot database, never from the URL, so no path can be smuggled in.
import type { PlateKind } from './schemas';

export interface FrameRequest {
  shotId: number;
  kind: PlateKind;
  frame: number;
  /** Requested width in pixels for a proxy; null for the original. */
  width: number | null;
}

const FRAME_PATH = /^\/?frame\/([1-9][0-9]{0,9})\/(rgb|normal)\/(-?[0-9]{1,9})$/;
export const MAX_PROXY_WIDTH = 8192;

export function formatFramePath(shotId: number, kind: PlateKind, frame: number, width?: number): string {
  const base = `frame/${shotId}/${kind}/${frame}`;
  return width ? `${base}?w=${Math.round(width)}` : base;
}

/** Parses a path and query (from either host's URL); null when it is not a frame request. */
export function parseFramePath(pathname: string, search: URLSearchParams): FrameRequest | null {
  const m = FRAME_PATH.exec(pathname);
  if (!m) return null;
  const w = search.get('w');
  let width: number | null = null;
  if (w !== null) {
    if (!/^[1-9][0-9]{0,4}$/.test(w)) return null;
    width = Math.min(Number(w), MAX_PROXY_WIDTH);
  }
  return { shotId: Number(m[1]), kind: m[2] as PlateKind, frame: Number(m[3]), width };
}
