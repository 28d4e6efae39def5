// Filter settings for the active control's region or the control alone: kind and one strength
// slider. Dragging the slider recomputes the filtered curves live (at most once a frame: a
// temporary transaction) and commits one undo step on release.
import { useEffect, useRef, useState } from 'react';
import type { FilterKind, FilterSpec } from '../../../electron/common/curves/filters';
import type { ChannelDef } from './channels';
import { useCurveEditor } from './editor-store';
import { FILTER_KINDS, filterLabel, filterOp, scopeFilter, scopeLabel, strengthFor, type ScopeKind } from './filter-edit';
import { commit, currentModel, setLive } from './session';

export function FilterSection({ channel }: { channel: ChannelDef }) {
  const layer = useCurveEditor((s) => s.layer);
  const [kind, setKind] = useState<ScopeKind>('region');
  const [dragStrength, setDragStrength] = useState<number | null>(null);
  const raf = useRef(0);
  const pendingSpec = useRef<FilterSpec | null>(null);
  useEffect(() => () => cancelAnimationFrame(raf.current), []);
  if (!layer) return null;
  const { spec, inherited } = scopeFilter(layer, kind, channel);
  const strength = dragStrength ?? spec.strength;

  const apply = (next: FilterSpec) => {
    const model = currentModel();
    if (!model) return;
    void commit(`Filter ${scopeLabel(kind, channel)}: ${filterLabel(next)}`, [filterOp(model.layer, kind, channel, next)]);
  };

  const live = (next: FilterSpec) => {
    pendingSpec.current = next;
    if (raf.current !== 0) return;
    // Throttled to the display: one filter recompute per frame however fast the slider moves.
    raf.current = requestAnimationFrame(() => {
      raf.current = 0;
      const model = currentModel();
      if (model && pendingSpec.current) setLive([filterOp(model.committed, kind, channel, pendingSpec.current)]);
    });
  };

  const release = () => {
    if (dragStrength === null) return;
    cancelAnimationFrame(raf.current);
    raf.current = 0;
    setDragStrength(null);
    if (Math.abs(dragStrength - spec.strength) < 1e-6) setLive(null);
    else apply({ kind: spec.kind, strength: dragStrength });
  };

  return (
    <section className="insp-section" data-testid="filter-section">
      <div className="section-title">Filter</div>
      <div className="seg full" role="group" aria-label="Filter scope">
        {(['region', 'control'] as const).map((k) => (
          <button
            key={k}
            aria-pressed={kind === k}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setKind(k)}
            title={k === 'region' ? 'The setting every control of the region uses' : 'This control only (overrides the region)'}
          >
            {k === 'region' ? scopeLabel('region', channel).replace(' region', '') : 'This control'}
          </button>
        ))}
      </div>
      <label className="insp-field">
        <span>Kind</span>
        <select
          className="input"
          data-testid="filter-kind"
          value={spec.kind}
          onChange={(e) => {
            const k = e.target.value as FilterKind;
            apply({ kind: k, strength: strengthFor(k, spec.strength) });
          }}
        >
          {FILTER_KINDS.map((f) => (
            <option key={f.kind} value={f.kind} title={f.hint}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <label className="insp-field">
        <span>Strength</span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.01}
          data-testid="filter-strength"
          disabled={spec.kind === 'none'}
          value={strength}
          onChange={(e) => {
            const v = Number(e.target.value);
            setDragStrength(v);
            live({ kind: spec.kind, strength: v });
          }}
          onPointerUp={release}
          onKeyUp={release}
          onBlur={release}
        />
        <span className="num insp-num">{strength.toFixed(2)}</span>
      </label>
      <p className="insp-hint dim">
        {FILTER_KINDS.find((f) => f.kind === spec.kind)?.hint}
        {kind === 'control' ? (inherited ? ' · Uses the region’s setting.' : ' · Overrides the region.') : null}
      </p>
      {kind === 'control' && !inherited ? (
        <button
          className="btn small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => void commit(`Filter ${channel.name}: use the region’s`, [{ op: 'setFilter', scope: `control:${channel.name}`, filter: null }])}
        >
          Use the region’s filter
        </button>
      ) : null}
    </section>
  );
}
