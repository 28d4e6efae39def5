// Whether the crop overlay is shown on the plate (toggled with C; remembered across shots).
import { create } from 'zustand';

export const useCropOverlay = create<{ visible: boolean }>()(() => ({ visible: false }));

export function toggleCropOverlay(): void {
  useCropOverlay.setState((s) => ({ visible: !s.visible }));
}
