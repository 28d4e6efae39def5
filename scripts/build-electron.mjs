// Bundles the main process (ESM) and the preload (CommonJS: sandboxed preloads cannot be ESM)
// into dist/electron. Node packages stay external and are shipped by electron-builder.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'info' };

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.js', format: 'esm', packages: 'external' });
await build({ ...common, entryPoints: ['electron/solver/process-entry.ts'], outfile: 'dist/electron/solver.js', format: 'esm', packages: 'external' });
// The synthetic renderer's worker_threads script (the first-run demo renders its capture with it),
// found as ./worker.js beside the bundle.
await build({ ...common, entryPoints: ['electron/tools/synth/render/worker.ts'], outfile: 'dist/electron/worker.js', format: 'esm', packages: 'external' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
