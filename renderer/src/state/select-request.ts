// The head preview's "select these controls" request to the curve editor: a click on the face
// suggests a selection, and the editor (which owns its selection) applies it. A typed store in
// state/, so neither feature imports the other and both sides are checked by the compiler.
import { create } from 'zustand';

export interface SelectControlsRequest {
  /** Controls to select, in control order. */
  readonly controls: readonly string[];
  /** The control that moves the clicked vertex most (the one to scroll to / focus). */
  readonly primary: string;
  readonly source: 'head-preview';
}

/** The latest request; a new object per request, so asking twice for the same controls applies twice. */
export const useSelectRequest = create<{ request: SelectControlsRequest | null }>()(() => ({ request: null }));

export function requestSelectControls(controls: readonly string[], primary: string): void {
  useSelectRequest.setState({ request: { controls: [...controls], primary, source: 'head-preview' } });
}

/** Calls `apply` with each request made from now on; returns the unsubscribe. */
export function onSelectRequest(apply: (r: SelectControlsRequest) => void): () => void {
  return useSelectRequest.subscribe((s, prev) => {
    if (s.request && s.request !== prev.request) apply(s.request);
  });
}
