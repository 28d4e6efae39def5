// The solver's square crop, in plate pixels (the space shot.setCrop stores), and the maths of
// the overlay that edits it: a centred default, clamping to the plate, moving, and resizing from a
// corner while staying square (the opposite corner stays put, as in every DCC crop tool).
import type { CropRect } from '../../../electron/common/api/schemas';

export interface PlateSize {
  width: number;
  height: number;
}

export type Corner = 'nw' | 'ne' | 'sw' | 'se';
export const CORNERS: readonly Corner[] = ['nw', 'ne', 'sw', 'se'];

/** Smallest crop side: below this the solver would upscale noise, and the handles overlap. */
export function minCropSize(p: PlateSize): number {
  return Math.max(8, Math.round(Math.min(p.width, p.height) * 0.05));
}

/** What the solver uses when no crop is stored: the largest centred square (as solver/decode). */
export function defaultCrop(p: PlateSize): CropRect {
  const size = Math.max(1, Math.min(p.width, p.height));
  return { x: Math.floor((p.width - size) / 2), y: Math.floor((p.height - size) / 2), size };
}

/** Inside the plate, at least the minimum size, whole pixels. */
export function clampCrop(c: CropRect, p: PlateSize): CropRect {
  const max = Math.max(1, Math.min(p.width, p.height));
  const size = Math.round(Math.min(max, Math.max(Math.min(minCropSize(p), max), c.size)));
  const x = Math.round(Math.min(p.width - size, Math.max(0, c.x)));
  const y = Math.round(Math.min(p.height - size, Math.max(0, c.y)));
  return { x, y, size };
}

/** The crop dragged by (dx, dy) plate pixels from where the drag started; stops at the edges. */
export function moveCrop(start: CropRect, dx: number, dy: number, p: PlateSize): CropRect {
  return clampCrop({ x: start.x + dx, y: start.y + dy, size: start.size }, p);
}

/**
 * The crop resized by dragging `corner` by (dx, dy) from where the drag started. The opposite
 * corner is the anchor; the side follows whichever pointer axis moved further outward, so the
 * square tracks the pointer, and it is limited by the plate edges on the anchor's far side.
 */
export function resizeCrop(start: CropRect, corner: Corner, dx: number, dy: number, p: PlateSize): CropRect {
  const east = corner === 'ne' || corner === 'se';
  const south = corner === 'sw' || corner === 'se';
  const ax = east ? start.x : start.x + start.size;
  const ay = south ? start.y : start.y + start.size;
  const grow = Math.max(east ? dx : -dx, south ? dy : -dy);
  const room = Math.min(east ? p.width - ax : ax, south ? p.height - ay : ay);
  const min = Math.min(minCropSize(p), room);
  const size = Math.round(Math.max(min, Math.min(room, start.size + grow)));
  return { x: Math.round(east ? ax : ax - size), y: Math.round(south ? ay : ay - size), size };
}

export function sameCrop(a: CropRect | null, b: CropRect | null): boolean {
  if (a === null || b === null) return a === b;
  return a.x === b.x && a.y === b.y && a.size === b.size;
}

/** Where the plate image is drawn on screen (CSS px) for one pane. */
export interface ImageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The crop in screen px inside an image rect showing a plate of size p. */
export function cropToScreen(c: CropRect, rect: ImageRect, p: PlateSize): ImageRect {
  const s = p.width > 0 ? rect.width / p.width : 0;
  return { x: rect.x + c.x * s, y: rect.y + c.y * s, width: c.size * s, height: c.size * s };
}

/** Screen px per plate pixel in an image rect (for turning a pointer delta into plate pixels). */
export function plateScale(rect: ImageRect, p: PlateSize): number {
  return p.width > 0 ? rect.width / p.width : 1;
}
