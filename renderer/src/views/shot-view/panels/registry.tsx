// The shot view's right-hand panels. This is the seam for what comes next: the live head
// preview (three.js morph targets) and the curve editor register here and receive the shot;
// they follow the playhead through usePlayhead, like the plate does.
import type { ComponentType } from 'react';
import type { FrameInfo, ShotDetail } from '../../../../../electron/common/api/schemas';
import { ComingPanel } from './ComingPanel';
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

function CurvesSlot() {
  return <ComingPanel title="Curve editor" text="Per-control curves with region filters and correction keys arrive with the first solve." />;
}

export const SHOT_PANELS: readonly ShotPanelDef[] = [
  { id: 'frame', title: 'Frame', component: FrameInfoPanel },
  { id: 'head', title: 'Head', component: HeadPreviewPanel },
  { id: 'curves', title: 'Curves', component: CurvesSlot },
  { id: 'takes', title: 'Takes', component: TakesPanel },
  { id: 'notes', title: 'Notes', component: NotesTab },
];
