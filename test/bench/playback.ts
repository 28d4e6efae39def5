// Playback as the animator sees it, measured in the page: how many of the shot's frames per
// second are put on screen with the plate, the frame counter, the head and the curve editor's
// playhead all on that frame, and the head drawn with that frame's published values. Counting animation-frame ticks or
// playhead moves would also count frames whose plate was still loading or whose head render
// was skipped. The demo shot (the default head, 24 fps, 384² plates with normals) is what a new
// user plays first; here its ground truth is the take (asked for: truthTake), so playback is
// measured without solving it first (a solve's curves play the same way).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { importCapture } from '../../electron/capture/import-capture';
import { DEFAULT_CONTROL_NAMES } from '../../electron/common/controls';
import type { ProjectDb } from '../../electron/db/open';
import { defaultRigPath } from '../../electron/rig/rig-file';
import { loadRigFromGlb } from '../../electron/rig/load';
import { writeSynthShot } from '../../electron/tools/synth/shot/write-shot';

/** As electron/demo/demo-project.ts makes it. */
export const DEMO = { frames: 144, fps: 24, size: 384, seed: 7 } as const;

/** Imports the demo shot into a project (its capture rendered once, kept in the temp folder). */
export async function importDemoShot(db: ProjectDb, cacheDir: string): Promise<{ shotId: number; first: number }> {
  const capture = join(tmpdir(), `rigsolve-bench-demo-head-${DEMO.size}-${DEMO.frames}`);
  if (!existsSync(join(capture, 'truth.csv'))) {
    console.error(`bench: rendering the demo shot (${DEMO.frames} frames at ${DEMO.size}², once, kept in ${capture})…`);
    const rig = await loadRigFromGlb(new Uint8Array(await readFile(defaultRigPath())), DEFAULT_CONTROL_NAMES);
    await writeSynthShot({ outDir: capture, rig, frames: DEMO.frames, fps: DEMO.fps, seed: DEMO.seed, size: DEMO.size });
  }
  const report = await importCapture(
    db,
    {
      shotName: 'demo_head',
      rgbSource: join(capture, 'rgb'),
      normalSource: join(capture, 'normal'),
      fps: DEMO.fps,
      normalConvention: 'opengl',
      truthTake: true,
    },
    { cacheDir },
  );
  return { shotId: report.shot.id, first: report.shot.firstFrame ?? 1 };
}

export interface PlaybackFigures {
  /** Shot frames per second shown with plate, counter and head in step and the head's values right. */
  readonly presentedFps: number;
  /** Frames per second the playhead moved through (the clock's view: drops show as a gap to presentedFps). */
  readonly playheadFps: number;
  /** Of the frames the playhead showed: how many had the wrong (or no) plate, head frame, head values, graph playhead. */
  readonly misses: { readonly plate: number; readonly headFrame: number; readonly headValues: number; readonly graph: number; readonly shown: number };
  /** The head's moving scale and last measured frame cost at the end. */
  readonly pacing: { movingScale: number; frameCostMs: number; canvasWidth: number } | null;
}

/**
 * Plays from the shot's first frame (Home, Space) for warm-up + window seconds and measures the
 * window. Samples at the start of every animation frame, before the playback loop moves the
 * playhead: what the last frame handed to the compositor. A frame shown is a run of samples with
 * the counter on it (a looping shot shows a frame again: another run); the rate is the runs that
 * started between the first and the last full run, over the time between their starts.
 */
export async function measurePlayback(page: Page, opts: { warmupMs: number; windowMs: number; head: boolean }): Promise<PlaybackFigures> {
  await page.keyboard.press('Home');
  await page.evaluate(`(() => {
    const s = window.__benchPlay = { on: false, rows: [], values: new Map(), stop: false };
    const counter = document.querySelector('[data-testid=frame-counter]');
    const plate = document.querySelector('[data-testid=plate]');
    const tick = () => {
      if (s.stop) return;
      if (s.on) {
        const d = window.__rigsolvePreview?.drawn() ?? { frame: null, values: null };
        const f = Number(counter?.value);
        const g = window.__rigsolveCurves?.graphPlayhead() ?? null;
        s.rows.push([performance.now(), f, Number(plate?.dataset.frame ?? NaN), d.frame ?? NaN, g]);
        if (d.frame !== null && d.values && !s.values.has(d.frame)) s.values.set(d.frame, Array.from(d.values));
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.keyboard.press('Space');
  await page.waitForTimeout(opts.warmupMs);
  await page.evaluate('window.__benchPlay.on = true');
  await page.waitForTimeout(opts.windowMs);
  await page.evaluate('window.__benchPlay.on = false');
  await page.keyboard.press('Space');
  // The head's values are checked after the run, against what the curve session publishes.
  const result = (await page.evaluate(`(() => {
    const s = window.__benchPlay;
    s.stop = true;
    const wrongValues = new Set();
    for (const [frame, drawn] of s.values) {
      const want = window.__rigsolveCurves.publishedValues(frame);
      if (!want || want.length !== drawn.length || drawn.some((v, c) => Math.abs(v - want[c]) > 1e-6)) wrongValues.add(frame);
    }
    // Runs of samples on one frame; each was on screen with everything right at some sample, or
    // says what was off at its last.
    const runs = [];
    for (const [t, f, p, d, g] of s.rows) {
      if (!Number.isFinite(f)) continue;
      let run = runs[runs.length - 1];
      if (!run || run.f !== f) runs.push((run = { t, f, verdict: null }));
      if (run.verdict === 'good') continue;
      // The graph's playhead counts where a graph is on screen (null: none drawn).
      const plateOk = p === f, headOk = !${opts.head} || d === f, valuesOk = !${opts.head} || !wrongValues.has(f), graphOk = g === null || g === f;
      run.verdict = !plateOk ? 'plate' : !headOk ? 'head' : !valuesOk ? 'values' : !graphOk ? 'graph' : 'good';
    }
    // The first and last runs are cut by the window: count the ones between.
    const full = runs.slice(1, -1);
    const secs = full.length > 1 ? (full[full.length - 1].t - full[0].t) / 1000 : NaN;
    const counted = full.slice(0, -1);
    const count = (v) => counted.filter((r) => r.verdict === v).length;
    return {
      secs, shown: counted.length, good: count('good'), plate: count('plate'), head: count('head'), values: count('values'), graph: count('graph'),
      pacing: window.__rigsolvePreview?.pacing() ?? null,
    };
  })()`)) as { secs: number; shown: number; good: number; plate: number; head: number; values: number; graph: number; pacing: PlaybackFigures['pacing'] };
  return {
    presentedFps: result.good / result.secs,
    playheadFps: result.shown / result.secs,
    misses: { plate: result.plate, headFrame: result.head, headValues: result.values, graph: result.graph, shown: result.shown },
    pacing: result.pacing,
  };
}
