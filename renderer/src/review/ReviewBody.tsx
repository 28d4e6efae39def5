// Review mode's layout: the plate and the head side by side, at full size and full speed (the
// curve editor is not mounted), with the decision buttons and the notes beside them. The head is
// what the shot view passes: the shot panels' 'head' (the three.js preview), as in the workspace.
import type { ReactNode } from 'react';
import type { ShotDetail } from '../../../electron/common/api/schemas';
import { NotesPanel } from './NotesPanel';
import { ReviewDecision } from './ReviewDecision';

interface Props {
  shot: ShotDetail;
  plate: ReactNode;
  head: ReactNode;
}

export function ReviewBody({ shot, plate, head }: Props) {
  return (
    <div className="review-body" data-testid="review-layout">
      <div className="review-stage">
        <div className="review-pane">{plate}</div>
        <div className="review-pane review-head">{head}</div>
      </div>
      <aside className="review-side">
        <ReviewDecision shot={shot} />
        <NotesPanel shotId={shot.id} />
      </aside>
    </div>
  );
}
