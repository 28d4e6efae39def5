// Per-channel curve colours. Defaults are spread so the channels of one region (what an animator
// usually shows together) differ most: hue steps by the golden angle inside a region, left and
// right twins share a hue at two lightnesses. A user's own choice overrides (kept per machine).
import type { ChannelDef } from './channels';

const REGION_HUE: Readonly<Record<string, number>> = {
  brow: 45,
  eyelid: 190,
  gaze: 150,
  nose: 280,
  cheek: 330,
  mouthCorner: 10,
  lips: 95,
  mouth: 220,
  chin: 60,
  jaw: 25,
  tongue: 300,
  neck: 170,
  other: 0,
};

export function defaultColor(c: ChannelDef, pairIndexInRegion: number): string {
  const hue = ((REGION_HUE[c.region] ?? 0) + pairIndexInRegion * 137.5) % 360;
  const light = c.side === 'R' ? 58 : c.side === 'L' ? 72 : 66;
  const sat = c.side === 'R' ? 62 : 75;
  return hslToHex(hue, sat, light);
}

/** Default colours for a channel list: twins (name_L/name_R) share a pair index. */
export function defaultColors(channels: readonly ChannelDef[]): Record<string, string> {
  const pairIndex = new Map<string, number>();
  const perRegion = new Map<string, number>();
  const out: Record<string, string> = {};
  for (const c of channels) {
    const stem = `${c.region}:${c.name.replace(/_(L|R)$/, '')}`;
    let i = pairIndex.get(stem);
    if (i === undefined) {
      i = perRegion.get(c.region) ?? 0;
      perRegion.set(c.region, i + 1);
      pairIndex.set(stem, i);
    }
    out[c.name] = defaultColor(c, i);
  }
  return out;
}

export function hslToHex(h: number, s: number, l: number): string {
  const sat = s / 100;
  const lig = l / 100;
  const k = (n: number) => (n + h / 30) % 12;
  const a = sat * Math.min(lig, 1 - lig);
  const f = (n: number) => lig - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  const hex = (x: number) =>
    Math.round(x * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`;
}
