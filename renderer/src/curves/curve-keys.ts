// The curve editor's keys, as a pure function of the key event (tested, and listed in the help
// overlay from one table). They sit beside the shot view's transport keys, which they leave
// alone: Space, Left/Right, Home/End and 1/2/3 (plate modes) keep their meaning, so
// interpolation is on Alt+1/2/3 and nudging keys in time on Alt+Left/Right (Up/Down nudge values).
import type { Interp } from '../../../electron/common/curves/keys';
import type { KeyLike } from '../keyboard';

export type CurveAction =
  | { type: 'setKey' }
  | { type: 'deleteKeys' }
  | { type: 'frameAll' }
  | { type: 'frameSelection' }
  | { type: 'toggleAB' }
  | { type: 'copy' }
  | { type: 'paste'; mirror: boolean }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'interp'; interp: Interp }
  | { type: 'selectAllKeys' }
  | { type: 'nudge'; dFrame: number; dValue: number }
  | { type: 'cancel' };

/** A value nudge (Up/Down); Shift: ten times as far, as Shift+Left/Right steps ten frames. */
export const NUDGE_VALUE = 0.01;

const INTERP_BY_DIGIT: Readonly<Record<string, Interp>> = { Digit1: 'smooth', Digit2: 'linear', Digit3: 'step' };

export function curveKeyAction(e: KeyLike & { code?: string }): CurveAction | null {
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (ctrl && !e.altKey) {
    if (key === 'z') return e.shiftKey ? { type: 'redo' } : { type: 'undo' };
    if (key === 'y' && !e.shiftKey) return { type: 'redo' };
    if (key === 'c' && !e.shiftKey) return { type: 'copy' };
    if (key === 'v') return { type: 'paste', mirror: e.shiftKey };
    if (key === 'a' && !e.shiftKey) return { type: 'selectAllKeys' };
    return null;
  }
  const far = e.shiftKey ? 10 : 1;
  if (e.altKey && !ctrl && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) return { type: 'nudge', dFrame: e.key === 'ArrowLeft' ? -far : far, dValue: 0 };
  if (!e.altKey && !ctrl && (e.key === 'ArrowUp' || e.key === 'ArrowDown'))
    return { type: 'nudge', dFrame: 0, dValue: (e.key === 'ArrowUp' ? 1 : -1) * far * NUDGE_VALUE };
  if (e.altKey && !ctrl) {
    // e.code: on a Mac Alt+1 types '¡', so the key itself is not the digit.
    const digit = e.code && INTERP_BY_DIGIT[e.code] ? e.code : `Digit${e.key}`;
    const interp = INTERP_BY_DIGIT[digit];
    return interp ? { type: 'interp', interp } : null;
  }
  if (ctrl || e.altKey) return null;
  switch (key) {
    case 's':
      return e.shiftKey ? null : { type: 'setKey' };
    case 'a':
      return e.shiftKey ? null : { type: 'frameAll' };
    case 'f':
      return e.shiftKey ? null : { type: 'frameSelection' };
    case 'b':
      return e.shiftKey ? null : { type: 'toggleAB' };
    case 'Delete':
    case 'Backspace':
      return { type: 'deleteKeys' };
    case 'Escape':
      return { type: 'cancel' };
    default:
      return null;
  }
}

/** The help overlay's rows for the curve editor. */
export const CURVE_KEYS: readonly [keys: string, what: string][] = [
  ['S', 'Set a key at the playhead on the shown controls'],
  ['Drag a key', 'Move it (Shift: one axis only; Esc cancels)'],
  ['Drag a tangent handle', 'Shape the curve through the selected key (its tangents become Fixed; Broken shapes in and out apart)'],
  ['Key field (Inspector)', 'Type a frame, value or final value; +=, -=, *=, /= change each selected key from its own'],
  ['Drag empty space', 'Box-select keys (Shift adds, Ctrl toggles)'],
  ['Ctrl + A', 'Select every key of the shown controls (◆ in the list: every key of a region)'],
  ['Up / Down', 'Nudge the selected keys’ values by 0.01 (Shift: 0.1)'],
  ['Alt + Left / Right', 'Nudge the selected keys a frame (Shift: 10)'],
  ['Delete', 'Delete the selected keys'],
  ['Ctrl + C / Ctrl + V', 'Copy keys / paste them at the playhead'],
  ['Ctrl + Shift + V', 'Paste mirrored onto the left/right twins'],
  ['Alt + 1 / 2 / 3', 'Selected keys: smooth (auto) / linear / stepped out tangents'],
  ['F / A', 'Frame the selected keys / frame all curves'],
  ['Wheel', 'Zoom time (Ctrl or Alt + wheel: zoom values)'],
  ['Middle-drag, Alt + drag', 'Pan (Alt + right-drag zooms)'],
  ['B', 'Head preview: final curves / raw solve (A/B)'],
  ['Ctrl + Z / Ctrl + Shift + Z, Ctrl + Y', 'Undo / redo'],
];
