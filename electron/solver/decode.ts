// Plate decoding for the solver: crop to the shot's square, resize to the model's input, 8-bit RGB.
import sharp from 'sharp';
import type { CropRect } from '../common/api/schemas';

/** The centred square of a plate: the default crop until the animator drags one. */
export function defaultCrop(width: number, height: number): CropRect {
  const size = Math.min(width, height);
  return { x: Math.floor((width - size) / 2), y: Math.floor((height - size) / 2), size };
}

/** Clamps a crop into the plate, whole pixels, at least 1×1. */
export function clampCrop(crop: CropRect, width: number, height: number): CropRect {
  const size = Math.max(1, Math.min(Math.round(crop.size), width, height));
  const x = Math.min(Math.max(0, Math.round(crop.x)), width - size);
  const y = Math.min(Math.max(0, Math.round(crop.y)), height - size);
  return { x, y, size };
}

export async function decodeForModel(path: string, crop: CropRect, size: number): Promise<Uint8Array> {
  const { data, info } = await sharp(path, { failOn: 'truncated' })
    .extract({ left: crop.x, top: crop.y, width: crop.size, height: crop.size })
    .resize(size, size, { fit: 'fill', kernel: 'lanczos3' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 || info.width !== size || info.height !== size) throw new Error(`unexpected decode ${info.width}×${info.height}×${info.channels}`);
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}
