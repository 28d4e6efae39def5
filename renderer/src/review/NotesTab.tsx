// Side-panel tab "Notes" (outside review mode the notes live here).
import type { ShotPanelProps } from '../ui/shot-panel';
import { NotesPanel } from './NotesPanel';

export function NotesTab({ shot }: ShotPanelProps) {
  return <NotesPanel shotId={shot.id} />;
}
