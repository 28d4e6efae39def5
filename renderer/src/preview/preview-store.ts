// The preview's view toggles. In a store (not component state) so the window keys, the toolbar
// and the test hook all change the same thing, and the choice survives switching panels.
import { create } from 'zustand';

export interface PreviewState {
  overlay: boolean;
  /** Head opacity over the plate, 0..1 (the Mix overlay; Diff lays the head in whole). */
  opacity: number;
  wireframe: boolean;
  normals: boolean;
  /** Render through the plate's camera with the take's head motion ("Plate camera"): the head in register with the plate. */
  plateCamera: boolean;
  /** Show the plate stabilised by the solved head motion (the face still, the world moving); the head at rest over it. */
  stabilise: boolean;
  /** How the head is laid on the plate: mixed at `opacity`, or their difference (black where they agree). */
  overlayMode: OverlayMode;
  /** Bumped by "reset view": the view listens for the change. */
  resets: number;
}

export type OverlayMode = 'mix' | 'difference';

export const usePreviewStore = create<PreviewState>()(() => ({
  overlay: false,
  opacity: 0.6,
  wireframe: false,
  normals: false,
  plateCamera: false,
  stabilise: false,
  overlayMode: 'mix',
  resets: 0,
}));

export type PreviewToggle = 'overlay' | 'wireframe' | 'normals' | 'plateCamera' | 'stabilise';

export function togglePreview(what: PreviewToggle): void {
  usePreviewStore.setState((s) => ({ [what]: !s[what] }));
}

export function setOverlayMode(overlayMode: OverlayMode): void {
  usePreviewStore.setState({ overlayMode });
}

export function setOverlayOpacity(opacity: number): void {
  usePreviewStore.setState({ opacity: Math.min(1, Math.max(0, opacity)) });
}

export function resetPreviewView(): void {
  usePreviewStore.setState((s) => ({ resets: s.resets + 1 }));
}
