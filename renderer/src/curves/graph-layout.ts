// Where things sit in the graph element (CSS px): a frame ruler on top (also the scrub bar), a
// value gutter on the left, the plot in the rest. The view's clipped space is the plot's.
export const RULER_H = 22;
export const GUTTER_W = 48;

export interface PlotRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function plotRect(width: number, height: number): PlotRect {
  return { x: GUTTER_W, y: RULER_H, width: Math.max(1, width - GUTTER_W), height: Math.max(1, height - RULER_H) };
}

export type Zone = 'ruler' | 'gutter' | 'plot';

export function zoneAt(x: number, y: number): Zone {
  if (y < RULER_H) return 'ruler';
  if (x < GUTTER_W) return 'gutter';
  return 'plot';
}
