// Writes resources/rigs/default-head.glb from the procedural default head.
//   npx tsx scripts/build-rig.ts [--check]
// --check: rebuild in memory and fail if the committed file differs (the generator is
// deterministic, so any difference means the GLB is stale).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildDefaultHeadGlb } from '../electron/tools/default-head/build';

const OUT = fileURLToPath(new URL('../resources/rigs/default-head.glb', import.meta.url));

async function main(): Promise<void> {
  const t0 = performance.now();
  const glb = await buildDefaultHeadGlb();
  const hash = createHash('sha256').update(glb).digest('hex');
  if (process.argv.includes('--check')) {
    const old = await readFile(OUT).catch(() => null);
    const same = old !== null && Buffer.compare(old, glb) === 0;
    console.log(same ? `default-head.glb is up to date (${hash})` : 'default-head.glb is stale: run npx tsx scripts/build-rig.ts');
    if (!same) process.exitCode = 1;
    return;
  }
  await writeFile(OUT, glb);
  console.log(`wrote ${OUT}: ${(glb.length / 1e6).toFixed(2)} MB, sha256 ${hash}, ${Math.round(performance.now() - t0)} ms`);
}

void main();
