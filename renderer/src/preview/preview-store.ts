// The preview's view toggles. In a store (not component state) so the window keys, the toolbar
// and the test hook all change the same thing, and the choice survives switching panels.
import { create } from 'zustand';

export interface PreviewState {
  overlay: boolean;
  /** Head opacity over the plate, 0..1 (overlay only). */
  opacity: number;
  wireframe: boolean;
  normals: boolean;
  /** Bumped by "reset view": the view listens for the change. */
  resets: number;
}

export const usePreviewStore = create<PreviewState>()(() => ({
  overlay: false,
  opacity: 0.6,
  wireframe: false,
  normals: false,
  resets: 0,
}));

export type PreviewToggle = 'overlay' | 'wireframe' | 'normals';

export function togglePreview(what: PreviewToggle): void {
  usePreviewStore.setState((s) => ({ [what]: !s[what] }));
}

export function setOverlayOpacity(opacity: number): void {
  usePreviewStore.setState({ opacity: Math.min(1, Math.max(0, opacity)) });
}

export function resetPreviewView(): void {
  usePreviewStore.setState((s) => ({ resets: s.resets + 1 }));
}
