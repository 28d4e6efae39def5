// A project's own settings (the settings table: one JSON value per key), such as the last export's
// options, which the next export dialog opens with, on any machine that opens the project.
import type { ProjectDb } from './open';

/** The stored value, or null when there is none or it is not JSON (a hand-edited file). */
export function readProjectSetting(db: ProjectDb, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return null;
  }
}

export function writeProjectSetting(db: ProjectDb, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
