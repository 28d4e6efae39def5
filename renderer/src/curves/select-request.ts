// The head preview's "select these controls" request: a window event (so neither side imports
// the other), read defensively since anything may dispatch it.

/** The head preview's request (renderer/src/preview/select-controls.ts dispatches it). */
export const SELECT_CONTROLS_EVENT = 'rigsolve:select-controls';

/** The request's controls and primary control, or null for anything else. */
export function readSelectRequest(e: Event): { controls: string[]; primary: string | undefined } | null {
  const detail: unknown = (e as CustomEvent<unknown>).detail;
  if (typeof detail !== 'object' || detail === null) return null;
  const d = detail as { controls?: unknown; primary?: unknown };
  if (!Array.isArray(d.controls) || !d.controls.every((c) => typeof c === 'string')) return null;
  return { controls: d.controls as string[], primary: typeof d.primary === 'string' ? d.primary : undefined };
}
