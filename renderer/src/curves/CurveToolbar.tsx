// The graph editor's toolbar: keying, interpolation, falloff, clipboard, what is drawn, framing,
// the preview's A/B, and undo/redo with their labels.
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import type { Interp } from '../../../electron/common/curves/keys';
import { useControlValues } from '../state/control-values';
import {
  clearBuffer,
  copyKeys,
  deleteSelectedKeys,
  frameAll,
  frameSelection,
  INTERP_LABEL,
  KEY_MODE_LABEL,
  pasteKeys,
  setFalloff,
  setInterp,
  setKeyAtPlayhead,
  setNewKeyMode,
  snapshotBuffer,
  swapBuffer,
  toggleAB,
} from './actions';
import { useCurveEditor } from './editor-store';
import { redo, undo } from './session';

const keepFocus = (e: MouseEvent) => e.preventDefault();

function Tool({
  children,
  title,
  onClick,
  disabled,
  pressed,
  testId,
}: {
  children: ReactNode;
  title: string;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
  testId?: string;
}) {
  return (
    <button
      className={`tool${pressed ? ' on' : ''}`}
      title={title}
      aria-pressed={pressed}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

const INTERPS: { interp: Interp; key: string; glyph: string; leaves: string }[] = [
  { interp: 'smooth', key: '1', glyph: '●', leaves: 'with auto tangents' },
  { interp: 'linear', key: '2', glyph: '◆', leaves: 'in a straight line' },
  { interp: 'step', key: '3', glyph: '■', leaves: 'flat, then jumps' },
];

export function CurveToolbar() {
  const keySel = useCurveEditor((s) => s.keySel);
  const layer = useCurveEditor((s) => s.layer);
  const model = useCurveEditor((s) => s.model);
  const clipboard = useCurveEditor((s) => s.clipboard);
  const showRaw = useCurveEditor((s) => s.showRaw);
  const showFiltered = useCurveEditor((s) => s.showFiltered);
  const undoLabel = useCurveEditor((s) => s.undoLabel);
  const redoLabel = useCurveEditor((s) => s.redoLabel);
  const saving = useCurveEditor((s) => s.saving);
  const status = useCurveEditor((s) => s.status);
  const keyMode = useCurveEditor((s) => s.keyMode);
  const buffer = useCurveEditor((s) => s.buffer);
  const previewMode = useControlValues((s) => s.previewMode);
  const ready = model !== null;
  const hasBuffer = buffer !== null && model !== null && buffer.shotId === model.take.shotId;
  const nSel = keySel.size;
  const selInterp = selectedInterp(model?.layer.keys ?? {}, keySel);

  return (
    <div className="curve-toolbar" data-testid="curve-toolbar">
      <div className="tool-group">
        <Tool title="Key the shown controls at the playhead (S)" onClick={setKeyAtPlayhead} disabled={!ready} testId="tool-key">
          Key <kbd>S</kbd>
        </Tool>
        <Tool title="Delete the selected keys (Delete)" onClick={deleteSelectedKeys} disabled={nSel === 0}>
          Delete
        </Tool>
      </div>
      <div className="seg" role="group" aria-label="Mode of new keys">
        {(['pose', 'offset'] as const).map((m) => (
          <button
            key={m}
            aria-pressed={keyMode === m}
            onMouseDown={keepFocus}
            onClick={() => setNewKeyMode(m)}
            data-testid={`new-key-${m}`}
            title={
              m === 'pose'
                ? 'New keys are poses: a key is the control’s value at its frame, whatever filter is under it (filled keys)'
                : 'New keys are offsets: a key adds to the solve at its frame, as an additive layer (hollow keys)'
            }
          >
            {KEY_MODE_LABEL[m]}
          </button>
        ))}
      </div>
      <div className="tool-group" role="group" aria-label="Interpolation of the selected keys">
        {INTERPS.map((i) => (
          <Tool
            key={i.interp}
            title={`${INTERP_LABEL[i.interp]}: the curve leaves the selected keys ${i.leaves} (Alt+${i.key})`}
            onClick={() => setInterp(i.interp)}
            disabled={nSel === 0}
            pressed={selInterp === i.interp}
            testId={`tool-interp-${i.interp}`}
          >
            <span className="glyph">{i.glyph}</span> {INTERP_LABEL[i.interp]}
          </Tool>
        ))}
      </div>
      <div className="tool-group">
        <FalloffField value={layer?.falloff ?? 0} disabled={!ready} />
      </div>
      <div className="tool-group">
        <Tool title="Copy the selected keys (Ctrl+C)" onClick={copyKeys} disabled={nSel === 0}>
          Copy
        </Tool>
        <Tool title="Paste at the playhead (Ctrl+V)" onClick={() => pasteKeys(false)} disabled={!clipboard}>
          Paste
        </Tool>
        <Tool
          title="Paste mirrored onto the left/right twins, at the playhead (Ctrl+Shift+V)"
          onClick={() => pasteKeys(true)}
          disabled={!clipboard}
          testId="tool-mirror-paste"
        >
          Mirror
        </Tool>
      </div>
      <div className="tool-group">
        <Tool title="Draw the raw solve (faint)" onClick={() => useCurveEditor.setState({ showRaw: !showRaw })} pressed={showRaw}>
          Raw
        </Tool>
        <Tool
          title="Draw the filtered solve where it differs from the final curve"
          onClick={() => useCurveEditor.setState({ showFiltered: !showFiltered })}
          pressed={showFiltered}
        >
          Filtered
        </Tool>
      </div>
      <div className="tool-group" role="group" aria-label="Buffer curve">
        <Tool
          title="Keep the curves as they are now, drawn dashed under the final ones (Maya's buffer curve)"
          onClick={snapshotBuffer}
          disabled={!ready}
          testId="tool-buffer"
        >
          Buffer
        </Tool>
        <Tool
          title="Swap the curves with the buffer: the kept ones come back (one undo step), these become the buffer"
          onClick={swapBuffer}
          disabled={!hasBuffer}
          testId="tool-buffer-swap"
        >
          Swap
        </Tool>
        <Tool title="Forget the buffer" onClick={clearBuffer} disabled={!hasBuffer} testId="tool-buffer-clear">
          ✕
        </Tool>
      </div>
      <div className="tool-group">
        <Tool title="Frame the selected keys (F)" onClick={frameSelection} disabled={!ready}>
          Frame sel <kbd>F</kbd>
        </Tool>
        <Tool title="Frame all drawn curves (A)" onClick={frameAll} disabled={!ready}>
          All <kbd>A</kbd>
        </Tool>
      </div>
      <span className="toolbar-spacer" />
      <span className="curve-status dim" data-testid="curve-status" title={status}>
        {saving ? 'Saving…' : status}
      </span>
      <div className="seg" role="group" aria-label="Head preview values">
        <button
          aria-pressed={previewMode !== 'raw'}
          title="Preview the final curves (B toggles)"
          onMouseDown={keepFocus}
          onClick={() => previewMode === 'raw' && toggleAB()}
          data-testid="preview-final"
        >
          Final
        </button>
        <button
          aria-pressed={previewMode === 'raw'}
          title="Preview the raw solve (B toggles)"
          onMouseDown={keepFocus}
          onClick={() => previewMode !== 'raw' && toggleAB()}
          data-testid="preview-raw"
        >
          Raw <kbd>B</kbd>
        </button>
      </div>
      <div className="tool-group">
        <Tool title={undoLabel ? `Undo “${undoLabel}” (Ctrl+Z)` : 'Nothing to undo'} onClick={() => void undo()} disabled={!undoLabel} testId="tool-undo">
          ↶
        </Tool>
        <Tool title={redoLabel ? `Redo “${redoLabel}” (Ctrl+Shift+Z)` : 'Nothing to redo'} onClick={() => void redo()} disabled={!redoLabel} testId="tool-redo">
          ↷
        </Tool>
      </div>
    </div>
  );
}

function selectedInterp(keys: Readonly<Record<string, readonly { frame: number; interp: Interp }[]>>, sel: ReadonlySet<string>): Interp | null {
  let found: Interp | null = null;
  for (const id of sel) {
    const at = id.lastIndexOf('@');
    const k = keys[id.slice(0, at)]?.find((x) => x.frame === Number(id.slice(at + 1)));
    if (!k) continue;
    if (found && found !== k.interp) return null;
    found = k.interp;
  }
  return found;
}

function FalloffField({ value, disabled }: { value: number; disabled: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [value]);
  const commitDraft = () => {
    if (draft !== null && draft.trim() !== '') setFalloff(Number(draft));
    setDraft(null);
  };
  return (
    <label className="falloff" title="Frames over which a correction eases back to the solve before its first and after its last key">
      Falloff
      <input
        className="input num"
        data-testid="falloff"
        disabled={disabled}
        inputMode="numeric"
        size={3}
        value={draft ?? String(value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commitDraft}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            commitDraft();
            e.currentTarget.blur();
          } else if (e.key === 'Escape') {
            setDraft(null);
            e.currentTarget.blur();
            e.stopPropagation();
          }
        }}
      />
      f
    </label>
  );
}
