// Builds capture folders for tests: RGB and normal sequences with chosen defects.
import { rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { testPlatePixels, writeTestSequence } from '../../electron/demo/test-pattern';

export interface DefectiveCapture {
  rgbDir: string;
  normalDir: string;
  corruptFrame: number;
  missingNormalFrame: number;
  oddSizeFrame: number;
}

/** 12 frames (1..12) of 64×64 RGB + normal; frame 4 corrupt, frame 7 without normal, frame 10 of another size. */
export async function writeDefectiveCapture(root: string): Promise<DefectiveCapture> {
  const rgbDir = join(root, 'rgb');
  const normalDir = join(root, 'normal');
  await writeTestSequence({ dir: rgbDir, first: 1, count: 12, width: 64, height: 64, prefix: 'plate.' });
  await writeTestSequence({ dir: normalDir, first: 1, count: 12, width: 64, height: 64, prefix: 'plate_n.', kind: 'normal' });
  // Corrupt: a PNG cut off in the middle of its image data.
  await truncate(join(rgbDir, 'plate.0004.png'), 300);
  await rm(join(normalDir, 'plate_n.0007.png'));
  // Another size, for both modalities (so only the shot-size check fires).
  for (const [dir, name] of [
    [rgbDir, 'plate.0010.png'],
    [normalDir, 'plate_n.0010.png'],
  ] as const) {
    await sharp(testPlatePixels(10, 48, 48), { raw: { width: 48, height: 48, channels: 3 } })
      .png()
      .toFile(join(dir, name));
  }
  await writeFile(join(rgbDir, 'notes.txt'), 'not a frame');
  return { rgbDir, normalDir, corruptFrame: 4, missingNormalFrame: 7, oddSizeFrame: 10 };
}
