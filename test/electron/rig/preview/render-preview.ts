// Dev tool, not a test: renders the default head (or a GLB) in a few expressions to PNGs.
//   npx tsx test/electron/rig/preview/render-preview.ts [outDir] [glbPath]
// Expressions: neutral, jawOpen, eyeBlink_L, mouthCornerPull_L+R, eyeLookOut_L, plus any
// "name=weight,name=weight" arguments after the paths.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { buildDefaultHeadRig } from '../../../../electron/rig/default-head/build';
import { evaluateRig } from '../../../../electron/rig/evaluate';
import { loadRigFromGlb } from '../../../../electron/rig/load';
import type { Rig } from '../../../../electron/rig/types';
import type { PreviewView } from './raster';
import { rasterise } from './raster';

export const EXPRESSIONS: Record<string, Record<string, number>> = {
  neutral: {},
  jawOpen: { jawOpen: 1 },
  eyeBlink_L: { eyeBlink_L: 1 },
  smile: { mouthCornerPull_L: 1, mouthCornerPull_R: 1 },
  eyeLookOut_L: { eyeLookOut_L: 1 },
};

export async function renderExpression(rig: Rig, weightsByName: Record<string, number>, view: PreviewView, file: string): Promise<void> {
  const w = new Float32Array(rig.controls.length);
  for (const [name, value] of Object.entries(weightsByName)) {
    const i = rig.controls.indexOf(name);
    if (i < 0) throw new Error(`unknown control ${name}`);
    w[i] = value;
  }
  const ev = evaluateRig(rig, w);
  const meshes = rig.parts.map((p, k) => ({ positions: ev.positions[k]!, indices: p.indices, colors: p.colors }));
  const { rgb, size } = rasterise(meshes, view);
  await sharp(Buffer.from(rgb), { raw: { width: size, height: size, channels: 3 } }).png().toFile(file);
}

async function main(): Promise<void> {
  const [outDir = 'test-output/rig-preview', glb, ...extra] = process.argv.slice(2);
  await mkdir(outDir, { recursive: true });
  const rig = glb && glb.endsWith('.glb') ? await loadRigFromGlb(new Uint8Array(await readFile(glb))) : buildDefaultHeadRig();
  const exprs = { ...EXPRESSIONS };
  for (const e of glb && glb.endsWith('.glb') ? extra : [glb, ...extra].filter((x): x is string => !!x)) {
    exprs[e] = Object.fromEntries(e.split(',').map((kv) => [kv.split('=')[0]!, Number(kv.split('=')[1] ?? 1)]));
  }
  for (const [name, weights] of Object.entries(exprs)) {
    await renderExpression(rig, weights, { size: 640, halfHeight: 0.085, centre: [0, -0.03, 0] }, join(outDir, `${name}.png`));
    await renderExpression(rig, weights, { size: 640, halfHeight: 0.085, centre: [0, -0.03, 0], yaw: 40 }, join(outDir, `${name}-34.png`));
  }
  console.log(`wrote ${Object.keys(exprs).length * 2} images to ${outDir}`);
}

if (process.argv[1]?.endsWith('render-preview.ts')) void main();
