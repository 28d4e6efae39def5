// An output folder chosen on the host: a path field with a Browse list of sub-folders (the
// browser host has no native dialog, and one picker keeps both hosts alike). A folder that does
// not exist yet is fine: the export creates it.
import { useState } from 'react';
import type { DirListing } from '../../../electron/common/api/schemas';
import { api } from '../api/current';
import { toApiCallError } from '../api/errors';
import { Icon } from '../views/common/Icon';

interface Props {
  value: string;
  onChange: (path: string) => void;
  error?: string | undefined;
  disabled?: boolean;
  testId?: string;
}

export function DirectoryField({ value, onChange, error, disabled, testId }: Props) {
  const [listing, setListing] = useState<DirListing | null>(null);
  const [browseError, setBrowseError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const go = async (path: string | null) => {
    try {
      const l = await api().call('fs.listDir', { path });
      setListing(l);
      setBrowseError(null);
      onChange(l.path);
    } catch (err) {
      setBrowseError(toApiCallError(err).message);
    }
  };

  return (
    <div className="dir-field">
      <div className="dir-row">
        <input className={`input mono dir-input${error ? ' invalid' : ''}`} data-testid={testId} value={value} spellCheck={false} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
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
          <div className="dir-browser-bar">
            <button className="btn icon ghost" title="Up one folder" aria-label="Up one folder" disabled={!listing?.parent} onClick={() => listing?.parent && void go(listing.parent)}>
              <Icon name="up" />
            </button>
            <span className="mono dim dir-current">{listing?.path ?? '…'}</span>
          </div>
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
