// `rigsolve rig-sheet`: a contact sheet of the rig, neutral plus every control at full value,
// each tile labelled with its control name, so a rig's shapes can be checked at a glance.
// Labels are SVG text composited by sharp (librsvg + fontconfig; DejaVu/Arial/sans-serif).
import sharp from 'sharp';
import type { Rig } from '../../rig/types';
import type { Renderer } from './render/renderer';
import { createRenderer } from './render/renderer';
import type { RenderSettings } from './render/types';

export interface RigSheetOptions {
  /** Tile side in pixels (default 160). */
  readonly tileSize?: number;
  /** Tiles per row (default 12). */
  readonly columns?: number;
  /** Extra render settings (camera, lighting, look) for every tile. */
  readonly render?: Omit<RenderSettings, 'width' | 'height' | 'normal'>;
  /** Tint pixels that differ from neutral, so subtle shapes (nostrils, gaze) show (default false). */
  readonly highlight?: boolean;
  readonly renderer?: Renderer;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function renderRigSheet(rig: Rig, options: RigSheetOptions = {}): Promise<Buffer> {
  const tile = Math.max(32, Math.round(options.tileSize ?? 160));
  const cols = Math.max(1, Math.round(options.columns ?? 12));
  const labelH = Math.max(12, Math.round(tile * 0.11));
  const cellH = tile + labelH;
  const renderer = options.renderer ?? createRenderer(rig);
  const names = ['neutral', ...rig.controls];
  const rows = Math.ceil(names.length / cols);
  const W = cols * tile,
    H = rows * cellH;
  const sheet = Buffer.alloc(W * H * 3, 24);
  const settings: RenderSettings = { ssaa: 2, ...options.render, width: tile, height: tile, normal: false };
  const neutral = renderer.render({ weights: new Float32Array(rig.controls.length), settings }).rgb;
  names.forEach((_, k) => {
    const w = new Float32Array(rig.controls.length);
    if (k > 0) w[k - 1] = 1;
    let rgb = k === 0 ? neutral : renderer.render({ weights: w, settings }).rgb;
    if (options.highlight && k > 0) {
      rgb = Uint8Array.from(rgb);
      for (let p = 0; p < rgb.length; p += 3) {
        const d = Math.abs(rgb[p]! - neutral[p]!) + Math.abs(rgb[p + 1]! - neutral[p + 1]!) + Math.abs(rgb[p + 2]! - neutral[p + 2]!);
        if (d > 12) rgb[p + 1] = Math.min(255, rgb[p + 1]! + 90);
      }
    }
    const x0 = (k % cols) * tile,
      y0 = Math.floor(k / cols) * cellH;
    for (let y = 0; y < tile; y++) sheet.set(rgb.subarray(y * tile * 3, (y + 1) * tile * 3), ((y0 + y) * W + x0) * 3);
  });
  const fontSize = Math.max(8, Math.round(labelH * 0.72));
  const texts = names
    .map((n, k) => {
      const x = (k % cols) * tile + tile / 2,
        y = Math.floor(k / cols) * cellH + tile + labelH * 0.78;
      // Shrink names that would overflow the tile (DejaVu Sans averages ~0.6 em per glyph;
      // librsvg ignores textLength).
      const fs = Math.min(fontSize, (tile - 6) / (0.6 * n.length));
      return `<text x="${x}" y="${y.toFixed(1)}" text-anchor="middle" font-size="${fs.toFixed(1)}">${escapeXml(n)}</text>`;
    })
    .join('');
  const font = `font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="${fontSize}"`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><g ${font} fill="#e8e8e8">${texts}</g></svg>`;
  return sharp(sheet, { raw: { width: W, height: H, channels: 3 } })
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .png()
    .toBuffer();
}
