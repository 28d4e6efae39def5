// The shot view as an animator's workspace: plate and head side by side on top (the side panel,
// when open, beside them), the curve editor across the full width below, resizable both ways.
// The head is what the shot view passes: the shot panels' 'head' (the three.js preview).
import type { ReactNode } from 'react';
import { SplitPane } from './SplitPane';
import '../curves.css';

interface Props {
  plate: ReactNode;
  head: ReactNode;
  side: ReactNode;
  curves: ReactNode;
}

export function ShotWorkspace({ plate, head, side, curves }: Props) {
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
            second={
              <div className="head-slot" data-testid="head-slot">
                {head}
              </div>
            }
          />
          {side}
        </div>
      }
      second={curves}
    />
  );
}
