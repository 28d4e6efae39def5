// A shot's correction layer (keys, filters, falloff), its camera's field of view, and its edit history, in the database.
// Every committed edit is written at once with its inverse: autosave and undo in one place.
import { applyOps, invertOps, type EditOp, type EditTransaction, type LayerState } from '../common/edits';
import type { FilterSpec } from '../common/curves/filters';
import type { Interp, Key, KeyMode, TangentType } from '../common/curves/keys';
import type { ProjectDb } from './open';

/** Undo steps kept per shot (the oldest are dropped past this). */
export const HISTORY_LIMIT = 5000;

interface KeyRow {
  control: string;
  frame: number;
  value: number;
  interp: Interp;
  mode: KeyMode | null;
  in_tangent: TangentType | null;
  out_tangent: TangentType | null;
  in_slope: number | null;
  out_slope: number | null;
  broken: number | null;
}

/** A stored key; the columns a key was stored without (NULL) stay absent, so it reads back as written. */
function keyOfRow(r: KeyRow): Key {
  const k: Key = { frame: r.frame, value: r.value, interp: r.interp };
  if (r.mode !== null) k.mode = r.mode;
  if (r.in_tangent !== null) k.inTangent = r.in_tangent;
  if (r.out_tangent !== null) k.outTangent = r.out_tangent;
  if (r.in_slope !== null) k.inSlope = r.in_slope;
  if (r.out_slope !== null) k.outSlope = r.out_slope;
  if (r.broken !== null) k.broken = r.broken !== 0;
  return k;
}

export function readLayer(db: ProjectDb, shotId: number): LayerState {
  const keys: Record<string, Key[]> = {};
  for (const r of db
    .prepare(
      'SELECT control, frame, value, interp, mode, in_tangent, out_tangent, in_slope, out_slope, broken FROM keys WHERE shot_id = ? ORDER BY control, frame',
    )
    .all(shotId) as KeyRow[]) {
    (keys[r.control] ??= []).push(keyOfRow(r));
  }
  const filters: Record<string, FilterSpec> = {};
  for (const r of db.prepare('SELECT scope, kind, strength FROM filters WHERE shot_id = ?').all(shotId) as {
    scope: string;
    kind: FilterSpec['kind'];
    strength: number;
  }[]) {
    filters[r.scope] = { kind: r.kind, strength: r.strength };
  }
  const shot = db.prepare('SELECT key_falloff, fov_deg FROM shots WHERE id = ?').get(shotId) as { key_falloff: number; fov_deg: number | null } | undefined;
  return { keys, filters, falloff: shot?.key_falloff ?? 8, fovDeg: shot?.fov_deg ?? null };
}

function writeOps(db: ProjectDb, shotId: number, ops: readonly EditOp[]): void {
  const delKeys = db.prepare('DELETE FROM keys WHERE shot_id = ? AND control = ?');
  const insKey = db.prepare(
    'INSERT INTO keys (shot_id, control, frame, value, interp, mode, in_tangent, out_tangent, in_slope, out_slope, broken) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const delFilter = db.prepare('DELETE FROM filters WHERE shot_id = ? AND scope = ?');
  const insFilter = db.prepare('INSERT INTO filters (shot_id, scope, kind, strength) VALUES (?, ?, ?, ?)');
  for (const op of ops) {
    if (op.op === 'setKeys') {
      delKeys.run(shotId, op.control);
      const byFrame = new Map(op.keys.map((k) => [k.frame, k]));
      for (const k of byFrame.values()) {
        const broken = k.broken === undefined ? null : k.broken ? 1 : 0;
        insKey.run(
          shotId,
          op.control,
          k.frame,
          k.value,
          k.interp,
          k.mode ?? null,
          k.inTangent ?? null,
          k.outTangent ?? null,
          k.inSlope ?? null,
          k.outSlope ?? null,
          broken,
        );
      }
    } else if (op.op === 'setFilter') {
      delFilter.run(shotId, op.scope);
      if (op.filter) insFilter.run(shotId, op.scope, op.filter.kind, op.filter.strength);
    } else if (op.op === 'setFalloff') db.prepare('UPDATE shots SET key_falloff = ? WHERE id = ?').run(op.frames, shotId);
    else db.prepare(`UPDATE shots SET fov_deg = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(op.fovDeg, shotId);
  }
}

export interface HistoryState {
  undoLabel: string | null;
  redoLabel: string | null;
}

export function historyState(db: ProjectDb, shotId: number): HistoryState {
  const undo = db.prepare('SELECT label FROM edit_log WHERE shot_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1').pluck().get(shotId) as string | undefined;
  const redo = db.prepare('SELECT label FROM edit_log WHERE shot_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1').pluck().get(shotId) as string | undefined;
  return { undoLabel: undo ?? null, redoLabel: redo ?? null };
}

/** Commits a transaction: applied, logged with its inverse, redo history dropped — all or nothing. */
export function commitEdit(db: ProjectDb, shotId: number, tx: EditTransaction): LayerState {
  return db.transaction(() => {
    const before = readLayer(db, shotId);
    const backward = invertOps(before, tx.ops);
    writeOps(db, shotId, tx.ops);
    db.prepare('DELETE FROM edit_log WHERE shot_id = ? AND undone = 1').run(shotId);
    db.prepare('INSERT INTO edit_log (shot_id, label, forward, backward) VALUES (?, ?, ?, ?)').run(
      shotId,
      tx.label,
      JSON.stringify(tx.ops),
      JSON.stringify(backward),
    );
    db.prepare(`DELETE FROM edit_log WHERE shot_id = ? AND id <= (SELECT id FROM edit_log WHERE shot_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`).run(
      shotId,
      shotId,
      HISTORY_LIMIT,
    );
    return applyOps(before, tx.ops);
  })();
}

/** Undoes the last committed edit; null when there is nothing to undo. */
export function undoEdit(db: ProjectDb, shotId: number): { label: string; state: LayerState } | null {
  return db.transaction(() => {
    const row = db.prepare('SELECT id, label, backward FROM edit_log WHERE shot_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1').get(shotId) as
      { id: number; label: string; backward: string } | undefined;
    if (!row) return null;
    writeOps(db, shotId, JSON.parse(row.backward) as EditOp[]);
    db.prepare('UPDATE edit_log SET undone = 1 WHERE id = ?').run(row.id);
    return { label: row.label, state: readLayer(db, shotId) };
  })();
}

export function redoEdit(db: ProjectDb, shotId: number): { label: string; state: LayerState } | null {
  return db.transaction(() => {
    const row = db.prepare('SELECT id, label, forward FROM edit_log WHERE shot_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1').get(shotId) as
      { id: number; label: string; forward: string } | undefined;
    if (!row) return null;
    writeOps(db, shotId, JSON.parse(row.forward) as EditOp[]);
    db.prepare('UPDATE edit_log SET undone = 0 WHERE id = ?').run(row.id);
    return { label: row.label, state: readLayer(db, shotId) };
  })();
}
