// The shot view's toolbar additions: take picker, crop toggle, review toggle, Solve and Export.
// Editing entries are left out on a read-only review host.
import { useState } from 'react';
import type { ShotDetail } from '../../../../electron/common/api/schemas';
import { ExportDialog } from '../../export';
import { FeatureIcon } from '../../ui/icons';
import { toggleReviewMode, useReview } from '../../review';
import { useApp } from '../../state/app-store';
import { toggleCropOverlay, useCropOverlay } from '../../state/crop-store';
import { queueState, SolveDialog, TakeMenu, useSolve } from '../../solve';
import { activeTake, useTakes } from '../../state/takes-store';

const keepFocus = (e: { preventDefault: () => void }) => e.preventDefault();

export function ShotTools({ shot }: { shot: ShotDetail }) {
  const readOnly = useApp((s) => s.project?.readOnly ?? false);
  const review = useReview((s) => s.on);
  const crop = useCropOverlay((s) => s.visible);
  const runningShotId = useSolve((s) => s.runningShotId);
  const queued = useSolve((s) => s.queued);
  const busy = queueState({ runningShotId, queued }, shot.id).state !== 'idle' || shot.status === 'solving';
  const hasTake = useTakes((s) => s.shotId === shot.id && activeTake(s.takes) !== null);
  const [dialog, setDialog] = useState<'solve' | 'export' | null>(null);

  return (
    <div className="shot-tools">
      <TakeMenu shotId={shot.id} readOnly={readOnly} />
      <button
        className={`btn ghost toggle${crop ? ' on' : ''}`}
        data-testid="crop-toggle"
        aria-pressed={crop}
        title="Show the solver's crop on the plate (C)"
        onMouseDown={keepFocus}
        onClick={toggleCropOverlay}
      >
        <FeatureIcon name="crop" />
        <span className="tool-label">Crop</span>
      </button>
      <button
        className={`btn ghost toggle${review ? ' on' : ''}`}
        data-testid="review-toggle"
        aria-pressed={review}
        title="Review mode: plate and head side by side, notes (R)"
        onMouseDown={keepFocus}
        onClick={toggleReviewMode}
      >
        <FeatureIcon name="review" />
        <span className="tool-label">Review</span>
      </button>
      {!readOnly ? (
        <>
          <button
            className="btn"
            data-testid="export-button"
            disabled={!hasTake}
            title={hasTake ? 'Export the final curves' : 'Solve the shot first'}
            onMouseDown={keepFocus}
            onClick={() => setDialog('export')}
          >
            <FeatureIcon name="export" />
            <span className="tool-label">Export…</span>
          </button>
          <button
            className="btn primary"
            data-testid="solve-button"
            disabled={busy}
            title={busy ? 'This shot is solving or queued' : 'Solve this shot with a model'}
            onMouseDown={keepFocus}
            onClick={() => setDialog('solve')}
          >
            <FeatureIcon name="solve" /> {busy ? 'Solving…' : 'Solve…'}
          </button>
        </>
      ) : null}
      {dialog === 'solve' ? <SolveDialog shotIds={[shot.id]} onClose={() => setDialog(null)} /> : null}
      {dialog === 'export' ? <MarkedExportDialog shot={shot} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

/** The export dialog offers the review's in/out marks as a range (read here, so only while it is open). */
function MarkedExportDialog({ shot, onClose }: { shot: ShotDetail; onClose: () => void }) {
  const marks = useReview((s) => s.marks);
  return <ExportDialog shot={shot} marks={marks} onClose={onClose} />;
}
