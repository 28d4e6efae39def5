// What a project holds, for tests that must prove a call changed nothing: SQLite's own integrity
// check, and one hash over every table's rows (sorted, so row order and page layout do not count).
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export interface ProjectState {
  /** `PRAGMA integrity_check`, joined: "ok" for a sound file. */
  integrity: string;
  /** sha256 over every table's rows. */
  hash: string;
  /** Rows per table, so a failing comparison says where. */
  rows: Record<string, number>;
}

const cell = (v: unknown): unknown => (Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : typeof v === 'bigint' ? v.toString() : v);

/** Reads a project read-only (a second connection beside a live host is fine: the project is WAL). */
export function projectState(path: string): ProjectState {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
    const h = createHash('sha256');
    const rows: Record<string, number> = {};
    for (const table of tables) {
      const lines = (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r.map(cell))).sort();
      rows[table] = lines.length;
      h.update(`${table}\n${lines.join('\n')}\n`);
    }
    return { integrity, hash: h.digest('hex'), rows };
  } finally {
    db.close();
  }
}
