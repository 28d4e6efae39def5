// Decodes a frame file completely (a header read alone misses truncated or corrupt data).
import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import type { Probe } from './classify';

export async function probeImage(path: string): Promise<Probe> {
  try {
    // failOn 'truncated': a file cut short or with bad data fails; harmless libpng warnings do not.
    const { info } = await sharp(path, { failOn: 'truncated' }).raw().toBuffer({ resolveWithObject: true });
    return { ok: true, width: info.width, height: info.height };
  } catch (err) {
    return { ok: false, message: `unreadable image (${firstLine((err as Error).message)})` };
  }
}

/** size:mtime, to notice a file changed since it was checked. */
export async function fileStamp(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    return `${s.size}:${Math.round(s.mtimeMs)}`;
  } catch {
    return null;
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}
