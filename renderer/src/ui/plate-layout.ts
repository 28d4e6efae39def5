// Plate layout maths: where panes go and which proxy width to ask the host for. The plate is drawn "contain"-fitted, so the pixels
// needed are the fitted width × devicePixelRatio; rounding up to a few fixed buckets means a
// small window resize reuses the cache instead of refetching every frame.
export const PROXY_BUCKETS = [256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096] as const;

export interface Size {
  width: number;
  height: number;
}

/** Largest rectangle of the source's aspect that fits in the box, centred (CSS pixels). */
export function fitContain(source: Size, box: Size): { x: number; y: number; width: number; height: number } {
  if (source.width <= 0 || source.height <= 0 || box.width <= 0 || box.height <= 0) {
    return { x: 0, y: 0, width: 0, height: 0 };
  }
  const scale = Math.min(box.width / source.width, box.height / source.height);
  const width = source.width * scale;
  const height = source.height * scale;
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height };
}

/**
 * The `w` to request: the smallest bucket at least as wide as the drawn width in device pixels.
 * Returns undefined (the original file) when that would be as wide as the source anyway, so no
 * proxy wider than the original is ever asked for.
 */
export function proxyWidth(drawnCssWidth: number, devicePixelRatio: number, sourceWidth: number | null): number | undefined {
  const needed = Math.max(1, drawnCssWidth) * Math.max(1, devicePixelRatio);
  const bucket = PROXY_BUCKETS.find((b) => b >= needed) ?? PROXY_BUCKETS[PROXY_BUCKETS.length - 1];
  if (sourceWidth !== null && bucket !== undefined && bucket >= sourceWidth) return undefined;
  return bucket;
}

/** Side-by-side splits the plate area into two panes with a gap between them. */
export const PANE_GAP = 4;
/** Breathing room between the plate and the viewer's edges (CSS px). */
export const PLATE_MARGIN = 10;

export function paneBoxes(area: Size, panes: 1 | 2): { x: number; y: number; width: number; height: number }[] {
  if (panes === 1) return [{ x: 0, y: 0, width: area.width, height: area.height }];
  const w = Math.max(0, (area.width - PANE_GAP) / 2);
  return [
    { x: 0, y: 0, width: w, height: area.height },
    { x: w + PANE_GAP, y: 0, width: w, height: area.height },
  ];
}

/** The panes inside the viewer, margin included (CSS px); the end-to-end test uses it too. */
export function plateBoxes(viewer: Size, panes: 1 | 2): { x: number; y: number; width: number; height: number }[] {
  const inner = { width: Math.max(0, viewer.width - 2 * PLATE_MARGIN), height: Math.max(0, viewer.height - 2 * PLATE_MARGIN) };
  return paneBoxes(inner, panes).map((b) => ({ ...b, x: b.x + PLATE_MARGIN, y: b.y + PLATE_MARGIN }));
}
