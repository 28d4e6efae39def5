// The shot view as an animator's workspace: plate and head side by side on top (the side panel,
// when open, beside them), the curve editor across the full width below, resizable both ways.
// The head is whatever the shot panels register as 'head' (the three.js preview).
import type { ReactNode } from 'react';
import type { FrameInfo, ShotDetail } from '../../../../electron/common/api/schemas';
import { SHOT_PANELS } from '../../views/shot-view/panels/registry';
import { SplitPane } from './SplitPane';
import '../curves.css';

interface Props {
  shot: ShotDetail;
  frames: readonly FrameInfo[];
  plate: ReactNode;
  side: ReactNode;
  curves: ReactNode;
}

export function ShotWorkspace({ shot, frames, plate, side, curves }: Props) {
  const Head = SHOT_PANELS.find((p) => p.id === 'head')?.component;
  return (
    <SplitPane
      direction="rows"
      prefKey="shot.curves"
      initial={0.46}
      limits={{ minFirst: 140, minSecond: 180 }}
      testId="shot-workspace"
      className="shot-workspace"
      first={
        <div className="shot-top">
          <SplitPane
            direction="columns"
            prefKey="shot.head"
            initial={0.6}
            limits={{ minFirst: 220, minSecond: 160 }}
            className="shot-viewers"
            first={plate}
            second={<div className="head-slot" data-testid="head-slot">{Head ? <Head shot={shot} frames={frames} /> : null}</div>}
          />
          {side}
        </div>
      }
      second={curves}
    />
  );
}
