// "Slate from names…": a file-name pattern ("sc{scene}_tk{take}_{actor}") applied to the selected
// shots (every listed shot when none is selected), matched against each shot's name, then its capture's.
import { useState } from 'react';
import type { ShotSummary } from '../../../../electron/common/api/schemas';
import { compileNamePattern, slateFromName } from '../../../../electron/common/slate/slate';
import { Dialog } from '../../ui/Dialog';
import { applyNamePattern } from './slate-edits';

export function SlatePatternDialog({ shots, onClose }: { shots: readonly ShotSummary[]; onClose: () => void }) {
  const [pattern, setPattern] = useState('{scene}_{take}_{actor}');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const compiled = compileNamePattern(pattern);
  const problem = 'problem' in compiled ? compiled.problem : null;
  const preview = 'problem' in compiled ? null : shots.slice(0, 4).map((s) => ({ name: s.name, slate: slateFromName(compiled, s.name) }));
  const apply = async () => {
    setBusy(true);
    const err = await applyNamePattern(shots, pattern);
    setBusy(false);
    if (err) setError(err);
    else onClose();
  };
  return (
    <Dialog
      title="Slate from names"
      onClose={onClose}
      busy={busy}
      width={520}
      testId="slate-pattern-dialog"
      footer={
        <>
          <button className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button className="btn primary" data-testid="slate-pattern-apply" disabled={busy || problem !== null} onClick={() => void apply()}>
            Fill {shots.length} shot{shots.length === 1 ? '' : 's'}
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field-label">Pattern</span>
        <input
          className="input"
          data-testid="slate-pattern"
          value={pattern}
          onChange={(e) => {
            setPattern(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => e.key === 'Enter' && problem === null && void apply()}
        />
        <span className="faint">{'{scene} {take} {actor} {timecode}, {*} skips: the shot name, or else its capture\u2019s file name, must match whole'}</span>
      </label>
      {problem || error ? <div className="field-error">{problem ?? error}</div> : null}
      {preview ? (
        <ul className="slate-preview dim">
          {preview.map((p) => (
            <li key={p.name}>
              <span className="shot-name">{p.name}</span>:{' '}
              {p.slate
                ? Object.entries(p.slate)
                    .map(([k, v]) => `${k === 'captureTake' ? 'take' : k === 'startTimecode' ? 'timecode' : k} ${v}`)
                    .join(' · ')
                : 'no match by name (the capture\u2019s name is tried too)'}
            </li>
          ))}
        </ul>
      ) : null}
    </Dialog>
  );
}
