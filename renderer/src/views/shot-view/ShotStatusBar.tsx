// The shot view's status bar: the solver's provider and throughput (with its fallback notice),
// the active take's failed frames, the crop, open notes, and who the user is.
import type { ShotDetail } from '../../../../electron/common/api/schemas';
import { useNotes, useReview } from '../../review';
import { useApp } from '../../state/app-store';
import { SolveStatusLine } from '../../solve';
import { activeTake, useTakes } from '../../state/takes-store';

export function ShotStatusBar({ shot }: { shot: ShotDetail }) {
  const readOnly = useApp((s) => s.project?.readOnly ?? false);
  const failed = useTakes((s) => (s.shotId === shot.id ? (activeTake(s.takes)?.failedFrames.length ?? 0) : 0));
  const openNotes = useNotes((s) => (s.shotId === shot.id ? s.notes.filter((n) => !n.resolved).length : 0));
  const review = useReview((s) => s.on);
  const crop = shot.crop;
  return (
    <div className="statusbar shot-statusbar" data-testid="shot-statusbar">
      <SolveStatusLine />
      <span className="toolbar-spacer" />
      {failed > 0 ? (
        <span className="bad-text" data-testid="failed-frames-count" title="Frames the solver could not read; marked on the timeline">
          {failed} failed frame{failed === 1 ? '' : 's'}
        </span>
      ) : null}
      <span className="dim num" title="The square the solver crops from each plate (C to show it)">
        Crop {crop ? `${crop.size} px at ${crop.x}, ${crop.y}` : 'centred (default)'}
      </span>
      <span className="dim">
        {openNotes} open note{openNotes === 1 ? '' : 's'}
      </span>
      {review ? <span className="pill accent-pill">Review mode</span> : null}
      {readOnly ? <span className="pill">Read-only review</span> : null}
    </div>
  );
}
