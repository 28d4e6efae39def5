import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { openProjectDb, ProjectFileError, schemaVersion } from '../../../electron/db/open';
import { createShot } from '../../../electron/db/shots';
import { upsertFrames } from '../../../electron/db/frames';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('project database', () => {
  it('is created with WAL, foreign keys and the latest schema', () => {
    const db = openProjectDb(join(dir, 'a.rigsolve'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['settings', 'shots', 'frames', 'takes', 'curves', 'keys', 'filters', 'notes', 'edit_log']));
    db.close();
  });

  it('calls a folder given as the project a folder, not a bare EISDIR', () => {
    expect(() => openProjectDb(dir)).toThrow(ProjectFileError);
    expect(() => openProjectDb(dir)).toThrow(/is a folder, not a RigSolve project file/);
  });

  it('reopens without migrating twice', () => {
    openProjectDb(join(dir, 'a.rigsolve')).close();
    const db = openProjectDb(join(dir, 'a.rigsolve'));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('deletes a shot with its frames (foreign keys cascade)', () => {
    const db = openProjectDb(join(dir, 'a.rigsolve'));
    const id = createShot(db, { name: 's', fps: 24, rgbSource: '/x', normalSource: null, normalConvention: 'opengl' });
    upsertFrames(db, id, [
      { frame: 1, rgbPath: '/x/1.png', normalPath: null, width: 1, height: 1, status: 'ok', issues: [], rgbStamp: null, normalStamp: null },
    ]);
    db.prepare('DELETE FROM shots WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) FROM frames').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses files that are not RigSolve projects, or from a newer version, with a clear message', async () => {
    await writeFile(join(dir, 'text.rigsolve'), 'hello, this is not a database at all'.repeat(40));
    expect(() => openProjectDb(join(dir, 'text.rigsolve'))).toThrow(ProjectFileError);
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(() => openProjectDb(join(dir, 'other.db'))).toThrow(/not a RigSolve project/);
    const newer = new Database(join(dir, 'newer.rigsolve'));
    newer.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    newer.close();
    expect(() => openProjectDb(join(dir, 'newer.rigsolve'))).toThrow(/newer RigSolve/);
    expect(() => openProjectDb(join(dir, 'missing.rigsolve'), { create: false })).toThrow(/cannot open project/);
  });
});
