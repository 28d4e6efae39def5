// An open project: its database and the cache folder beside it (video frames, plate proxies).
import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { openProjectDb, type ProjectDb } from '../db/open';

export const PROJECT_EXTENSION = '.rigsolve';

export interface ProjectSession {
  readonly path: string;
  readonly name: string;
  readonly db: ProjectDb;
  readonly cacheDir: string;
  readonly readOnly: boolean;
  close(): void;
}

export function projectCacheDir(projectPath: string): string {
  const abs = resolve(projectPath);
  const stem = basename(abs, extname(abs));
  return join(dirname(abs), `${stem}${PROJECT_EXTENSION}-cache`);
}

export function openProject(path: string, opts: { create?: boolean; readOnly?: boolean } = {}): ProjectSession {
  const abs = resolve(path);
  if (opts.create !== false && !opts.readOnly) mkdirSync(dirname(abs), { recursive: true });
  const db = openProjectDb(abs, { create: opts.create ?? true, readOnly: opts.readOnly ?? false });
  const cacheDir = projectCacheDir(abs);
  return {
    path: abs,
    name: basename(abs, extname(abs)),
    db,
    cacheDir,
    readOnly: opts.readOnly ?? false,
    close: () => db.close(),
  };
}
