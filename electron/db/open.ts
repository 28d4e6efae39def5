// Opens (or creates) a project's shot database. One SQLite file per project.
// No 'electron' import: the same module runs under Node in the CLI, the browser host and tests.
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type ProjectDb = Database.Database;

export class ProjectFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectFileError';
  }
}

export interface OpenOptions {
  /** Create the file if it does not exist (default true). */
  create?: boolean;
  readOnly?: boolean;
}

export function openProjectDb(path: string, opts: OpenOptions = {}): ProjectDb {
  let db: ProjectDb;
  try {
    db = new Database(path, { fileMustExist: opts.create === false || opts.readOnly === true, readonly: opts.readOnly ?? false });
  } catch (err) {
    throw new ProjectFileError(`cannot open project ${path}: ${(err as Error).message}`);
  }
  try {
    if (!opts.readOnly) {
      // WAL: readers never block the writer, and a killed process loses at most the open transaction.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    assertIsProject(db, path);
    if (!opts.readOnly) migrate(db);
  } catch (err) {
    db.close();
    if (err instanceof ProjectFileError) throw err;
    throw new ProjectFileError(`${path} is not a RigSolve project: ${(err as Error).message}`);
  }
  return db;
}

function assertIsProject(db: ProjectDb, path: string): void {
  // A non-empty SQLite file without our schema is someone else's database: refuse it rather than add tables to it.
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number };
  if (version === 0 && tables.n > 0) throw new ProjectFileError(`${path} is an SQLite file but not a RigSolve project`);
  if (version > MIGRATIONS.length) {
    throw new ProjectFileError(`${path} was written by a newer RigSolve (schema ${version}, this one knows ${MIGRATIONS.length})`);
  }
}

export function migrate(db: ProjectDb): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export function schemaVersion(db: ProjectDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}
