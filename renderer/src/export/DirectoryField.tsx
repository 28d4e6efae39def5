// An output folder chosen on the host: a path field with a Browse list of sub-folders (the
// browser host has no native dialog, and one picker keeps both hosts alike). A folder that does
// not exist yet is fine: the export creates it.
import { useState } from 'react';
import { DirBar } from '../ui/DirBar';
import { Icon } from '../ui/Icon';
import { useDirListing } from '../ui/use-dir-listing';

interface Props {
  value: string;
  onChange: (path: string) => void;
  error?: string | undefined;
  disabled?: boolean;
  testId?: string;
}

export function DirectoryField({ value, onChange, error, disabled, testId }: Props) {
  const dir = useDirListing();
  const { listing, error: browseError } = dir;
  const [open, setOpen] = useState(false);

  const go = async (path: string | null) => {
    const l = await dir.go(path);
    if (l) onChange(l.path);
  };

  return (
    <div className="dir-field">
      <div className="dir-row">
        <input
          className={`input mono dir-input${error ? ' invalid' : ''}`}
          data-testid={testId}
          value={value}
          spellCheck={false}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
        <button
          className={`btn${open ? ' on' : ''}`}
          disabled={disabled}
          onClick={() => {
            const next = !open;
            setOpen(next);
            // Start where the field points; a folder that does not exist yet lists its parent's error.
            if (next) void go(value.trim() || null);
          }}
        >
          <Icon name="folder" /> Browse
        </button>
      </div>
      {error ? <span className="field-error">{error}</span> : null}
      {open ? (
        <div className="dir-browser">
          <DirBar listing={listing} go={(p) => void go(p)} />
          {browseError ? <div className="field-error dir-browse-error">{browseError} — the folder is created on export.</div> : null}
          <ul className="dir-list">
            {(listing?.entries ?? [])
              .filter((e) => e.kind === 'dir')
              .map((e) => (
                <li key={e.path}>
                  <button onDoubleClick={() => void go(e.path)} onClick={() => onChange(e.path)} className={value === e.path ? 'on' : ''}>
                    <Icon name="folder" /> {e.name}
                  </button>
                </li>
              ))}
            {listing && listing.entries.every((e) => e.kind !== 'dir') ? <li className="faint dir-none">No sub-folders</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
