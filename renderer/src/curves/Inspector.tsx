// Right of the graph: the selected keys (the key field, mode, tangents), the active control (the
// last one clicked), its filter, and the pose library.
import { useCurveEditor } from './editor-store';
import { REGION_LABELS } from './channels';
import { FilterSection } from './FilterSection';
import { KeySection } from './KeySection';
import { PoseSection } from './PoseSection';

export function Inspector() {
  const model = useCurveEditor((s) => s.model);
  const anchor = useCurveEditor((s) => s.anchor);
  const layer = useCurveEditor((s) => s.layer);
  if (!model) return null;
  const channel = anchor ? model.take.channels[model.indexOf(anchor)] : undefined;
  const keys = channel ? (layer?.keys[channel.name]?.length ?? 0) : 0;
  return (
    <aside className="inspector" data-testid="curve-inspector">
      <KeySection />
      {channel ? (
        <>
          <section className="insp-section">
            <div className="insp-control" title={channel.name}>
              {channel.name}
            </div>
            <div className="dim insp-meta">
              {channel.facs ? `${channel.facs} · ` : ''}
              {REGION_LABELS[channel.region] ?? channel.region} · {channel.side === 'C' ? 'centre' : channel.side === 'L' ? 'left' : 'right'} · {keys} key
              {keys === 1 ? '' : 's'}
            </div>
          </section>
          <FilterSection key={channel.name} channel={channel} />
          <PoseSection defaultRegion={channel.region} />
        </>
      ) : (
        <p className="insp-hint dim">Click a control in the list or a curve to edit its filter and poses.</p>
      )}
    </aside>
  );
}
