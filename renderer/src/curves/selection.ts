// Selection, as an outliner and a graph editor do it: pure functions over sets of names / key ids.
import { firstKeyAtOrAfter } from '../../../electron/common/curves/keys';

/** A key is identified by its control and frame (a control has at most one key per frame). */
export function keyId(control: string, frame: number): string {
  return `${control}@${frame}`;
}

export function parseKeyId(id: string): { control: string; frame: number } {
  const at = id.lastIndexOf('@');
  return { control: id.slice(0, at), frame: Number(id.slice(at + 1)) };
}

/** Selected frames per control. */
export function byControl(ids: Iterable<string>): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const id of ids) {
    const { control, frame } = parseKeyId(id);
    let s = out.get(control);
    if (!s) out.set(control, (s = new Set()));
    s.add(frame);
  }
  return out;
}

export type SelectMode = 'replace' | 'add' | 'toggle';

/** Shift adds, Ctrl/Cmd toggles, a plain click replaces: Maya's and Blender's modifiers. */
export function selectMode(e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): SelectMode {
  return e.ctrlKey || e.metaKey ? 'toggle' : e.shiftKey ? 'add' : 'replace';
}

export function applySelection(current: ReadonlySet<string>, ids: Iterable<string>, mode: SelectMode): Set<string> {
  if (mode === 'replace') return new Set(ids);
  const next = new Set(current);
  for (const id of ids) {
    if (mode === 'toggle' && next.has(id)) next.delete(id);
    else next.add(id);
  }
  return next;
}

/**
 * A click on a channel row: plain replaces, Ctrl toggles, Shift extends from the anchor (the
 * last plainly clicked row) through `ordered` (the list as shown).
 */
export function clickChannel(selected: readonly string[], anchor: string | null, name: string, mode: SelectMode, ordered: readonly string[]): string[] {
  if (mode === 'toggle') return selected.includes(name) ? selected.filter((n) => n !== name) : [...selected, name];
  if (mode === 'add' && anchor !== null) {
    const a = ordered.indexOf(anchor);
    const b = ordered.indexOf(name);
    if (a >= 0 && b >= 0) {
      const range = ordered.slice(Math.min(a, b), Math.max(a, b) + 1);
      return [...selected.filter((n) => !range.includes(n)), ...range];
    }
  }
  return [name];
}

export interface KeyPoint {
  id: string;
  control: string;
  frame: number;
  /** Clipped CSS px. */
  x: number;
  y: number;
}

/** The key nearest (x, y) within `radius` px, preferring selected keys on ties (they are on top). */
export function hitKey(points: readonly KeyPoint[], x: number, y: number, radius: number, selected: ReadonlySet<string>): KeyPoint | null {
  let best: KeyPoint | null = null;
  let bestD = radius * radius;
  for (const p of points) {
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d < bestD || (d === bestD && best !== null && selected.has(p.id) && !selected.has(best.id))) {
      best = p;
      bestD = d;
    }
  }
  return best;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function normBox(b: Box): Box {
  return { x0: Math.min(b.x0, b.x1), y0: Math.min(b.y0, b.y1), x1: Math.max(b.x0, b.x1), y1: Math.max(b.y0, b.y1) };
}

/** What box selection reads: each shown control's keys (sorted by frame) and where a key is on screen. */
export interface KeyLayout {
  keysOf(control: string): readonly { frame: number }[];
  /** The frame at an x (clipped px). */
  frameAt(x: number): number;
  y(control: string, frame: number): number;
}

/**
 * Every key of `controls` inside a box (any drag direction), read from the keys themselves, not
 * from what the overlay drew (it draws one key per few pixels where they are dense): the frames
 * under the box by binary search, then each key's y.
 */
export function keysInBox(controls: readonly string[], layout: KeyLayout, box: Box): string[] {
  const b = normBox(box);
  const f0 = Math.ceil(layout.frameAt(b.x0) - 1e-9);
  const f1 = Math.floor(layout.frameAt(b.x1) + 1e-9);
  const ids: string[] = [];
  for (const control of controls) {
    const keys = layout.keysOf(control);
    for (let i = firstKeyAtOrAfter(keys, f0); i < keys.length && keys[i]!.frame <= f1; i++) {
      const f = keys[i]!.frame;
      const y = layout.y(control, f);
      if (y >= b.y0 && y <= b.y1) ids.push(keyId(control, f));
    }
  }
  return ids;
}

/**
 * The curve under the pointer: the drawn channel whose value at the pointer's frame is within
 * `radius` px of it (nearest wins). `yAt` gives a channel's y at that frame.
 */
export function hitCurve(names: readonly string[], yAt: (name: string) => number, y: number, radius: number): string | null {
  let best: string | null = null;
  let bestD = radius;
  for (const n of names) {
    const d = Math.abs(yAt(n) - y);
    if (d <= bestD) {
      best = n;
      bestD = d;
    }
  }
  return best;
}
