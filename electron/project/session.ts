// An open project: its database and the cache folder beside it (video frames, plate proxies).
import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { openProjectDb, type ProjectDb } from '../db/open';
import { recoverStaleSolves } from '../db/solve-owners';

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
  // A solve killed with its process (kill -9, a crash, power) must not leave its shot locked in
  // "solving" nor its take "running": their marks are cleared here unless their process is alive.
  if (!opts.readOnly) {
    try {
      recoverStaleSolves(db);
    } catch (err) {
      // Another process holds the write lock past the busy timeout: the marks stay until the next open.
      if ((err as { code?: unknown }).code !== 'SQLITE_BUSY') {
        db.close();
        throw err;
      }
    }
  }
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
