// The shot view's right-hand panels. This is the seam for what comes next: the live head
// preview (three.js morph targets) and the curve editor register here and receive the shot;
// they follow the playhead through usePlayhead, like the plate does.
import type { ComponentType } from 'react';
import type { FrameInfo, ShotDetail } from '../../../../../electron/common/api/schemas';
import { FrameInfoPanel } from './FrameInfoPanel';
import { HeadPreviewPanel } from '../../../preview';
import { NotesTab } from '../../../review/NotesTab';
import { TakesPanel } from '../../../solve/TakesPanel';

export interface ShotPanelProps {
  shot: ShotDetail;
  frames: readonly FrameInfo[];
}

export interface ShotPanelDef {
  id: string;
  title: string;
  component: ComponentType<ShotPanelProps>;
}

// The curve editor is not a panel: it spans the shot view under the plate and head
// (renderer/src/curves, laid out by ShotWorkspace).
export const SHOT_PANELS: readonly ShotPanelDef[] = [
  { id: 'frame', title: 'Frame', component: FrameInfoPanel },
  { id: 'head', title: 'Head', component: HeadPreviewPanel },
  { id: 'takes', title: 'Takes', component: TakesPanel },
  { id: 'notes', title: 'Notes', component: NotesTab },
];
