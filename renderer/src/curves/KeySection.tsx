// The selected keys in the Inspector, as Maya's Graph Editor key fields and Blender's Active
// Keyframe panel show them: frame, value and final value to read and type (a number, or +=, -=,
// *=, /= relative to each key's own), the key mode (pose or offset), and in/out tangents,
// unified or broken. Every change is one undo step (actions.ts).
import { useEffect, useRef, useState } from 'react';
import { keyMode, keyTangentTypes, TANGENT_TYPES, type Key, type KeyMode, type TangentType } from '../../../electron/common/curves/keys';
import { KEY_MODE_LABEL, setSelectedKeyMode, setTangents, setTangentsBroken, TANGENT_LABEL, typeKeyField } from './actions';
import { useCurveEditor } from './editor-store';
import { IN_TANGENT_TYPES } from './key-edits';
import { commonValue, type KeyField } from './key-field';
import { byControl } from './selection';

interface Selected {
  control: string;
  key: Key;
  prev: Key | undefined;
  final: number;
}

const keepFocus = (e: React.MouseEvent) => e.preventDefault();

/** One value of every selected key, or null where they differ. */
function common<T>(items: readonly Selected[], get: (s: Selected) => T): T | null {
  if (items.length === 0) return null;
  const first = get(items[0]!);
  return items.every((s) => get(s) === first) ? first : null;
}

export function KeySection() {
  const model = useCurveEditor((s) => s.model);
  const layer = useCurveEditor((s) => s.layer);
  const keySel = useCurveEditor((s) => s.keySel);
  if (!model || !layer || keySel.size === 0) return null;
  const items: Selected[] = [];
  for (const [control, frames] of byControl(keySel)) {
    const keys = layer.keys[control] ?? [];
    const c = model.indexOf(control);
    keys.forEach((key, i) => {
      if (frames.has(key.frame)) items.push({ control, key, prev: keys[i - 1], final: c >= 0 ? model.finalAt(c, key.frame) : 0 });
    });
  }
  if (items.length === 0) return null;
  const mode = common(items, (s) => keyMode(s.key));
  const tin = common(items, (s) => keyTangentTypes(s.key, s.prev).in);
  const tout = common(items, (s) => keyTangentTypes(s.key, s.prev).out);
  const broken = common(items, (s) => s.key.broken === true);
  const title = items.length === 1 ? `${items[0]!.control} @ ${items[0]!.key.frame}` : `${items.length} keys`;

  return (
    <section className="insp-section" data-testid="key-section">
      <div className="section-title">Key</div>
      <div className="insp-meta dim" title={title}>
        {title}
      </div>
      <TypedField
        label="Frame"
        field="frame"
        shown={commonValue(
          items.map((s) => s.key.frame),
          0,
        )}
        hint="The key's frame: a number moves every selected key there, +=2 moves each two frames on"
      />
      <TypedField
        label={mode === 'offset' ? 'Offset' : 'Value'}
        field="value"
        shown={commonValue(
          items.map((s) => s.key.value),
          4,
        )}
        hint={
          mode === 'offset'
            ? 'What the key adds to the solve at its frame (+=, -=, *=, /= change each key from its own)'
            : 'The key’s value: the control’s final value at its frame (+=, -=, *=, /= change each key from its own)'
        }
      />
      <TypedField
        label="Final"
        field="final"
        shown={commonValue(
          items.map((s) => s.final),
          4,
        )}
        hint="The control's final value at the key (filtered solve plus correction); typing it sets the key so that it is"
      />
      <div className="insp-field">
        <span>Mode</span>
        <div className="seg full insp-wide" role="group" aria-label="Key mode">
          {(['pose', 'offset'] as const).map((m: KeyMode) => (
            <button
              key={m}
              aria-pressed={mode === m}
              onMouseDown={keepFocus}
              onClick={() => setSelectedKeyMode(m)}
              data-testid={`key-mode-${m}`}
              title={
                m === 'pose'
                  ? 'Pose: the key is the value; the control is this value at the key whatever the filter under it'
                  : 'Offset: the key adds to the solve at its frame, as on an additive layer'
              }
            >
              {KEY_MODE_LABEL[m]}
            </button>
          ))}
        </div>
      </div>
      <TangentSelect label="In" side="in" value={tin} types={IN_TANGENT_TYPES} />
      <TangentSelect label="Out" side="out" value={tout} types={TANGENT_TYPES} />
      <div className="insp-field">
        <span>Tangents</span>
        <div className="seg full insp-wide" role="group" aria-label="Unified or broken tangents">
          <button
            aria-pressed={broken === false}
            onMouseDown={keepFocus}
            onClick={() => setTangentsBroken(false)}
            data-testid="tangents-unify"
            title="Unified: in and out turn together"
          >
            Unified
          </button>
          <button
            aria-pressed={broken === true}
            onMouseDown={keepFocus}
            onClick={() => setTangentsBroken(true)}
            data-testid="tangents-break"
            title="Broken: in and out are shaped apart"
          >
            Broken
          </button>
        </div>
      </div>
    </section>
  );
}

function TangentSelect({ label, side, value, types }: { label: string; side: 'in' | 'out'; value: TangentType | null; types: readonly TangentType[] }) {
  return (
    <label className="insp-field">
      <span>{label}</span>
      <select
        className="input"
        data-testid={`tangent-${side}`}
        value={value ?? ''}
        onChange={(e) => setTangents(side, e.target.value as TangentType)}
        title={`${label} tangent of the selected keys`}
      >
        {value === null ? <option value="">mixed</option> : null}
        {types.map((t) => (
          <option key={t} value={t}>
            {TANGENT_LABEL[t]}
          </option>
        ))}
      </select>
    </label>
  );
}

function TypedField({ label, field, shown, hint }: { label: string; field: KeyField; shown: string | null; hint: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  // Esc blurs without committing; every other way out of the field (Enter, Tab, a click) commits once, on blur.
  const cancelled = useRef(false);
  useEffect(() => setDraft(null), [shown]);
  const onBlur = () => {
    const text = draft;
    setDraft(null);
    if (cancelled.current) {
      cancelled.current = false;
      return;
    }
    if (text !== null && text.trim() !== '' && text !== shown) typeKeyField(field, text);
  };
  return (
    <label className="insp-field" title={hint}>
      <span>{label}</span>
      <input
        className="input num insp-wide"
        data-testid={`key-${field}`}
        inputMode="decimal"
        placeholder={shown === null ? 'mixed' : ''}
        value={draft ?? shown ?? ''}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={onBlur}
        onKeyDown={(e) => {
          // Enter commits and hands the keyboard back to the graph (S, F, arrows), as Blender's fields do.
          if (e.key === 'Enter') e.currentTarget.blur();
          else if (e.key === 'Escape') {
            cancelled.current = true;
            e.currentTarget.blur();
            e.stopPropagation();
          }
        }}
      />
    </label>
  );
}
