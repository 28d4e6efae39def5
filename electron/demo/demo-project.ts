// The project a new user meets on first run: created once in the user's data folder with a demo
// shot, then reopened (or the last project the user opened) on later runs. What it shows is the
// truth about the product: the shot solved by the shipped model is the active take, and the
// shot's ground truth sits beside it as a comparison take, named as such.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CURVES_TAKE_MODEL, importCurvesTake, TRUTH_FILE } from '../capture/curves-take';
import { importCapture } from '../capture/import-capture';
import type { ProjectDb } from '../db/open';
import { findShotByName, getShot, listShots } from '../db/shots';
import { listTakes } from '../db/takes';
import { openProject } from '../project/session';
import { readAppSettings } from '../project/settings';
import { defaultShotRig, loadShotRig, rigForShot } from '../rig/shot-rig';
import { SolverClient } from '../solver/client';
import { loadModelInfo } from '../solver/manifest';
import { defaultModelPath } from '../solver/models-catalog';
import { solveShot } from '../solver/solve-shot';
import { forkTransport, type TransportFactory } from '../solver/transport';
import { writeSynthShot } from '../tools/synth';

const DEMO_FRAMES = 144;
const DEMO_SHOT = 'demo_head';

export interface DemoOptions {
  /** The model the demo shot is solved with (default: the shipped model, models/rigsolve-default.onnx). */
  modelPath?: string;
  /** How to reach the solver process: Electron's main passes its utilityProcess transport (default: a Node fork). */
  transport?: TransportFactory;
}

/**
 * Creates the demo project if it is not there yet, and finishes one an earlier run left part-made
 * (killed mid-solve, or made before the demo was solved); returns its path. A demo that cannot be
 * solved (no model file, a solver failure) still opens, with its ground-truth take, and says why in
 * one line; the next start tries the solve again.
 */
export async function ensureDemoProject(userDataDir: string, log: (line: string) => void = () => {}, opts: DemoOptions = {}): Promise<string> {
  const dir = join(userDataDir, 'demo');
  const path = join(dir, 'demo.rigsolve');
  const capture = join(dir, 'capture');
  const project = openProject(path, { create: true });
  try {
    const existing = findShotByName(project.db, DEMO_SHOT);
    // A demo project whose shot the user has replaced with their own is theirs now: left alone.
    if (!existing && listShots(project.db).some((s) => s.importState === 'complete')) return path;
    const shotId = existing?.importState === 'complete' ? existing.id : await createDemoShot(project.db, project.cacheDir, capture, log);
    const takes = listTakes(project.db, shotId);
    // The truth first, never active: it is there to compare the solve with, not to pass for one.
    if (!takes.some((t) => t.modelId === CURVES_TAKE_MODEL && t.state === 'complete')) {
      try {
        const truth = await importCurvesTake(project.db, shotId, join(capture, TRUTH_FILE), { role: 'truth', activate: false });
        log(`demo: the shot's ${truth.name} is take ${truth.takeId}, for comparison`);
      } catch (err) {
        log(`demo: no ground-truth take (${firstLine(err)})`);
      }
    }
    if (!takes.some((t) => t.modelId !== CURVES_TAKE_MODEL && t.state === 'complete')) await solveDemoShot(project.db, shotId, log, opts);
    return path;
  } finally {
    project.close();
  }
}

/** Renders the demo capture (unless an earlier run did) and imports it, without its truth: returns the shot's id. */
async function createDemoShot(db: ProjectDb, cacheDir: string, capture: string, log: (line: string) => void): Promise<number> {
  log('creating the demo project (first run): rendering a synthetic capture of the default head…');
  if (!existsSync(join(capture, TRUTH_FILE))) {
    const rig = await loadShotRig(defaultShotRig());
    await writeSynthShot({
      outDir: capture,
      rig,
      frames: DEMO_FRAMES,
      fps: 24,
      seed: 7,
      size: 384,
      onProgress: (done, total) => done % 24 === 0 && log(`  ${done}/${total} frames`),
    });
  }
  const report = await importCapture(
    db,
    { shotName: DEMO_SHOT, rgbSource: join(capture, 'rgb'), normalSource: join(capture, 'normal'), fps: 24, normalConvention: 'opengl' },
    { cacheDir },
  );
  return report.shot.id;
}

/** Solves the demo shot as `rigsolve solve` does (same model file, solver process and take); a failure is logged, not thrown. */
async function solveDemoShot(db: ProjectDb, shotId: number, log: (line: string) => void, opts: DemoOptions): Promise<void> {
  const modelPath = resolve(opts.modelPath ?? defaultModelPath());
  const client = new SolverClient(opts.transport ?? forkTransport);
  try {
    const model = await loadModelInfo(modelPath);
    log(`demo: solving the shot with model ${model.manifest.id}…`);
    let reported = 0;
    const result = await solveShot(db, shotId, {
      model,
      client,
      rigControls: rigForShot(getShot(db, shotId)!).controls,
      device: 'auto',
      onProvider: (provider, notice) => log(`  on ${provider.toUpperCase()}${notice ? ` (${notice})` : ''}`),
      onProgress: (p) => {
        if (p.done < reported + 48 && p.done < p.total) return;
        reported = p.done;
        log(`  ${p.done}/${p.total} frames`);
      },
    });
    log(`demo: the shot is solved (take ${result.takeId}, the active take, ${result.frames} frames at ${result.framesPerSecond.toFixed(1)} frames/s)`);
  } catch (err) {
    log(`demo: the shot is not solved (${firstLine(err)}); it opens unsolved, with its ground truth as a comparison take: solve it from the shot view`);
  } finally {
    client.dispose();
  }
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}

/** The project to open at start-up: the last one the user had open, else the demo. */
export async function startupProject(userDataDir: string, log?: (line: string) => void, opts: DemoOptions = {}): Promise<string> {
  const settings = await readAppSettings(userDataDir);
  if (settings.lastProject && existsSync(settings.lastProject)) return settings.lastProject;
  return ensureDemoProject(userDataDir, log, opts);
}
