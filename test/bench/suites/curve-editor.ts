// Curve editor in Chromium (headless, SwiftShader): plot redraw time while panning 102 channels
// over a 20,000-frame shot, key-drag-to-preview latency (pointer move → the value the head
// preview reads has changed), and the playback rate with plate, head and curves on screen:
// frames presented per second with plate, head and the graph's playhead in step (playback.ts), on the demo shot
// (24 fps, 384² plates) and on the long take (60 fps). The long take: 20,000 tiny PNGs imported
// for real, its take written straight into the database (solving 20,000 frames would measure
// the solver, not the editor). Where the long take's frames go with the head on software WebGL,
// and what has been tried: ../playback-software-gl.md.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { importCapture } from '../../../electron/capture/import-capture';
import { DEFAULT_CONTROLS, REGIONS } from '../../../electron/common/controls';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { commitEdit } from '../../../electron/db/layers';
import type { ProjectDb } from '../../../electron/db/open';
import { completeTake, createTake } from '../../../electron/db/takes';
import { startBrowserHost } from '../../../electron/host/browser-host';
import { openProject } from '../../../electron/project/session';
import { quantile, type BenchFigure, type BenchSuite } from '../figures';
import { DEMO, importDemoShot, measurePlayback, type PlaybackFigures } from '../playback';
import { mulberry32 as rng } from '../../helpers/seeded';

const FRAMES = 20_000;
const FPS = 60;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Solve-like curves: slow expressions (a few sines), bursts of speech on the mouth, solver
 * jitter, rare spikes — in 0…1, like a real take.
 */
export function syntheticCurves(controls: readonly string[], length: number, seed = 7): Map<string, Float32Array> {
  const r = rng(seed);
  const out = new Map<string, Float32Array>();
  for (const name of controls) {
    const v = new Float32Array(length);
    const base = 0.08 + 0.25 * r();
    const waves = Array.from({ length: 3 }, () => ({ period: 40 + 500 * r(), amp: 0.04 + 0.16 * r(), phase: r() * Math.PI * 2 }));
    const speech = /mouth|lip|jaw|tongue/i.test(name) ? 0.18 * r() : 0;
    for (let i = 0; i < length; i++) {
      let x = base;
      for (const w of waves) x += w.amp * Math.sin((i / w.period) * Math.PI * 2 + w.phase);
      if (speech > 0) x += speech * Math.max(0, Math.sin(i / 7.3)) * Math.max(0, Math.sin(i / 97 + 1));
      x += (r() - 0.5) * 0.035;
      if (r() < 0.002) x += 0.25;
      v[i] = Math.min(1, Math.max(0, x));
    }
    out.set(name, v);
  }
  return out;
}

/** A complete take of synthetic curves for a shot, made the shot's active take. */
export function writeSyntheticTake(db: ProjectDb, shotId: number, length: number, failedFrames: readonly number[] = [], seed = 7): number {
  const takeId = createTake(db, {
    shotId,
    modelId: 'synthetic',
    modelHash: 'synthetic',
    provider: 'none',
    settings: { synthetic: true },
    settingsKey: `synthetic-${seed}`,
    notice: null,
  });
  completeTake(
    db,
    takeId,
    shotId,
    syntheticCurves(
      DEFAULT_CONTROLS.map((c) => c.name),
      length,
      seed,
    ),
    failedFrames,
    0,
  );
  return takeId;
}

/** The worst case for drawing: every region filtered and every control keyed (three distinct curves each). */
export function busyLayer(db: ProjectDb, shotId: number, first: number, length: number): void {
  commitEdit(db, shotId, {
    label: 'bench filters',
    ops: REGIONS.map((region) => ({ op: 'setFilter' as const, scope: `region:${region}`, filter: { kind: 'gaussian' as const, strength: 0.4 } })),
  });
  commitEdit(db, shotId, {
    label: 'bench keys',
    ops: DEFAULT_CONTROLS.map((c, i) => ({
      op: 'setKeys' as const,
      control: c.name,
      keys: [0.2, 0.45, 0.7].map((t, k) => ({ frame: first + Math.round(length * t) + i * 7, value: k === 1 ? 0.15 : -0.05, interp: 'smooth' as const })),
    })),
  });
}

/** Keys a cleaned-up long take has: a key every `every` frames on every control (offsets of a few hundredths). */
export const DENSE_EVERY = 10;

export function denseKeys(db: ProjectDb, shotId: number, first: number, length: number, every = DENSE_EVERY): number {
  let count = 0;
  commitEdit(db, shotId, {
    label: 'bench dense keys',
    ops: DEFAULT_CONTROLS.map((c, i) => {
      const keys = [];
      for (let f = first; f < first + length; f += every) keys.push({ frame: f, value: 0.04 * Math.sin(f / 37 + i), interp: 'smooth' as const });
      count += keys.length;
      return { op: 'setKeys' as const, control: c.name, keys };
    }),
  });
  return count;
}

interface BenchShot {
  projectPath: string;
  shotId: number;
  first: number;
  demoShotId: number;
  keys: number;
}

async function makeShot(root: string): Promise<BenchShot> {
  const rgb = join(tmpdir(), `rigsolve-bench-curves-${FRAMES}`, 'rgb');
  if (!existsSync(join(rgb, `frame.${String(FRAMES).padStart(4, '0')}.png`))) {
    console.error(`bench: writing ${FRAMES} 16×16 frames (once, kept in ${rgb})…`);
    await writeTestSequence({ dir: rgb, first: 1, count: FRAMES, width: 16, height: 16, compressionLevel: 1 });
  }
  const projectPath = join(root, 'bench.rigsolve');
  const project = openProject(projectPath, { create: true });
  try {
    const report = await importCapture(
      project.db,
      { shotName: 'long_take', rgbSource: rgb, normalSource: null, fps: FPS, normalConvention: 'opengl' },
      { cacheDir: project.cacheDir },
    );
    const shotId = report.shot.id;
    const first = report.shot.firstFrame ?? 1;
    writeSyntheticTake(project.db, shotId, FRAMES, [first + 5000, first + 5001, first + 12000]);
    busyLayer(project.db, shotId, first, FRAMES);
    const keys = denseKeys(project.db, shotId, first, FRAMES);
    const demo = await importDemoShot(project.db, project.cacheDir);
    return { projectPath, shotId, first, demoShotId: demo.shotId, keys };
  } finally {
    project.close();
  }
}

const hooks = (p: Page, expr: string) => p.evaluate(`(async () => { const h = window.__rigsolveCurves; return ${expr}; })()`);

async function run(): Promise<BenchFigure[]> {
  const suite = 'curve-editor';
  if (!existsSync(CHROMIUM)) return [{ suite, name: 'skipped: no Chromium', value: Number.NaN, unit: '', notes: `set CHROMIUM_PATH (looked for ${CHROMIUM})` }];
  const root = join(tmpdir(), `rigsolve-bench-curves-project-${process.pid}`);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const shot = await makeShot(root);
  // The renderer as shipped (a production build), built here so the figures are for this tree.
  const rendererDir = join(root, 'renderer');
  const { build } = await import('vite');
  await build({ configFile: join(process.cwd(), 'renderer', 'vite.config.ts'), build: { outDir: rendererDir, emptyOutDir: true }, logLevel: 'warn' });
  const host = await startBrowserHost({ projectPath: shot.projectPath, port: 0, host: '127.0.0.1', rendererDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const figures: BenchFigure[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    await page.addInitScript("localStorage.setItem('rigsolve.debugHooks', '1')");
    await page.goto(`${host.url}#/shot/${shot.shotId}`);
    await page.waitForSelector('[data-testid=curve-editor]', { timeout: 60_000 });
    // Every channel drawn, the whole shot framed.
    await page.click('[data-testid=channel-list] >> text=All');
    await page.mouse.move(10, 10);
    await page.keyboard.press('a');
    await page.waitForTimeout(500);
    const graph = (await page.locator('[data-testid=curve-graph]').boundingBox())!;

    // 1. Plot redraw while panning (middle-drag), at two zooms: the whole shot, and 2,000 frames.
    for (const zoom of ['whole shot', '2,000 frames']) {
      if (zoom !== 'whole shot') {
        // Wheel-zoom in to ~2,000 frames visible.
        await page.mouse.move(graph.x + graph.width / 2, graph.y + graph.height / 2);
        for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -200);
        await page.waitForTimeout(300);
      }
      const before = ((await hooks(page, 'h.plotTimes().length')) as number) ?? 0;
      const overlayBefore = ((await hooks(page, 'h.overlayTimes().length')) as number) ?? 0;
      const y = graph.y + graph.height / 2;
      await page.mouse.move(graph.x + graph.width * 0.7, y);
      await page.mouse.down({ button: 'middle' });
      for (let i = 0; i < 240; i++) {
        const t = i / 240;
        await page.mouse.move(graph.x + graph.width * (0.7 - 0.4 * Math.sin(t * Math.PI * 2)), y + 30 * Math.sin(t * Math.PI * 6));
      }
      await page.mouse.up({ button: 'middle' });
      await page.waitForTimeout(200);
      const times = ((await hooks(page, 'h.plotTimes()')) as number[]).slice(before).sort((a, b) => a - b);
      const keyed = `keyed every ${DENSE_EVERY} frames (${shot.keys.toLocaleString('en')} keys)`;
      const label = `plot redraw while panning, 102 channels × ${FRAMES} frames (raw, filtered, final), ${keyed}, ${zoom}`;
      figures.push({ suite, name: `${label}: median`, value: quantile(times, 0.5), unit: 'ms', notes: `${times.length} redraws` });
      figures.push({ suite, name: `${label}: p95`, value: quantile(times, 0.95), unit: 'ms', target: '≤ 8' });
      // The keys, playhead and readouts are the overlay's, redrawn with every pan too.
      const overlay = ((await hooks(page, 'h.overlayTimes()')) as number[]).slice(overlayBefore).sort((a, b) => a - b);
      figures.push({
        suite,
        name: `overlay redraw (keys, playhead) while panning, ${keyed}, ${zoom}: p95`,
        value: quantile(overlay, 0.95),
        unit: 'ms',
        target: '≤ 8',
      });
    }

    // 2. Key drag → published preview value: the time from a pointer move reaching the page to
    //    the control-values store the head preview reads having changed.
    await page.keyboard.press('a');
    await page.fill('[data-testid=channel-search]', 'mouthCornerPull_L');
    await page.click('[data-testid=channel][data-name=mouthCornerPull_L]');
    await page.fill('[data-testid=channel-search]', '');
    await page.keyboard.press('Escape');
    const frame = shot.first + 3000;
    await page.fill('[data-testid=frame-counter]', String(frame));
    await page.press('[data-testid=frame-counter]', 'Enter');
    await page.mouse.move(10, 10);
    await page.keyboard.press('s');
    await hooks(page, 'h.settled()');
    await page.keyboard.press('f');
    await page.waitForTimeout(300);
    const key = (await hooks(page, `h.keyScreen('mouthCornerPull_L', ${frame})`)) as { x: number; y: number } | null;
    if (!key) throw new Error('bench: the key set with S is not on screen');
    await page.evaluate(`(() => {
      const s = window.__benchLatency = { samples: [], t: 0 };
      window.addEventListener('pointermove', (e) => { if (e.buttons) s.t = performance.now(); }, true);
      let v = window.__rigsolveCurves.publishedVersion();
      const poll = () => {
        const nv = window.__rigsolveCurves.publishedVersion();
        if (nv !== v && s.t) { s.samples.push(performance.now() - s.t); s.t = 0; }
        v = nv;
      };
      window.__benchPoll = poll;
    })()`);
    // The publish is synchronous inside the pointer handler, so measure it from within the page:
    // a capture listener stamps the move, a bubbling listener on window reads the store after.
    await page.evaluate(`window.addEventListener('pointermove', () => window.__benchPoll(), false)`);
    await page.mouse.move(graph.x + key.x, graph.y + key.y);
    await page.mouse.down();
    for (let i = 1; i <= 120; i++) await page.mouse.move(graph.x + key.x + (i % 2 === 0 ? 0 : 1) + i * 0.5, graph.y + key.y - i * 0.8);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    const lat = ((await page.evaluate('window.__benchLatency.samples')) as number[]).sort((a, b) => a - b);
    figures.push({ suite, name: 'key drag → preview value published: median', value: quantile(lat, 0.5), unit: 'ms', notes: `${lat.length} moves` });
    figures.push({ suite, name: 'key drag → preview value published: p95', value: quantile(lat, 0.95), unit: 'ms', target: '≤ 16 (within the frame)' });

    // 3. Playback: frames presented per second with the plate and the head on the playhead's
    //    frame and the head's values right (playback.ts). The long take first, with the head and
    //    then with it hidden (which separates the head's own cost, WebGL on SwiftShader here,
    //    from the rest); then the demo shot, as a new user first plays it.
    const notes = (p: PlaybackFigures): string =>
      `playhead moved through ${p.playheadFps.toFixed(1)} frames/s; of ${p.misses.shown} frames shown, wrong plate ${p.misses.plate}, ` +
      `head on another frame ${p.misses.headFrame}, wrong head values ${p.misses.headValues}, graph playhead on another frame ${p.misses.graph}` +
      (p.pacing
        ? `; head drawn at ${p.pacing.movingScale}× while moving (canvas ${p.pacing.canvasWidth} px wide), last frame ${p.pacing.frameCostMs.toFixed(1)} ms`
        : '');
    await page.mouse.move(graph.x + graph.width / 2, graph.y - 40);
    const longHead = await measurePlayback(page, { warmupMs: 1000, windowMs: 5000, head: true });
    figures.push({
      suite,
      name: `playback, long take (${FPS} fps, 16² plates), plate + head + curves: frames presented per second`,
      value: longHead.presentedFps,
      unit: 'frames/s',
      target: `≥ ${Math.min(60, FPS)} (the shot's fps, up to 60)`,
      notes: notes(longHead),
    });
    const hide = await page.addStyleTag({ content: '.head-slot { display: none !important; }' });
    await page.waitForTimeout(300);
    const overlay0 = ((await hooks(page, 'h.overlayTimes().length')) as number) ?? 0;
    const longNoHead = await measurePlayback(page, { warmupMs: 500, windowMs: 5000, head: false });
    figures.push({
      suite,
      name: 'playback, long take, plate + curves, head hidden: frames presented per second',
      value: longNoHead.presentedFps,
      unit: 'frames/s',
      target: `≥ ${Math.min(60, FPS)}`,
      notes: notes(longNoHead),
    });
    const ov = ((await hooks(page, 'h.overlayTimes()')) as number[]).slice(overlay0).sort((a, b) => a - b);
    figures.push({ suite, name: 'graph overlay redraw per played frame (playhead, keys, readouts): median', value: quantile(ov, 0.5), unit: 'ms' });

    await hide.evaluate((el) => el.remove());
    await page.evaluate(`location.hash = '#/shot/${shot.demoShotId}'`);
    await page.waitForSelector('[data-testid=head-preview][data-load=ready]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=head-preview][data-values=values]', { timeout: 60_000 });
    await page.mouse.move(10, 10);
    const demo = await measurePlayback(page, { warmupMs: 1500, windowMs: 8000, head: true });
    figures.push({
      suite,
      name: `playback, demo shot (${DEMO.fps} fps, ${DEMO.size}² plates), plate + head + curves: frames presented per second`,
      value: demo.presentedFps,
      unit: 'frames/s',
      target: `≥ ${Math.min(60, DEMO.fps)} (the shot's fps, up to 60)`,
      notes: notes(demo),
    });
    // One time axis: the graph's playhead on the plate's frame in every frame shown, in all three runs.
    const runs = [longHead, longNoHead, demo];
    figures.push({
      suite,
      name: 'playback: frames shown with the graph playhead on another frame than the plate (all three runs)',
      value: runs.reduce((n, r) => n + r.misses.graph, 0),
      unit: 'frames',
      target: '0',
      notes: `of ${runs.reduce((n, r) => n + r.misses.shown, 0)} frames shown`,
    });
  } finally {
    await browser.close();
    await host.close();
    await rm(root, { recursive: true, force: true });
  }
  return figures;
}

export const curveEditorSuite: BenchSuite = { name: 'curve-editor', run };
