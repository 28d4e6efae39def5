// Side-panel tab "Takes": the take list and, under it, the take comparison.
import type { ShotPanelProps } from '../../../ui/shot-panel';
import { ComparePanel } from '../../../review';
import { useApp } from '../../../state/app-store';
import { TakeList } from '../../../solve';

export function TakesPanel({ shot }: ShotPanelProps) {
  const readOnly = useApp((s) => s.project?.readOnly ?? false);
  return (
    <div className="takes-panel">
      <div className="section-title first">Takes</div>
      <TakeList shotId={shot.id} readOnly={readOnly} />
      <div className="section-title">Compare</div>
      <ComparePanel shotId={shot.id} />
    </div>
  );
}
