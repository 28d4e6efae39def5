// The plate with what solving draws over it (the crop overlay, toggled with C). A wrapper, so
// the plate viewer itself stays free of solve concerns.
import type { ReactNode } from 'react';
import type { ShotDetail } from '../../../electron/common/api/schemas';
import { useApp } from '../state/app-store';
import { CropOverlay } from './CropOverlay';
import { useCropOverlay } from '../state/crop-store';

export function PlateStack({ shot, children }: { shot: ShotDetail; children: ReactNode }) {
  const visible = useCropOverlay((s) => s.visible);
  const readOnly = useApp((s) => s.project?.readOnly ?? false);
  return (
    <div className="plate-stack">
      {children}
      {visible ? <CropOverlay shot={shot} editable={!readOnly} /> : null}
    </div>
  );
}
