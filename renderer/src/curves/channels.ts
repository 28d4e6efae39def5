// The channels of a take: its controls in rig order with region and side, grouping for the
// channel list, search, and which curves are drawn (selection, hide, solo).
import { DEFAULT_CONTROLS, REGIONS, type Side } from '../../../electron/common/controls';
import { HEAD_CHANNELS, HEAD_GROUP, HEAD_GROUP_LABEL, isHeadChannel } from '../../../electron/common/head';

export interface ChannelDef {
  /** Index in the take's channel list (and in the sampler's output). */
  index: number;
  name: string;
  /** A rig region, 'head' for the head's motion (common/head.ts), or 'other' for a control the default rig does not know. */
  region: string;
  side: Side;
  facs: string;
}

export const REGION_LABELS: Readonly<Record<string, string>> = {
  brow: 'Brow',
  eyelid: 'Eyelid',
  gaze: 'Gaze',
  nose: 'Nose',
  cheek: 'Cheek',
  mouthCorner: 'Mouth corner',
  lips: 'Lips',
  mouth: 'Mouth',
  chin: 'Chin',
  jaw: 'Jaw',
  tongue: 'Tongue',
  neck: 'Neck',
  [HEAD_GROUP]: HEAD_GROUP_LABEL,
  other: 'Other',
};

export const REGION_ORDER: readonly string[] = [...REGIONS, HEAD_GROUP, 'other'];

const KNOWN = new Map(DEFAULT_CONTROLS.map((c) => [c.name, c]));

/** The take's controls in rig order, then its head channels (the "Head" group), then unknown names in the take's order. */
export function channelsFor(names: readonly string[]): ChannelDef[] {
  const present = new Set(names);
  const known = DEFAULT_CONTROLS.filter((c) => present.has(c.name)).map((c) => ({ name: c.name, region: c.region as string, side: c.side, facs: c.facs }));
  const head = HEAD_CHANNELS.filter((h) => present.has(h)).map((h) => ({ name: h as string, region: HEAD_GROUP as string, side: 'C' as Side, facs: '' }));
  const unknown = names.filter((n) => !KNOWN.has(n) && !isHeadChannel(n)).map((n) => ({ name: n, region: 'other', side: sideOf(n), facs: '' }));
  return [...known, ...head, ...unknown].map((c, index) => ({ ...c, index }));
}

function sideOf(name: string): Side {
  return name.endsWith('_L') || name.endsWith('Left') ? 'L' : name.endsWith('_R') || name.endsWith('Right') ? 'R' : 'C';
}

export interface ChannelGroup {
  region: string;
  label: string;
  channels: ChannelDef[];
}

/** Channels grouped by region, in region order, keeping only those matching `search`. */
export function groupChannels(channels: readonly ChannelDef[], search: string): ChannelGroup[] {
  const q = search.trim().toLowerCase();
  const match = (c: ChannelDef) =>
    q === '' || c.name.toLowerCase().includes(q) || c.facs.toLowerCase() === q || (REGION_LABELS[c.region] ?? c.region).toLowerCase().includes(q);
  const groups: ChannelGroup[] = [];
  for (const region of REGION_ORDER) {
    const list = channels.filter((c) => c.region === region && match(c));
    if (list.length > 0) groups.push({ region, label: REGION_LABELS[region] ?? region, channels: list });
  }
  return groups;
}

/**
 * The curves the graph draws: the soloed channels if any are soloed, else the selected ones
 * that are not hidden. In rig order, so colours and overlap stay stable.
 */
export function drawnChannels(
  channels: readonly ChannelDef[],
  selected: ReadonlySet<string>,
  hidden: ReadonlySet<string>,
  solo: ReadonlySet<string>,
): ChannelDef[] {
  if (solo.size > 0) return channels.filter((c) => solo.has(c.name));
  return channels.filter((c) => selected.has(c.name) && !hidden.has(c.name));
}

/** Names of a region's channels. */
export function regionChannels(channels: readonly ChannelDef[], region: string): string[] {
  return channels.filter((c) => c.region === region).map((c) => c.name);
}
