// Export time for a 10,000-frame shot with 102 controls, and the key reduction ratio at the default
// tolerance (Maya .anim), measured on a take written straight into a project.
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { upsertFrames } from '../../../electron/db/frames';
import { createShot, updateShotAfterImport } from '../../../electron/db/shots';
import { completeTake, createTake } from '../../../electron/db/takes';
import { DEFAULT_TOLERANCE, EXPORT_FORMAT_NAMES } from '../../../electron/common/export/formats';
import { exportShot } from '../../../electron/export/export-shot';
import { openProject } from '../../../electron/project/session';
import type { BenchFigure, BenchSuite } from '../figures';

const FRAMES = 10_000;

/** Solve-like curves: slow expression changes, blinks, speech-rate jaw, and a little jitter. */
function curve(c: number): Float32Array {
  let seed = 1234 + c * 7919;
  const noise = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.004;
  return Float32Array.from({ length: FRAMES }, (_, i) =>
    Math.min(1, Math.max(0, 0.3 + 0.25 * Math.sin(i / (40 + c)) + 0.15 * Math.sin(i / (7 + (c % 5))) + noise())),
  );
}

async function run(): Promise<BenchFigure[]> {
  const suite = 'export';
  const dir = join(tmpdir(), `rigsolve-bench-export-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  const project = openProject(join(dir, 'bench.rigsolve'));
  const shotId = createShot(project.db, { name: 'long', fps: 30, rgbSource: dir, normalSource: null, normalConvention: 'opengl' });
  upsertFrames(
    project.db,
    shotId,
    Array.from({ length: FRAMES }, (_, i) => ({
      frame: i + 1,
      rgbPath: null,
      normalPath: null,
      width: 512,
      height: 512,
      status: 'ok' as const,
      issues: [],
      rgbStamp: null,
      normalStamp: null,
    })),
  );
  updateShotAfterImport(project.db, shotId, { firstFrame: 1, lastFrame: FRAMES, width: 512, height: 512, importState: 'complete' });
  const takeId = createTake(project.db, { shotId, modelId: 'bench', modelHash: '-', provider: 'cpu', settings: {}, settingsKey: 'bench', notice: null });
  completeTake(project.db, takeId, shotId, new Map(DEFAULT_CONTROL_NAMES.map((c, i) => [c, curve(i)])), [], 0);

  const figures: BenchFigure[] = [];
  for (const format of EXPORT_FORMAT_NAMES) {
    const t = performance.now();
    const r = await exportShot(project.db, shotId, { format, out: join(dir, `long.${format}`) });
    figures.push({ suite, name: `export ${format}, ${FRAMES.toLocaleString('en')} frames × 102 controls`, value: performance.now() - t, unit: 'ms' });
    if (format === 'anim') {
      figures.push({
        suite,
        name: `key reduction at the default tolerance ${DEFAULT_TOLERANCE} (anim keys kept / dense)`,
        value: r.keysAfter / r.keysBefore,
        unit: 'ratio',
        ratio: { numerator: { name: 'keys after', value: r.keysAfter, unit: 'keys' }, denominator: { name: 'keys before', value: r.keysBefore, unit: 'keys' } },
        notes: `max error ${r.maxError.toFixed(5)}`,
      });
    }
  }
  project.close();
  await rm(dir, { recursive: true, force: true });
  return figures;
}

export const exportSuite: BenchSuite = { name: 'export', run };
