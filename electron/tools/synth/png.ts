// 8-bit RGB PNG encoding through sharp (HWC bytes, row 0 at the top).
import sharp from 'sharp';

export function encodePng(rgb: Uint8Array, width: number, height: number, compressionLevel = 6): Promise<Buffer> {
  return sharp(rgb, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel })
    .toBuffer();
}
