// Right-hand dock: tabs over the registered shot panels; collapsible to give the plate room.
import { useState } from 'react';
import type { FrameInfo, ShotDetail } from '../../../../electron/common/api/schemas';
import { Icon } from '../../ui/Icon';
import { SHOT_PANELS } from './panels/registry';

// The workspace shows the head above the curve editor (ShotWorkspace) and review mode lays it out
// itself (ReviewBody, without this panel): a 'Head' tab here would only be a second copy.
const PANELS = SHOT_PANELS.filter((p) => p.id !== 'head');

export function SidePanel({ shot, frames, open, onToggle }: { shot: ShotDetail; frames: readonly FrameInfo[]; open: boolean; onToggle: () => void }) {
  const [active, setActive] = useState(PANELS[0]?.id ?? '');
  const panel = PANELS.find((p) => p.id === active) ?? PANELS[0];
  if (!open) return null;
  const Body = panel?.component;
  return (
    <aside className="side-panel" data-testid="side-panel">
      <div className="tabs" role="tablist">
        {PANELS.map((p) => (
          <button
            key={p.id}
            role="tab"
            aria-selected={p.id === panel?.id}
            className="tab"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setActive(p.id)}
          >
            {p.title}
          </button>
        ))}
        <button className="btn ghost icon tabs-close" title="Hide panel" aria-label="Hide panel" onMouseDown={(e) => e.preventDefault()} onClick={onToggle}>
          <Icon name="close" />
        </button>
      </div>
      <div className="side-body">{Body ? <Body shot={shot} frames={frames} /> : null}</div>
    </aside>
  );
}
