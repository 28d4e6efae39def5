// The default head's contact sheet against the reference image kept in test/fixtures (looked at and
// approved: a human face and 102 readable expressions). A change to the rig or the renderer that
// moves the picture fails here; if it was meant, regenerate the reference:
//   node bin/rigsolve.mjs rig-sheet --out test/fixtures/rig-sheet-reference.png --tile 96
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { DEFAULT_CONTROL_NAMES } from '../../../../electron/common/controls';
import { defaultRigPath } from '../../../../electron/rig/rig-file';
import { loadRigFromGlb } from '../../../../electron/rig/load';
import { renderRigSheet } from '../../../../electron/tools/synth/sheet';

it('the rig sheet matches the reference render within a tolerance', async () => {
  const rig = await loadRigFromGlb(new Uint8Array(await readFile(defaultRigPath())), DEFAULT_CONTROL_NAMES);
  const current = await sharp(await renderRigSheet(rig, { tileSize: 96 }))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const reference = await sharp('test/fixtures/rig-sheet-reference.png').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([current.info.width, current.info.height]).toEqual([reference.info.width, reference.info.height]);
  let sum = 0;
  let far = 0;
  for (let i = 0; i < current.data.length; i++) {
    const d = Math.abs(current.data[i]! - reference.data[i]!);
    sum += d;
    if (d > 48) far++;
  }
  // Mean difference under 1.5 levels, and under 0.5 % of values far off: the renderer is
  // deterministic, so this leaves room only for floating-point drift between machines.
  expect(sum / current.data.length).toBeLessThan(1.5);
  expect(far / current.data.length).toBeLessThan(0.005);
}, 120_000);
