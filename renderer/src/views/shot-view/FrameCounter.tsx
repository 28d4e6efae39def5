// Current frame (editable: type a frame and press Enter to jump) and the shot's range.
import { useState } from 'react';
import { seek, usePlayhead } from '../../state/playhead';

export function FrameCounter() {
  const frame = usePlayhead((s) => s.frame);
  const first = usePlayhead((s) => s.first);
  const last = usePlayhead((s) => s.last);
  const [draft, setDraft] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    const n = Number(draft.trim());
    if (draft.trim() !== '' && Number.isFinite(n)) seek(n);
    setDraft(null);
  };

  return (
    <div className="frame-counter">
      <input
        className="input num frame-input"
        data-testid="frame-counter"
        aria-label="Current frame"
        value={draft ?? String(frame)}
        size={Math.max(4, String(last).length + 1)}
        inputMode="numeric"
        onFocus={(e) => {
          setDraft(String(frame));
          e.currentTarget.select();
        }}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            commit();
            e.currentTarget.blur();
          } else if (e.key === 'Escape') {
            setDraft(null);
            e.currentTarget.blur();
            e.stopPropagation();
          }
        }}
      />
      <span className="frame-range num dim" data-testid="frame-range">
        {first}–{last}
      </span>
    </div>
  );
}
