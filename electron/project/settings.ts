// The app's own settings (which project was open last), kept in the user's data folder. Both
// hosts read and write them: Electron's main at start and on every project change, `rigsolve app`
// the same way, so the next start reopens what the user had open.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeWriteFile } from '../util/safe-write';

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
  // Through the safe writer: a crash mid-write never leaves the next start an unreadable half file.
  await safeWriteFile(join(userDataDir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Where the app keeps its settings and demo when not under Electron (which has app.getPath). */
export function defaultUserDataDir(): string {
  const base = process.env.XDG_CONFIG_HOME ?? join(process.env.HOME ?? process.cwd(), '.config');
  return join(base, 'RigSolve');
}
