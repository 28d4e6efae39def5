// The user's name: a chip in the top bar that opens the settings dialog, and the prompt that
// asks for it the first time a status change or a note needs it.
import { useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { FeatureIcon } from '../ui/icons';
import { answerPrompt, MAX_NAME, setUserName, useUser, validateUserName } from './user-store';

function NameDialog({ title, intro, initial, onDone }: { title: string; intro: string; initial: string; onDone: (name: string | null) => void }) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const v = validateUserName(value);
    if (!v.ok) setError(v.message);
    else onDone(v.name);
  };
  return (
    <Dialog
      title={title}
      onClose={() => onDone(null)}
      width={400}
      testId="user-dialog"
      footer={
        <>
          <span className="spacer" />
          <button className="btn" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button className="btn primary" data-testid="user-save" onClick={submit}>
            Save
          </button>
        </>
      }
    >
      <p className="dialog-intro dim">{intro}</p>
      <div className="field">
        <label htmlFor="user-name">Your name</label>
        <input
          id="user-name"
          className={`input${error ? ' invalid' : ''}`}
          data-testid="user-name-input"
          value={value}
          maxLength={MAX_NAME}
          autoComplete="name"
          placeholder="e.g. Ana Ruiz"
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => e.key === 'Enter' && submit()}
        />
        {error ? (
          <span className="field-error">{error}</span>
        ) : (
          <span className="field-hint">Kept in this browser. Shown with your notes and status changes.</span>
        )}
      </div>
    </Dialog>
  );
}

/** Top-bar chip: who is acting; click to change. Also hosts the first-use prompt. */
export function UserChip() {
  const name = useUser((s) => s.name);
  const editing = useUser((s) => s.editing);
  const prompt = useUser((s) => s.prompt);
  return (
    <>
      <button
        className="user-chip"
        data-testid="user-chip"
        title="Your name on notes and status changes (click to change)"
        onClick={() => useUser.setState({ editing: true })}
      >
        <FeatureIcon name="user" />
        <span className={name ? '' : 'faint'}>{name || 'Set your name'}</span>
      </button>
      {editing ? (
        <NameDialog
          title="Settings"
          intro="Notes and status changes are signed with this name."
          initial={name}
          onDone={(n) => {
            if (n) setUserName(n);
            useUser.setState({ editing: false });
          }}
        />
      ) : null}
      {prompt && !editing ? (
        <NameDialog title="Who is reviewing?" intro="Type your name once: notes and status changes are signed with it." initial="" onDone={answerPrompt} />
      ) : null}
    </>
  );
}
