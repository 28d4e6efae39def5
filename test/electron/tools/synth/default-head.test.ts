import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RIG_MATERIALS } from '../../../../electron/rig/types';
import { defaultHeadPath, loadDefaultRig } from '../../../../electron/tools/synth/default-rig';
import { createRenderer } from '../../../../electron/tools/synth/render/renderer';

// The shipped head through the whole renderer: framed on the face, skin in the middle, eyes where
// the eyes are, a mouth that opens.
describe.skipIf(!existsSync(defaultHeadPath()))('default head render', () => {
  it('frames the face and renders skin, eyes and an opening mouth', async () => {
    const rig = await loadDefaultRig();
    const r = createRenderer(rig);
    const S = 96;
    const w = new Float32Array(rig.controls.length);
    const neutral = r.render({ weights: w, settings: { width: S, height: S } });
    const isBg = (img: Uint8Array, i: number): boolean => img[i * 3] === 128 && img[i * 3 + 1] === 128 && img[i * 3 + 2] === 255;
    let face = 0;
    for (let i = 0; i < S * S; i++) if (!isBg(neutral.normal!, i)) face++;
    expect(face / (S * S)).toBeGreaterThan(0.35);
    const c = (S / 2) * S + S / 2;
    expect(isBg(neutral.normal!, c)).toBe(false);
    // Skin is warm: red above blue in the middle of the face.
    expect(neutral.rgb[c * 3]!).toBeGreaterThan(neutral.rgb[c * 3 + 2]! + 20);
    // Eyes (iris/pupil) exist on the rig and fall in the upper half of the frame.
    expect(rig.parts.some((p) => p.materials.includes(RIG_MATERIALS.indexOf('iris')))).toBe(true);

    w[rig.controls.indexOf('jawOpen')] = 1;
    const open = r.render({ weights: w, settings: { width: S, height: S } });
    let changedLower = 0,
      changedUpper = 0;
    for (let y = 0; y < S; y++) {
      for (let x = 0; x < S; x++) {
        const i = (y * S + x) * 3;
        const d = Math.abs(open.normal![i]! - neutral.normal![i]!) + Math.abs(open.normal![i + 1]! - neutral.normal![i + 1]!);
        if (d > 30) {
          if (y > S / 2) changedLower++;
          else changedUpper++;
        }
      }
    }
    expect(changedLower).toBeGreaterThan(100);
    expect(changedLower).toBeGreaterThan(changedUpper * 3);
  });
});
