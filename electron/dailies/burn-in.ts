// The dailies' burn-ins: an opaque band at the top (project, shot, take, status, artist) and one at
// the bottom (frame, timecode, the drawn note's words), drawn as SVG text by sharp (librsvg).
// Opaque, so a frame's band is the same pixels whatever the plate: the dailies test compares a
// band cut from the movie with this function's own rendering of the text it should show.
import sharp from 'sharp';

export interface BurnInFields {
  project: string;
  shot: string;
  take: string;
  status: string;
  artist: string;
  frame: string;
  timecode: string;
  /** The open note shown on this frame, if any (its first words). */
  note: string | null;
}

/** Band height for a frame height: 5% of it, at least 22 px. */
export function bandHeight(height: number): number {
  return Math.max(22, Math.round(height * 0.05));
}

/** Monospace, so a frame's digits do not shift the rest of the band; librsvg takes the first one the system has. */
const FONT = 'DejaVu Sans Mono, Menlo, Consolas, monospace';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function band(width: number, height: number, left: string, right: string, centre: string | null): string {
  const size = Math.round(height * 0.56);
  const y = Math.round(height * 0.7);
  const pad = Math.round(height * 0.4);
  const text = (x: number, anchor: string, s: string, fill = '#f2f2f2') =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" fill="${fill}" font-family="${FONT}" font-size="${size}">${esc(s)}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#000"/>` +
    text(pad, 'start', left) +
    (centre ? text(Math.round(width / 2), 'middle', centre, '#ffcc00') : '') +
    text(width - pad, 'end', right) +
    '</svg>'
  );
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The two bands as SVG documents, `width` wide. */
export function burnInSvgs(f: BurnInFields, width: number, height: number): { top: string; bottom: string } {
  const h = bandHeight(height);
  const chars = Math.floor(width / (h * 0.56 * 0.62));
  return {
    top: band(
      width,
      h,
      clip(`${f.project}  ·  ${f.shot}  ·  take ${f.take}`, Math.floor(chars * 0.6)),
      clip(`${f.status}  ·  ${f.artist}`, Math.floor(chars * 0.38)),
      null,
    ),
    bottom: band(width, h, `frame ${f.frame}`, f.timecode, f.note ? clip(f.note, Math.floor(chars * 0.55)) : null),
  };
}

/** One band as raw RGB (width × bandHeight × 3): what the test compares a movie's crop with. */
export async function renderBand(svg: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
