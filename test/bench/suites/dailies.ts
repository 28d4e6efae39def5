// Dailies throughput: a 300-frame shot (640×480 plates, a solved take on the default head) rendered
// at 1280×720 with burn-ins and H.264, start to finish (plates decoded and fitted, the head drawn,
// the bands written, encoded by the bundled ffmpeg), in frames per second.
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { renderDailies } from '../../../electron/dailies/render-dailies';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { importCapture } from '../../../electron/capture/import-capture';
import { completeTake, createTake, setActiveTake } from '../../../electron/db/takes';
import { openProject } from '../../../electron/project/session';
import type { BenchFigure, BenchSuite } from '../figures';

const FRAMES = 300;

async function run(): Promise<BenchFigure[]> {
  const suite = 'dailies';
  const dir = join(tmpdir(), `rigsolve-bench-dailies-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: FRAMES, width: 640, height: 480 });
  const project = openProject(join(dir, 'bench.rigsolve'));
  try {
    const { shot } = await importCapture(
      project.db,
      { shotName: 'sh300', rgbSource: join(dir, 'rgb'), normalSource: null, fps: 30 },
      { cacheDir: project.cacheDir },
    );
    const takeId = createTake(project.db, {
      shotId: shot.id,
      modelId: 'bench',
      modelHash: '-',
      provider: 'cpu',
      settings: {},
      settingsKey: 'bench',
      notice: null,
    });
    const curves = new Map(
      DEFAULT_CONTROL_NAMES.map((c, k) => [c, Float32Array.from({ length: FRAMES }, (_, i) => 0.35 + 0.35 * Math.sin(i / (9 + (k % 13)) + k))]),
    );
    completeTake(project.db, takeId, shot.id, curves, [], 0);
    setActiveTake(project.db, shot.id, takeId);
    const r = await renderDailies(project.db, { shotIds: [shot.id], out: join(dir, 'dailies.mp4'), project: 'bench', width: 1280, height: 720 });
    return [
      {
        suite,
        name: `dailies, ${FRAMES}-frame shot at 1280×720 (plate | head, burn-ins, H.264)`,
        value: r.framesPerSecond,
        unit: 'frames/s',
        notes: `${r.renderSeconds.toFixed(1)} s for ${r.frames} frames, one Node thread plus sharp's and ffmpeg's`,
      },
    ];
  } finally {
    project.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export const dailiesSuite: BenchSuite = { name: 'dailies', run };
