// Open (or create) a project file by path. The host validates the path; its message is shown.
import { useState } from 'react';
import { openProject } from '../../state/actions';
import { useApp } from '../../state/app-store';
import { Dialog } from '../../ui/Dialog';

export function OpenProjectDialog({ onClose }: { onClose: () => void }) {
  const current = useApp((s) => s.project?.path ?? '');
  const [path, setPath] = useState(current);
  const [create, setCreate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!path.trim()) return;
    setBusy(true);
    const err = await openProject(path.trim(), create);
    setBusy(false);
    if (err) setError(err.message);
    else onClose();
  };

  return (
    <Dialog
      title="Open project"
      onClose={onClose}
      busy={busy}
      width={560}
      testId="open-project-dialog"
      footer={
        <>
          <button className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button className="btn primary" data-testid="open-project-submit" disabled={busy || !path.trim()} onClick={() => void submit()}>
            {busy ? 'Opening…' : create ? 'Open or create' : 'Open'}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor="proj-path">Project file</label>
        <input
          id="proj-path"
          className="input mono"
          data-testid="open-project-path"
          data-autofocus
          value={path}
          spellCheck={false}
          placeholder="/stage/show/faces.rigsolve"
          onChange={(e) => {
            setPath(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => e.key === 'Enter' && void submit()}
        />
        <span className="field-hint">A .rigsolve project file on the host machine.</span>
      </div>
      <label className="check">
        <input type="checkbox" data-testid="open-project-create" checked={create} onChange={(e) => setCreate(e.target.checked)} />
        Create a new project if the file does not exist
      </label>
      {error ? (
        <div className="form-error" role="alert" data-testid="open-project-error">
          <strong>Cannot open the project.</strong> {error}
        </div>
      ) : null}
    </Dialog>
  );
}
