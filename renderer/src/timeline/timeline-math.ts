// Timeline coordinates, in named spaces (as Theatre.js does):
//   frame  — shot frame numbers, first…last
//   unit   — 0…count, one unit per frame cell (frame f spans [f-first, f-first+1))
//   px     — CSS pixels inside the timeline element, with `pad` on each side
// Each frame owns a cell; its tick and the playhead sit at the cell's centre, so clicking
// anywhere in a cell lands on that frame even when cells are many pixels wide.
export interface TimelineSpace {
  first: number;
  last: number;
  width: number;
  pad: number;
}

export function frameCount(s: TimelineSpace): number {
  return Math.max(1, s.last - s.first + 1);
}

export function cellWidth(s: TimelineSpace): number {
  return Math.max(0, s.width - 2 * s.pad) / frameCount(s);
}

/** Centre of a frame's cell in px. */
export function frameToPx(s: TimelineSpace, frame: number): number {
  return s.pad + (frame - s.first + 0.5) * cellWidth(s);
}

/** Frame under a px position, clamped to the shot. */
export function pxToFrame(s: TimelineSpace, px: number): number {
  const cw = cellWidth(s);
  if (cw <= 0) return s.first;
  const unit = Math.floor((px - s.pad) / cw);
  return Math.min(s.last, Math.max(s.first, s.first + unit));
}

const NICE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];

/** Smallest "nice" frame step whose spacing is at least minPx. */
export function tickStep(s: TimelineSpace, minPx: number): number {
  const cw = cellWidth(s);
  if (cw <= 0) return NICE_STEPS[NICE_STEPS.length - 1] ?? 10000;
  return NICE_STEPS.find((n) => n * cw >= minPx) ?? NICE_STEPS[NICE_STEPS.length - 1] ?? 10000;
}

/** Frames that get a ruler tick of the given step (multiples of step, plus nothing else). */
export function ticks(s: TimelineSpace, step: number): number[] {
  const out: number[] = [];
  const start = Math.ceil(s.first / step) * step;
  for (let f = start; f <= s.last; f += step) out.push(f);
  return out;
}

export interface Marker {
  frame: number;
  status: 'warning' | 'missing';
}

/**
 * Merges markers that would overlap at this zoom into one per pixel column, keeping the worst
 * status, so a 5,000-frame shot with many warnings draws a bounded number of ticks.
 */
export function markerColumns(s: TimelineSpace, markers: readonly Marker[]): { px: number; status: Marker['status'] }[] {
  const cols = new Map<number, Marker['status']>();
  for (const m of markers) {
    if (m.frame < s.first || m.frame > s.last) continue;
    const px = Math.round(frameToPx(s, m.frame));
    if (cols.get(px) !== 'missing') cols.set(px, m.status);
  }
  return [...cols].map(([px, status]) => ({ px, status })).sort((a, b) => a.px - b.px);
}
