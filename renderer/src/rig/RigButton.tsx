// The shot view's "Rig…" entry: which rig the head preview uses (the default head or the studio's own).
import { useState } from 'react';
import type { ShotDetail } from '../../../electron/common/api/schemas';
import { useApp } from '../state/app-store';
import { RigDialog } from './RigDialog';

export function RigButton({ shot }: { shot: ShotDetail }) {
  const readOnly = useApp((s) => s.project?.readOnly ?? false);
  const [open, setOpen] = useState(false);
  if (readOnly) return null;
  return (
    <>
      <button
        className="btn ghost"
        data-testid="rig-button"
        title={shot.rigPath ? `Rig: ${shot.rigPath}` : 'Rig: the default head'}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setOpen(true)}
      >
        <span className="tool-label">Rig…</span>
      </button>
      {open ? <RigDialog shot={shot} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
