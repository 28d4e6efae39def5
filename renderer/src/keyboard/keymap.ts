// Keyboard map of the shot view, as a pure function of the key event so it can be tested and
// listed in the help overlay from one table.
import type { PlateMode } from '../state/playhead';

export type ShotAction =
  | { type: 'togglePlay' }
  | { type: 'step'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'mode'; mode: PlateMode }
  | { type: 'back' }
  | { type: 'help' }
  // Solving and review (renderer/src/review/feature-keys.ts runs them).
  | { type: 'cropOverlay' }
  | { type: 'reviewMode' }
  | { type: 'markIn' }
  | { type: 'markOut' }
  | { type: 'jumpNote'; dir: 1 | -1 }
  | { type: 'addNote' };

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Physical key (KeyboardEvent.code): Alt+letter gives other characters in `key` on macOS. */
  code?: string;
}

/** Null for keys the shot view does not handle (they keep their default behaviour). */
export function shotKeyAction(e: KeyLike): ShotAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case ' ':
      return { type: 'togglePlay' };
    case 'ArrowRight':
      return { type: 'step', delta: e.shiftKey ? 10 : 1 };
    case 'ArrowLeft':
      return { type: 'step', delta: e.shiftKey ? -10 : -1 };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case '1':
      return { type: 'mode', mode: 'rgb' };
    case '2':
      return { type: 'mode', mode: 'normal' };
    case '3':
      return { type: 'mode', mode: 'side' };
    case 'Escape':
      return { type: 'back' };
    case '?':
      return { type: 'help' };
    case 'c':
    case 'C':
      return e.shiftKey ? null : { type: 'cropOverlay' };
    case 'r':
    case 'R':
      return e.shiftKey ? null : { type: 'reviewMode' };
    case 'i':
    case 'I':
      return e.shiftKey ? null : { type: 'markIn' };
    case 'o':
    case 'O':
      return e.shiftKey ? null : { type: 'markOut' };
    case 'n':
    case 'N':
      return { type: 'jumpNote', dir: e.shiftKey ? -1 : 1 };
    case 'm':
    case 'M':
      return e.shiftKey ? null : { type: 'addNote' };
    default:
      return null;
  }
}

/** The help overlay's rows. */
export const SHOT_KEYS: readonly [keys: string, what: string][] = [
  ['Space', 'Play / pause at the shot’s frame rate'],
  ['← / →', 'Previous / next frame'],
  ['Shift + ← / →', 'Back / forward 10 frames'],
  ['Home / End', 'First / last frame'],
  ['1 / 2 / 3', 'RGB / Normal / Side-by-side'],
  ['Esc', 'Back to the shot browser'],
  ['?', 'Show / hide this list'],
];

/** The help overlay's solve and review rows. */
export const REVIEW_KEYS: readonly [keys: string, what: string][] = [
  ['C', 'Show / hide the solver’s crop on the plate'],
  ['R', 'Review mode: plate and head side by side, notes'],
  ['I / O', 'Mark in / out (the range of a new note); Shift+drag on the timeline too'],
  ['M', 'Write a note on the marked range (or the current frame)'],
  ['N / Shift + N', 'Next / previous note'],
  ['Esc', 'Clear the marks (then, again, back to the shots)'],
];

/** Typing in a field must not scrub the shot. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'range', 'submit'].includes(type);
}

// ---- Head preview ------------------------------------------------------------------------------
// Behind Alt: the bare letters and digits already belong to the shot view, the curve editor and
// the review (1/2/3, F, A, B, R, N, I, O, S…).

export type PreviewAction = { type: 'previewToggle'; what: 'overlay' | 'wireframe' | 'normals' | 'plateCamera' | 'stabilise' } | { type: 'previewReset' };

/** Alt + W / N / O / C / S / 0 (or .), matched on the physical key; null for anything else. */
export function previewKeyAction(e: KeyLike): PreviewAction | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const k = e.code ?? '';
  const key = e.key.toLowerCase();
  if (k === 'KeyW' || (!k && key === 'w')) return { type: 'previewToggle', what: 'wireframe' };
  if (k === 'KeyN' || (!k && key === 'n')) return { type: 'previewToggle', what: 'normals' };
  if (k === 'KeyO' || (!k && key === 'o')) return { type: 'previewToggle', what: 'overlay' };
  if (k === 'KeyC' || (!k && key === 'c')) return { type: 'previewToggle', what: 'plateCamera' };
  if (k === 'KeyS' || (!k && key === 's')) return { type: 'previewToggle', what: 'stabilise' };
  if (['Digit0', 'Numpad0', 'Period', 'NumpadDecimal'].includes(k) || (!k && (key === '0' || key === '.'))) return { type: 'previewReset' };
  return null;
}

/** The help overlay's head-preview rows. */
export const PREVIEW_KEYS: readonly [keys: string, what: string][] = [
  ['Alt + O', 'Overlay on the plate / beside it'],
  ['Alt + C', "Plate camera: the head through the plate's camera, moved by the take's head channels"],
  ['Alt + S', 'Stabilise: the plate held still on the face by the solved head motion'],
  ['Alt + W', 'Wireframe'],
  ['Alt + N', 'Normal shading (camera-space normals)'],
  ['Alt + 0', 'Reset the view'],
  ['Drag / wheel', 'Orbit (right-drag pans)'],
  ['Click', 'Select the controls of the region under the cursor (Shift: both sides)'],
];
