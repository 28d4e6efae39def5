// Opens (or creates) a project's shot database. One SQLite file per project.
// No 'electron' import: the same module runs under Node in the CLI, the browser host and tests.
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { extname } from 'node:path';
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

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** SQLite's own recovery (the sqlite3 shell's .recover) salvages what a damaged file still holds. */
export const RECOVER_HINT = (path: string): string =>
  `recover what it holds into a new file with: sqlite3 "${path}" .recover | sqlite3 recovered.rigsolve (or restore a backup)`;

/** What a damaged project's message says to do: check it, then recover what it holds into a new file. */
export function damagedProjectMessage(path: string, detail: string): string {
  const what = extname(path).toLowerCase() === '.rigsolve' ? 'a damaged RigSolve project' : 'a damaged project database';
  return `${path} is ${what} (${detail}); nothing was changed. Check it with: rigsolve check --project "${path}"; ${RECOVER_HINT(path)}`;
}

/**
 * A file cut short (a copy or download that did not finish) keeps its SQLite header, which says
 * how long it should be. Read before SQLite opens it, so nothing is written to a damaged file.
 * Only trusted as SQLite trusts it (the header's size is valid for its change counter) and with
 * no write-ahead log beside it (a checkpoint cut short is completed from the log on open).
 */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function truncation(path: string): string | null {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return null;
  }
  if (size === 0) return null;
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const magicLength = Math.min(read, SQLITE_MAGIC.length);
  if (!header.subarray(0, magicLength).equals(SQLITE_MAGIC.subarray(0, magicLength))) return null; // not SQLite at all
  if (read < 100) return `only ${read} bytes: shorter than a database header, the file was cut short`;
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const headerTrusted = header.readUInt32BE(24) === header.readUInt32BE(92);
  const wal = `${path}-wal`;
  const walInUse = existsSync(wal) && statSync(wal).size > 0;
  if (headerTrusted && !walInUse && pages > 0 && size < pages * pageSize) {
    return `${size} bytes where its header says ${pages * pageSize}: the file was cut short`;
  }
  return null;
}

/** SQLite's word for a damaged file (SQLITE_CORRUPT*, SQLITE_NOTADB). */
export function isSqliteDamage(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

function hasSqliteMagic(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(SQLITE_MAGIC.length);
      return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_MAGIC);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

export interface ProjectCheck {
  ok: boolean;
  /** SQLite's integrity-check lines (at most 20), or why the file could not be read. */
  problems: string[];
  schema: number | null;
}

/** Reads the whole file, read-only, and reports what SQLite's integrity check finds; writes nothing, leaves no -wal/-shm. */
export function checkProjectFile(path: string): ProjectCheck {
  const damage = truncation(path);
  if (damage) return { ok: false, problems: [damage], schema: null };
  const sidecars = [`${path}-wal`, `${path}-shm`].filter((p) => !existsSync(p));
  let db: ProjectDb | null = null;
  try {
    db = new Database(path, { fileMustExist: true, readonly: true });
    const schema = db.pragma('user_version', { simple: true }) as number;
    const lines = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const ok = lines.length === 1 && lines[0] === 'ok';
    return { ok, problems: ok ? [] : lines, schema };
  } catch (err) {
    return { ok: false, problems: [(err as Error).message.split('\n')[0]!], schema: null };
  } finally {
    db?.close();
    removeSidecars(sidecars);
  }
}

export function openProjectDb(path: string, opts: OpenOptions = {}): ProjectDb {
  // A folder given as the project used to surface as a bare "EISDIR" from the header read below.
  if (isFolder(path)) throw new ProjectFileError(`${path} is a folder, not a RigSolve project file: give the project's .rigsolve file`);
  const damage = truncation(path);
  if (damage) throw new ProjectFileError(damagedProjectMessage(path, damage));
  // A failed open must leave the folder as it found it: no -wal/-shm of ours beside the file.
  const sidecars = [`${path}-wal`, `${path}-shm`].filter((p) => !existsSync(p));
  let db: ProjectDb;
  try {
    db = new Database(path, { fileMustExist: opts.create === false || opts.readOnly === true, readonly: opts.readOnly ?? false });
  } catch (err) {
    removeSidecars(sidecars);
    throw new ProjectFileError(`cannot open project ${path}: ${(err as Error).message}`);
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Checked before anything is written: switching to WAL rewrites the header of whatever file this is.
    assertIsProject(db, path);
    if (!opts.readOnly) {
      // WAL: readers never block the writer, and a killed process loses at most the open transaction.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
  } catch (err) {
    db.close();
    removeSidecars(sidecars);
    if (err instanceof ProjectFileError) throw err;
    const message = (err as Error).message;
    if (isSqliteDamage(err) && hasSqliteMagic(path)) throw new ProjectFileError(damagedProjectMessage(path, message));
    throw new ProjectFileError(`${path} is not a RigSolve project: ${message}`);
  }
  return db;
}

function removeSidecars(paths: readonly string[]): void {
  for (const p of paths) rmSync(p, { force: true });
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
