// What every shot panel receives (frame info, head preview, takes, notes). Defined below the
// features so a panel needs nothing from the registry that lists it
// (views/shot-view/panels/registry.tsx imports the panels, never the reverse).
import type { ReactNode } from 'react';
import type { FrameInfo, ShotDetail } from '../../../electron/common/api/schemas';

export interface ShotPanelProps {
  shot: ShotDetail;
  frames: readonly FrameInfo[];
  /** Drawn over the panel's view (the head preview's stage): the review notes' drawings. */
  overlay?: ReactNode;
}
