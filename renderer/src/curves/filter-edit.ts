// Filter settings per region or per control (the control's own wins, see edits.filterFor).
import type { FilterKind, FilterSpec } from '../../../electron/common/curves/filters';
import type { EditOp, LayerState } from '../../../electron/common/edits';
import { REGION_LABELS, type ChannelDef } from './channels';

export const FILTER_KINDS: readonly { kind: FilterKind; label: string; hint: string }[] = [
  { kind: 'none', label: 'None', hint: 'The solve as it came' },
  { kind: 'oneEuro', label: 'One-Euro', hint: 'Adaptive and causal: the live-stage filter; keeps fast moves sharp' },
  { kind: 'gaussian', label: 'Gaussian', hint: 'Zero-phase smoothing: no lag, softens everything evenly' },
  { kind: 'savitzkyGolay', label: 'Savitzky–Golay', hint: 'Zero-phase polynomial fit: smooths jitter, keeps peaks' },
];

export type ScopeKind = 'region' | 'control';

export function scopeId(kind: ScopeKind, c: ChannelDef): string {
  return kind === 'region' ? `region:${c.region}` : `control:${c.name}`;
}

export function scopeLabel(kind: ScopeKind, c: ChannelDef): string {
  return kind === 'region' ? `${REGION_LABELS[c.region] ?? c.region} region` : c.name;
}

/** The filter a scope shows in the panel: its own, or for a control without one the region's. */
export function scopeFilter(layer: LayerState, kind: ScopeKind, c: ChannelDef): { spec: FilterSpec; inherited: boolean } {
  const own = layer.filters[scopeId(kind, c)];
  if (own) return { spec: own, inherited: false };
  const region = layer.filters[`region:${c.region}`];
  if (kind === 'control' && region) return { spec: region, inherited: true };
  return { spec: { kind: 'none', strength: 0 }, inherited: kind === 'control' };
}

/**
 * The op that gives a scope `spec`. "None" on a region removes its setting; on a control it
 * removes the override unless the region filters, where an explicit none is the override.
 */
export function filterOp(layer: LayerState, kind: ScopeKind, c: ChannelDef, spec: FilterSpec): EditOp {
  const scope = scopeId(kind, c);
  const none = spec.kind === 'none' || spec.strength <= 0;
  if (none && (kind === 'region' || !layer.filters[`region:${c.region}`])) return { op: 'setFilter', scope, filter: null };
  return { op: 'setFilter', scope, filter: none ? { kind: 'none', strength: 0 } : { kind: spec.kind, strength: Math.round(spec.strength * 100) / 100 } };
}

export function filterLabel(spec: FilterSpec): string {
  const k = FILTER_KINDS.find((f) => f.kind === spec.kind)?.label ?? spec.kind;
  return spec.kind === 'none' ? 'no filter' : `${k} ${spec.strength.toFixed(2)}`;
}

/** A strength for a newly chosen kind: keep the old one unless it was off. */
export function strengthFor(kind: FilterKind, previous: number): number {
  if (kind === 'none') return 0;
  return previous > 0 ? previous : 0.4;
}
