// "Needs fixes" always says what: the note is stored on the shot (whole range) with the status.
import { useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { changeStatus } from './status-actions';

export function NeedsFixesDialog({ shotId, shotName, onClose }: { shotId: number; shotName: string; onClose: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!text.trim()) return;
    setBusy(true);
    const ok = await changeStatus(shotId, 'needsFixes', text.trim());
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Dialog
      title={`Needs fixes: ${shotName}`}
      onClose={onClose}
      busy={busy}
      width={460}
      testId="needs-fixes-dialog"
      footer={
        <>
          <span className="faint">Ctrl+Enter to send</span>
          <span className="spacer" />
          <button className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button className="btn primary danger" data-testid="needs-fixes-submit" disabled={!text.trim() || busy} onClick={() => void submit()}>
            Mark needs fixes
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor="needs-fixes-note">What needs fixing?</label>
        <textarea
          id="needs-fixes-note"
          className="input textarea"
          data-testid="needs-fixes-note"
          data-autofocus
          rows={4}
          maxLength={4000}
          value={text}
          placeholder="e.g. Lip seal on the M at 120 is lost; upper lid pops at 212."
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          }}
        />
        <span className="field-hint">The note goes on the whole shot. For a moment in the shot, add a note on a frame range in review mode.</span>
      </div>
    </Dialog>
  );
}
