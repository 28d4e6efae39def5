// Import throughput against sharp's bare decode rate of the same files, and frame-serving latency
// while scrubbing through the browser host (cold: proxies made on demand; warm: from the cache).
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { importCapture } from '../../../electron/capture/import-capture';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { startBrowserHost } from '../../../electron/host/browser-host';
import { openProject } from '../../../electron/project/session';
import { mapLimit } from '../../../electron/util/map-limit';
import { quantile, ratioFigure, type BenchFigure, type BenchSuite } from '../figures';

const FRAMES = 1000;
const SIZE = 512;

async function fixture(): Promise<{ rgb: string; normal: string }> {
  const root = join(tmpdir(), `rigsolve-bench-capture-${FRAMES}-${SIZE}`);
  const rgb = join(root, 'rgb');
  const normal = join(root, 'normal');
  if (!existsSync(join(normal, `frame.${String(FRAMES).padStart(4, '0')}.png`))) {
    console.error(`bench: writing ${FRAMES} RGB + ${FRAMES} normal PNG frames of ${SIZE}² (once; kept in ${root})`);
    await writeTestSequence({ dir: rgb, first: 1, count: FRAMES, width: SIZE, height: SIZE });
    await writeTestSequence({ dir: normal, first: 1, count: FRAMES, width: SIZE, height: SIZE, kind: 'normal' });
  }
  return { rgb, normal };
}

async function run(): Promise<BenchFigure[]> {
  const suite = 'capture';
  const { rgb, normal } = await fixture();
  const files = Array.from({ length: FRAMES }, (_, i) => `frame.${String(i + 1).padStart(4, '0')}.png`).flatMap((n) => [join(rgb, n), join(normal, n)]);
  const parallel = Math.max(2, availableParallelism());

  // Both sides read from the page cache: read every file once before timing either.
  await mapLimit(files, 8, (f) => readFile(f));
  // sharp's bare decode of the same 2,000 files, with the import's decode options and parallelism, timed
  // before and after the import and averaged, so a change of machine load between them shows less.
  const bareDecode = async (): Promise<number> => {
    const t0 = performance.now();
    await mapLimit(files, parallel * 2, (f) => sharp(f, { failOn: 'truncated' }).raw().toBuffer());
    return FRAMES / ((performance.now() - t0) / 1000);
  };
  const decodeBefore = await bareDecode();

  const work = join(tmpdir(), `rigsolve-bench-project-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  const project = openProject(join(work, 'bench.rigsolve'));
  const t = performance.now();
  const report = await importCapture(
    project.db,
    { shotName: 'bench', rgbSource: rgb, normalSource: normal, fps: 24, normalConvention: 'opengl' },
    { cacheDir: project.cacheDir },
  );
  const importFps = FRAMES / ((performance.now() - t) / 1000);
  const shotId = report.shot.id;
  project.close();
  const decodeFps = (decodeBefore + (await bareDecode())) / 2;

  const decode: BenchFigure = { suite, name: 'sharp bare decode, RGB+normal 512² PNG', value: decodeFps, unit: 'frames/s' };
  const imp: BenchFigure = { suite, name: 'import, RGB+normal 512² PNG (1,000 frames)', value: importFps, unit: 'frames/s' };

  // Scrubbing: the viewer asks for a 512-wide proxy of each frame in turn, as a drag across the timeline does.
  const host = await startBrowserHost({ projectPath: join(work, 'bench.rigsolve') });
  const latencies = async (frames: number[]): Promise<number[]> => {
    const out: number[] = [];
    for (const f of frames) {
      const s = performance.now();
      const res = await fetch(`${host.origin}/frame/${shotId}/rgb/${f}?w=448`, { headers: { cookie: `rigsolve_token=${host.token}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`frame ${f}: ${res.status}`);
      out.push(performance.now() - s);
    }
    return out.sort((a, b) => a - b);
  };
  const scrub = Array.from({ length: 200 }, (_, i) => 1 + ((i * 5) % FRAMES));
  const cold = await latencies(scrub);
  const warm = await latencies(scrub);
  const original = await (async () => {
    const out: number[] = [];
    for (const f of scrub.slice(0, 100)) {
      const s = performance.now();
      await (await fetch(`${host.origin}/frame/${shotId}/rgb/${f}`, { headers: { cookie: `rigsolve_token=${host.token}` } })).arrayBuffer();
      out.push(performance.now() - s);
    }
    return out.sort((a, b) => a - b);
  })();
  await host.close();
  await rm(work, { recursive: true, force: true });

  return [
    decode,
    imp,
    ratioFigure(suite, 'import / bare decode', imp, decode),
    { suite, name: 'frame serving, 448-px proxy, cold (made on demand): median', value: quantile(cold, 0.5), unit: 'ms' },
    { suite, name: 'frame serving, 448-px proxy, cold: p95', value: quantile(cold, 0.95), unit: 'ms' },
    { suite, name: 'frame serving, 448-px proxy, cached: median', value: quantile(warm, 0.5), unit: 'ms' },
    { suite, name: 'frame serving, 448-px proxy, cached: p95', value: quantile(warm, 0.95), unit: 'ms' },
    { suite, name: 'frame serving, original 512² PNG: median', value: quantile(original, 0.5), unit: 'ms' },
    { suite, name: 'frame serving, original 512² PNG: p95', value: quantile(original, 0.95), unit: 'ms' },
  ];
}

export const captureSuite: BenchSuite = { name: 'capture', run };
