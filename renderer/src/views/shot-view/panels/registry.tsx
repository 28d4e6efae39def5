// The shot view's panels: each receives the shot (ui/shot-panel.ts) and follows the playhead
// through usePlayhead, like the plate does. The registry imports the panels; a panel never
// imports the registry, and the layouts that place the head (ShotWorkspace, ReviewBody) are
// handed it by the shot view.
import type { ComponentType } from 'react';
import type { ShotPanelProps } from '../../../ui/shot-panel';
import { FrameInfoPanel } from './FrameInfoPanel';
import { HeadPreviewPanel } from '../../../preview';
import { NotesTab } from '../../../review';
import { TakesPanel } from './TakesPanel';

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
