// One slate field in a shot row: the value, and a text box on click (Enter or leaving it saves,
// Esc cancels). A read-only review host shows the value only.
import { useState } from 'react';
import type { ShotSummary } from '../../../../electron/common/api/schemas';
import { SLATE_LABELS, type SlateField } from '../../../../electron/common/slate/slate';
import { setSlateField } from './slate-edits';

export function SlateCell({ shot, field, readOnly }: { shot: ShotSummary; field: SlateField; readOnly: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const value = shot[field];
  const stop = { onMouseDown: (e: React.MouseEvent) => e.stopPropagation(), onDoubleClick: (e: React.MouseEvent) => e.stopPropagation() };
  if (editing !== null) {
    const save = async () => {
      const text = editing;
      setEditing(null);
      if (text.trim() !== (value ?? '')) await setSlateField(shot, field, text);
    };
    return (
      <input
        className="input slate-input"
        data-testid={`slate-input-${field}`}
        autoFocus
        aria-label={`${SLATE_LABELS[field]} of ${shot.name}`}
        placeholder={field === 'startTimecode' ? 'HH:MM:SS:FF' : ''}
        value={editing}
        {...stop}
        onChange={(e) => setEditing(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') void save();
          else if (e.key === 'Escape') setEditing(null);
        }}
      />
    );
  }
  return (
    <button
      className={`slate-value${field === 'startTimecode' ? ' num' : ''}`}
      data-testid={`slate-${field}`}
      disabled={readOnly}
      title={readOnly ? (value ?? '') : `Edit the ${SLATE_LABELS[field].toLowerCase()}`}
      {...stop}
      onClick={() => setEditing(value ?? '')}
    >
      {value ?? <span className="faint">—</span>}
    </button>
  );
}
