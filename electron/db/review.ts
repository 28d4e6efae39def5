// Shot status and review notes: who changed what, when.
import type { ShotStatus } from '../common/api/schemas';
import { parseDrawing, type NoteDrawing } from '../common/review/drawing';
import type { ProjectDb } from './open';

export interface NoteRecord {
  id: number;
  shotId: number;
  frameStart: number;
  frameEnd: number;
  text: string;
  author: string;
  resolved: boolean;
  resolvedBy: string | null;
  createdAt: string;
  drawing: NoteDrawing | null;
}

interface NoteRow {
  id: number;
  shot_id: number;
  frame_start: number;
  frame_end: number;
  text: string;
  author: string;
  resolved: number;
  resolved_by: string | null;
  created_at: string;
  drawing: string | null;
}

const toNote = (r: NoteRow): NoteRecord => ({
  id: r.id,
  shotId: r.shot_id,
  frameStart: r.frame_start,
  frameEnd: r.frame_end,
  text: r.text,
  author: r.author,
  resolved: r.resolved === 1,
  resolvedBy: r.resolved_by,
  createdAt: r.created_at,
  drawing: parseDrawing(r.drawing),
});

export function listNotes(db: ProjectDb, shotId: number): NoteRecord[] {
  return (db.prepare('SELECT * FROM notes WHERE shot_id = ? ORDER BY frame_start, id').all(shotId) as NoteRow[]).map(toNote);
}

export function getNote(db: ProjectDb, id: number): NoteRecord | null {
  const r = db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
  return r ? toNote(r) : null;
}

export function addNote(
  db: ProjectDb,
  n: { shotId: number; frameStart: number; frameEnd: number; text: string; author: string; drawing?: NoteDrawing | null },
): number {
  return Number(
    db
      .prepare('INSERT INTO notes (shot_id, frame_start, frame_end, text, author, drawing) VALUES (?, ?, ?, ?, ?, ?)')
      .run(n.shotId, n.frameStart, n.frameEnd, n.text, n.author, n.drawing ? JSON.stringify(n.drawing) : null).lastInsertRowid,
  );
}

export function setNoteResolved(db: ProjectDb, id: number, resolved: boolean, by: string): void {
  db.prepare('UPDATE notes SET resolved = ?, resolved_by = ? WHERE id = ?').run(resolved ? 1 : 0, resolved ? by : null, id);
}

export function setShotStatus(db: ProjectDb, shotId: number, status: ShotStatus, by: string): void {
  db.prepare(
    `UPDATE shots SET status = ?, status_by = ?,
       status_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
  ).run(status, by, shotId);
}

export function statusStamp(db: ProjectDb, shotId: number): { by: string | null; at: string | null } {
  const r = db.prepare('SELECT status_by AS by, status_at AS at FROM shots WHERE id = ?').get(shotId) as { by: string | null; at: string | null } | undefined;
  return r ?? { by: null, at: null };
}
