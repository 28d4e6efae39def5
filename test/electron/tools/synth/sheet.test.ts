import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderRigSheet } from '../../../../electron/tools/synth/sheet';
import { ballHeadRig } from './test-rig';

describe('renderRigSheet', () => {
  it('lays out neutral + one tile per control with labels, as a PNG', async () => {
    const rig = ballHeadRig(0.4);
    const png = await renderRigSheet(rig, { tileSize: 40, columns: 13, render: { ssaa: 1 } });
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(13 * 40);
    const rows = Math.ceil((rig.controls.length + 1) / 13);
    expect(meta.height! % rows).toBe(0);
    expect(meta.height! / rows).toBeGreaterThan(40);
  });
});
