// Review mode's layout: the plate and the head side by side, at full size and full speed (the
// curve editor is not mounted), with the decision buttons and the notes beside them. The head is
// whatever the shot panels register as 'head' (the three.js preview), so this stays in step with it.
import type { ReactNode } from 'react';
import type { FrameInfo, ShotDetail } from '../../../electron/common/api/schemas';
import { SHOT_PANELS } from '../views/shot-view/panels/registry';
import { NotesPanel } from './NotesPanel';
import { ReviewDecision } from './ReviewDecision';

interface Props {
  shot: ShotDetail;
  frames: readonly FrameInfo[];
  plate: ReactNode;
}

export function ReviewBody({ shot, frames, plate }: Props) {
  const Head = SHOT_PANELS.find((p) => p.id === 'head')?.component;
  return (
    <div className="review-body" data-testid="review-layout">
      <div className="review-stage">
        <div className="review-pane">{plate}</div>
        <div className="review-pane review-head">{Head ? <Head shot={shot} frames={frames} /> : null}</div>
      </div>
      <aside className="review-side">
        <ReviewDecision shot={shot} />
        <NotesPanel shotId={shot.id} />
      </aside>
    </div>
  );
}
