// Multi-selection of rows as in a file manager: click selects one, Ctrl/Cmd+click toggles one,
// Shift+click selects the run from the anchor (added to the rest with Ctrl too). Pure, so the
// shot browser's batch solve acts on exactly what the user sees highlighted.

export interface Selection {
  /** Selected ids, in the order they were added. */
  ids: readonly number[];
  /** Where a Shift+click range starts. */
  anchor: number | null;
}

export const EMPTY_SELECTION: Selection = { ids: [], anchor: null };

export interface ClickMods {
  shift: boolean;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  toggle: boolean;
}

/** The selection after a click on `id`, given the rows' order on screen. */
export function clickSelect(sel: Selection, order: readonly number[], id: number, mods: ClickMods): Selection {
  if (mods.shift && sel.anchor !== null && order.includes(sel.anchor)) {
    const a = order.indexOf(sel.anchor);
    const b = order.indexOf(id);
    if (b < 0) return sel;
    const run = order.slice(Math.min(a, b), Math.max(a, b) + 1);
    const ids = mods.toggle ? [...sel.ids.filter((x) => !run.includes(x)), ...run] : run;
    return { ids, anchor: sel.anchor };
  }
  if (mods.toggle) {
    const ids = sel.ids.includes(id) ? sel.ids.filter((x) => x !== id) : [...sel.ids, id];
    return { ids, anchor: id };
  }
  return { ids: [id], anchor: id };
}

/** Drops ids no longer listed (a filter changed, a shot went away). */
export function pruneSelection(sel: Selection, visible: readonly number[]): Selection {
  const keep = sel.ids.filter((id) => visible.includes(id));
  if (keep.length === sel.ids.length && (sel.anchor === null || visible.includes(sel.anchor))) return sel;
  return { ids: keep, anchor: sel.anchor !== null && visible.includes(sel.anchor) ? sel.anchor : (keep[keep.length - 1] ?? null) };
}

/** Selected ids in on-screen order (what a batch acts on, and in which order it queues). */
export function selectedInOrder(sel: Selection, order: readonly number[]): number[] {
  const set = new Set(sel.ids);
  return order.filter((id) => set.has(id));
}
