// The shot browser's solve and delivery buttons: solve the selected shots (queued in list
// order), and export every approved shot. Hidden on a read-only review host.
import { useState } from 'react';
import { BatchExportDialog } from '../../export';
import { FeatureIcon } from '../../ui/icons';
import { useApp } from '../../state/app-store';
import { SolveDialog } from '../../solve';

export function BrowserActions({ selected }: { selected: readonly number[] }) {
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const shots = useApp((s) => s.shots);
  const [dialog, setDialog] = useState<'solve' | 'export' | null>(null);
  if (readOnly) return null;
  const solvable = selected.filter((id) => shots.find((s) => s.id === id)?.importState === 'complete');
  const approved = shots.filter((s) => s.status === 'approved').length;
  return (
    <>
      <button className="btn" data-testid="export-approved-button" title="Export every approved shot to a folder" onClick={() => setDialog('export')}>
        <FeatureIcon name="export" /> {approved > 0 ? `Export ${approved} approved…` : 'Export approved…'}
      </button>
      <button
        className="btn primary"
        data-testid="solve-selected-button"
        disabled={solvable.length === 0}
        title={solvable.length === 0 ? 'Select shots to solve (Ctrl/Shift+click for several)' : 'Solve the selected shots, one after another'}
        onClick={() => setDialog('solve')}
      >
        <FeatureIcon name="solve" /> {solvable.length > 1 ? `Solve ${solvable.length} shots…` : 'Solve…'}
      </button>
      {dialog === 'solve' ? <SolveDialog shotIds={solvable} onClose={() => setDialog(null)} /> : null}
      {dialog === 'export' ? <BatchExportDialog onClose={() => setDialog(null)} /> : null}
    </>
  );
}
