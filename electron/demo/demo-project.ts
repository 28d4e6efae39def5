// The project a new user meets on first run: created once in the user's data folder with a demo
// shot, then reopened (or the last project the user opened) on later runs.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importCapture } from '../capture/import-capture';
import { listShots } from '../db/shots';
import { openProject } from '../project/session';
import { DEFAULT_CONTROL_NAMES } from '../common/controls';
import { defaultRigPath } from '../frames/serve-rig';
import { loadRigFromGlb } from '../rig/load';
import { writeSynthShot } from '../synth';

const DEMO_FRAMES = 144;

export interface AppSettings {
  lastProject: string | null;
}

export async function readAppSettings(userDataDir: string): Promise<AppSettings> {
  try {
    return { lastProject: null, ...(JSON.parse(await readFile(join(userDataDir, 'settings.json'), 'utf8')) as Partial<AppSettings>) };
  } catch {
    return { lastProject: null };
  }
}

export async function writeAppSettings(userDataDir: string, settings: AppSettings): Promise<void> {
  await mkdir(userDataDir, { recursive: true });
  await writeFile(join(userDataDir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Creates the demo project if it is not there yet; returns its path. */
export async function ensureDemoProject(userDataDir: string, log: (line: string) => void = () => {}): Promise<string> {
  const dir = join(userDataDir, 'demo');
  const path = join(dir, 'demo.rigsolve');
  const project = openProject(path, { create: true });
  try {
    if (listShots(project.db).some((s) => s.importState === 'complete')) return path;
    log('creating the demo project (first run): rendering a synthetic capture of the default head…');
    const capture = join(dir, 'capture');
    const rgb = join(capture, 'rgb');
    const normal = join(capture, 'normal');
    if (!existsSync(join(capture, 'truth.csv'))) {
      const rig = await loadRigFromGlb(new Uint8Array(await readFile(defaultRigPath())), DEFAULT_CONTROL_NAMES);
      await writeSynthShot({ outDir: capture, rig, frames: DEMO_FRAMES, fps: 24, seed: 7, size: 384, onProgress: (done, total) => done % 24 === 0 && log(`  ${done}/${total} frames`) });
    }
    // The shot's truth.csv comes in as its first take, so the head plays at once; solving adds a take to compare.
    await importCapture(project.db, { shotName: 'demo_head', rgbSource: rgb, normalSource: normal, fps: 24, normalConvention: 'opengl' }, { cacheDir: project.cacheDir });
    return path;
  } finally {
    project.close();
  }
}

/** The project to open at start-up: the last one the user had open, else the demo. */
export async function startupProject(userDataDir: string, log?: (line: string) => void): Promise<string> {
  const settings = await readAppSettings(userDataDir);
  if (settings.lastProject && existsSync(settings.lastProject)) return settings.lastProject;
  return ensureDemoProject(userDataDir, log);
}

/** Where the app keeps its settings and demo when not under Electron (which has app.getPath). */
export function defaultUserDataDir(): string {
  const base = process.env.XDG_CONFIG_HOME ?? join(process.env.HOME ?? process.cwd(), '.config');
  return join(base, 'RigSolve');
}
