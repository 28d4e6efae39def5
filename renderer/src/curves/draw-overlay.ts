// The overlay layer: keys, tangent handles of the selected keys, playhead, value readouts, box
// selection and the hover readout — everything that changes at pointer or playback rate, drawn
// over the plot without re-rasterising it. Returns the key and handle positions it drew, for hit
// testing.
import { firstKeyAtOrAfter, KEY_MODES, keyMode, type Interp, type KeyMode } from '../../../electron/common/curves/keys';
import type { ChannelDef } from './channels';
import { compareLegend } from './compare-overlay';
import type { CurveModel } from './curve-model';
import { GUTTER_W, RULER_H } from './graph-layout';
import { keyId, normBox, type Box, type KeyPoint } from './selection';
import { GRAPH } from './theme';
import { frameToX, valueToY, visibleRange, xToFrame, yToValue, type GraphView } from './view';

export interface OverlayInput {
  model: CurveModel;
  channels: readonly ChannelDef[];
  colors: Readonly<Record<string, string>>;
  view: GraphView;
  frame: number;
  keySel: ReadonlySet<string>;
  box: Box | null;
  /** Pointer in clipped (plot) px, when over the plot. */
  hover: { x: number; y: number } | null;
  /** What a drag is doing, shown by the pointer ("+3 f  +0.120"). */
  dragLabel: string | null;
  active: string | null;
  previewRaw: boolean;
  /** The compared take's label while a comparison is overlaid (its legend), else null. */
  compareLabel?: string | null;
}

const KEY_R = 4;
/**
 * Keys closer than this on screen are drawn as one (per control; a key is 2·KEY_R + 1 px wide, so
 * closer ones would overlap anyway): a cleaned-up long take has thousands of keys per control,
 * and the overlay is redrawn on every played frame.
 */
export const KEY_CELL = 2 * KEY_R + 1;
/**
 * At most this many keys are drawn: with a hundred keyed controls in view the cell widens so the
 * overlay stays within a frame (every key stays selectable: selection reads the keys themselves).
 */
export const MAX_DRAWN_KEYS = 800;

/**
 * The narrowest cell (px, ≥ KEY_CELL) at which the keys in view, `counts` per control over `width`
 * px, draw as at most MAX_DRAWN_KEYS: a control draws min(its keys, width / cell).
 */
export function keyCell(counts: readonly number[], width: number): number {
  const drawnAt = (cell: number) => counts.reduce((n, k) => n + Math.min(k, Math.ceil(width / cell) + 1), 0);
  if (drawnAt(KEY_CELL) <= MAX_DRAWN_KEYS) return KEY_CELL;
  let lo = KEY_CELL;
  let hi = Math.max(KEY_CELL, width);
  while (drawnAt(hi) > MAX_DRAWN_KEYS && hi < 1e9) hi *= 2;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (drawnAt(mid) > MAX_DRAWN_KEYS) lo = mid;
    else hi = mid;
  }
  return hi;
}
/** Length of a tangent handle on screen (px), as in Maya, whatever the zoom. */
export const HANDLE_LEN = 36;
/** Handles are drawn for at most this many selected keys (a box over a dense region selects thousands). */
const MAX_HANDLE_KEYS = 200;

/** A tangent handle's end, in clipped (plot) px. */
export interface HandlePoint {
  control: string;
  frame: number;
  side: 'in' | 'out';
  /** The key's position. */
  kx: number;
  ky: number;
  x: number;
  y: number;
}

export interface OverlayPoints {
  keys: KeyPoint[];
  handles: HandlePoint[];
}

/**
 * The end of a handle at `slope` (final-curve units per frame) from a key at (kx, ky): HANDLE_LEN
 * px along the tangent, to the left for the in side and the right for the out side.
 */
export function handleEnd(view: GraphView, kx: number, ky: number, slope: number, side: 'in' | 'out'): { x: number; y: number } {
  const dx = view.pxPerFrame;
  const dy = -slope * view.pxPerValue;
  const len = Math.hypot(dx, dy) || 1;
  const s = side === 'in' ? -1 : 1;
  return { x: kx + (s * HANDLE_LEN * dx) / len, y: ky + (s * HANDLE_LEN * dy) / len };
}

/** Pose keys are filled, offset keys hollow: which kind of key it is shows on the curve. */
function keyFillFor(mode: KeyMode, fill: string): string {
  return mode === 'pose' ? fill : GRAPH.keyHollow;
}

/** Adds a key's shape to the current path (a subpath of its own). */
function keyShape(ctx: CanvasRenderingContext2D, x: number, y: number, interp: Interp, r: number): void {
  if (interp === 'smooth') {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
  } else if (interp === 'linear') {
    ctx.moveTo(x, y - r - 1);
    ctx.lineTo(x + r + 1, y);
    ctx.lineTo(x, y + r + 1);
    ctx.lineTo(x - r - 1, y);
    ctx.closePath();
  } else ctx.rect(x - r, y - r, 2 * r, 2 * r);
}

export function drawOverlay(ctx: CanvasRenderingContext2D, inp: OverlayInput): OverlayPoints {
  const { model, view } = inp;
  const points: KeyPoint[] = [];
  const handles: HandlePoint[] = [];
  const range = visibleRange(view);
  ctx.save();
  ctx.beginPath();
  ctx.rect(GUTTER_W, RULER_H, view.width, view.height);
  ctx.clip();
  ctx.translate(GUTTER_W, RULER_H);

  // Playhead through the plot.
  const px = Math.round(frameToX(view, inp.frame)) + 0.5;
  ctx.fillStyle = GRAPH.playhead;
  ctx.fillRect(px - 0.75, 0, 1.5, view.height);

  // Where each drawn curve crosses the playhead.
  if (inp.channels.length <= 24) {
    for (const c of inp.channels) {
      const y = valueToY(view, model.finalAt(c.index, inp.frame));
      ctx.fillStyle = inp.colors[c.name] ?? '#ccc';
      ctx.beginPath();
      ctx.arc(px, y, c.name === inp.active ? 3.5 : 2.5, 0, Math.PI * 2);
      ctx.fill();
    }
  }

  // Keys, unselected under selected.
  const selected: { p: KeyPoint; interp: Interp; mode: KeyMode; index: number; c: number }[] = [];
  ctx.lineWidth = 1;
  // Each control's keys in view (binary search), and how far apart drawn keys must be.
  const spans = inp.channels.map((c) => {
    const keys = model.keysOf(c.name);
    return { c, keys, from: firstKeyAtOrAfter(keys, range.frame0 - 1), to: firstKeyAtOrAfter(keys, Math.floor(range.frame1 + 1) + 1) };
  });
  const cell = keyCell(
    spans.map((s) => s.to - s.from),
    view.width,
  );
  // Unselected keys go into one path per fill (pose, offset): one fill and one stroke each.
  const plain: Record<KeyMode, { p: KeyPoint; interp: Interp }[]> = { pose: [], offset: [] };
  for (const { c, keys, from, to } of spans) {
    let lastX = -Infinity;
    for (let index = from; index < to; index++) {
      const k = keys[index]!;
      const x = frameToX(view, k.frame);
      if (x - lastX < cell) {
        // Too close to the key drawn last: jump to the first key a cell on (binary search).
        index = Math.max(index + 1, firstKeyAtOrAfter(keys, Math.ceil(xToFrame(view, lastX + cell)))) - 1;
        continue;
      }
      lastX = x;
      const p: KeyPoint = {
        id: keyId(c.name, k.frame),
        control: c.name,
        frame: k.frame,
        x,
        y: valueToY(view, model.finalAt(c.index, k.frame)),
      };
      points.push(p);
      if (inp.keySel.has(p.id)) {
        selected.push({ p, interp: k.interp, mode: keyMode(k), index, c: c.index });
        continue;
      }
      plain[keyMode(k)].push({ p, interp: k.interp });
    }
  }
  for (const mode of KEY_MODES) {
    if (plain[mode].length === 0) continue;
    ctx.beginPath();
    for (const { p, interp } of plain[mode]) keyShape(ctx, p.x, p.y, interp, KEY_R);
    ctx.fillStyle = keyFillFor(mode, GRAPH.keyFill);
    ctx.fill();
    ctx.strokeStyle = GRAPH.keyStroke;
    ctx.stroke();
  }
  if (selected.length <= MAX_HANDLE_KEYS) drawHandles(ctx, inp, selected, handles);
  for (const { p, interp, mode } of selected) {
    ctx.beginPath();
    keyShape(ctx, p.x, p.y, interp, KEY_R + 0.5);
    ctx.fillStyle = keyFillFor(mode, GRAPH.keySelFill);
    ctx.fill();
    ctx.strokeStyle = GRAPH.keySelStroke;
    ctx.stroke();
  }

  if (inp.box) {
    const b = normBox(inp.box);
    ctx.fillStyle = GRAPH.boxFill;
    ctx.fillRect(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
    ctx.strokeStyle = GRAPH.boxStroke;
    ctx.setLineDash([4, 3]);
    ctx.strokeRect(Math.round(b.x0) + 0.5, Math.round(b.y0) + 0.5, Math.round(b.x1 - b.x0), Math.round(b.y1 - b.y0));
    ctx.setLineDash([]);
  }

  ctx.font = GRAPH.font;
  if (inp.hover && inp.dragLabel === null) {
    const f = Math.round(xToFrame(view, inp.hover.x));
    const v = yToValue(view, inp.hover.y);
    label(ctx, `${f}  ${v.toFixed(3)}`, view.width - 6, view.height - 22, 'right', GRAPH.readoutDim);
  }
  if (inp.dragLabel && inp.hover) label(ctx, inp.dragLabel, inp.hover.x + 14, inp.hover.y - 12, 'left', GRAPH.readoutText);

  // The active control's values at the playhead, top left.
  const a = inp.active ? model.indexOf(inp.active) : -1;
  if (a >= 0 && inp.channels.some((c) => c.index === a)) {
    const fin = model.finalAt(a, inp.frame);
    const raw = model.rawAt(a, inp.frame);
    const corr = fin - model.filteredAt(a, inp.frame);
    const text = `${inp.active}  ${fin.toFixed(3)}   raw ${raw.toFixed(3)}   corr ${corr >= 0 ? '+' : ''}${corr.toFixed(3)}`;
    label(ctx, text, 6, 6, 'left', GRAPH.readoutText, inp.colors[inp.active ?? ''] ?? null);
  }
  if (inp.compareLabel && inp.channels.length > 0) label(ctx, compareLegend(inp.compareLabel), 6, view.height - 22, 'left', GRAPH.readoutText);
  if (inp.previewRaw) label(ctx, 'PREVIEW: RAW SOLVE (B)', view.width - 6, 6, 'right', GRAPH.playhead);
  if (inp.channels.length === 0) {
    ctx.font = GRAPH.fontBold;
    ctx.fillStyle = GRAPH.readoutDim;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('Select controls in the list (or click the head) to see their curves', view.width / 2, view.height / 2);
  }
  ctx.restore();

  // Playhead flag on the ruler.
  const rx = GUTTER_W + px;
  if (rx >= GUTTER_W && rx <= GUTTER_W + view.width) {
    const text = String(inp.frame);
    ctx.font = GRAPH.font;
    const w = ctx.measureText(text).width + 8;
    const left = Math.min(Math.max(GUTTER_W, rx - w / 2), GUTTER_W + view.width - w);
    ctx.fillStyle = GRAPH.playhead;
    ctx.fillRect(left, 2, w, 15);
    ctx.fillRect(rx - 0.75, 16, 1.5, RULER_H - 16);
    ctx.fillStyle = GRAPH.playheadText;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, left + w / 2, 10);
  }
  return { keys: points, handles };
}

/**
 * The selected keys' tangent handles, on the final curve: each side's slope is the correction's
 * (its tangent, keys.keySlopes) plus the filtered solve's there. A step out tangent has none.
 */
function drawHandles(
  ctx: CanvasRenderingContext2D,
  inp: OverlayInput,
  selected: readonly { p: KeyPoint; index: number; c: number }[],
  out: HandlePoint[],
): void {
  const slopes = new Map<string, ReturnType<CurveModel['slopesOf']>>();
  ctx.strokeStyle = GRAPH.handleLine;
  ctx.lineWidth = 1;
  for (const { p, index, c } of selected) {
    let s = slopes.get(p.control);
    if (!s) slopes.set(p.control, (s = inp.model.slopesOf(p.control)));
    const under = inp.model.filteredSlopeAt(c, p.frame);
    for (const side of ['in', 'out'] as const) {
      if (side === 'out' && s.step[index]) continue;
      const slope = (side === 'in' ? s.in[index]! : s.out[index]!) + under;
      const end = handleEnd(inp.view, p.x, p.y, slope, side);
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      ctx.lineTo(end.x, end.y);
      ctx.stroke();
      ctx.fillStyle = GRAPH.handleEnd;
      ctx.fillRect(end.x - 2.5, end.y - 2.5, 5, 5);
      out.push({ control: p.control, frame: p.frame, side, kx: p.x, ky: p.y, x: end.x, y: end.y });
    }
  }
}

function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, align: 'left' | 'right', color: string, swatch: string | null = null): void {
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  const w = ctx.measureText(text).width + 10 + (swatch ? 10 : 0);
  const left = align === 'right' ? x - w : x;
  ctx.fillStyle = GRAPH.readoutBg;
  ctx.fillRect(left, y, w, 16);
  if (swatch) {
    ctx.fillStyle = swatch;
    ctx.fillRect(left + 5, y + 5, 6, 6);
  }
  ctx.fillStyle = color;
  ctx.fillText(text, left + 5 + (swatch ? 10 : 0), y + 3);
}
