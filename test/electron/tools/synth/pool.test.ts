import { describe, expect, it } from 'vitest';
import { createRenderPool } from '../../../../electron/tools/synth/render/pool';
import { createRenderer } from '../../../../electron/tools/synth/render/renderer';
import type { RenderRequest } from '../../../../electron/tools/synth/render/types';
import { ballHeadRig } from './test-rig';

describe('render pool', () => {
  it('renders in worker threads exactly what the renderer renders on this thread', async () => {
    const rig = ballHeadRig(0.5);
    const reqs: RenderRequest[] = Array.from({ length: 6 }, (_, i) => {
      const w = new Float32Array(rig.controls.length);
      w[rig.controls.indexOf('jawOpen')] = i / 5;
      return { weights: w, settings: { width: 32, height: 32, seed: i, sensor: { readNoise: 0.01 } } };
    });
    const pool = await createRenderPool({ rig, workers: 2 });
    try {
      expect(pool.workers).toBe(2);
      const got = await pool.renderMany(reqs);
      const local = createRenderer(rig);
      got.forEach((g, i) => {
        const want = local.render(reqs[i]!);
        expect(Buffer.from(g.rgb).equals(Buffer.from(want.rgb))).toBe(true);
        expect(Buffer.from(g.normal!).equals(Buffer.from(want.normal!))).toBe(true);
      });
    } finally {
      await pool.close();
    }
    await expect(pool.render(reqs[0]!)).rejects.toThrow();
  });

  it('renders inline with workers: 0', async () => {
    const rig = ballHeadRig(0.4);
    const pool = await createRenderPool({ rig, workers: 0 });
    const r = await pool.render({ weights: new Float32Array(rig.controls.length), settings: { width: 16, height: 16 } });
    expect(r.rgb.length).toBe(16 * 16 * 3);
    await pool.close();
  });
});
