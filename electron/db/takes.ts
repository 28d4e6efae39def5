// Takes: one solve run of a shot. While solving, each batch's frames go to take_frames; when the
// solve completes they are gathered into one Float32 BLOB per control (curves) in one transaction.
import type { ShotStatus } from '../common/api/schemas';
import type { HeadMotionInfo, HeadSource } from '../common/head';
import { statusAfterSolve } from '../common/review/status-rules';
import type { ProjectDb } from './open';

export type TakeState = 'running' | 'complete' | 'cancelled' | 'failed';

export interface TakeRecord {
  id: number;
  shotId: number;
  modelId: string;
  modelHash: string;
  provider: string | null;
  settings: Record<string, unknown>;
  state: TakeState;
  framesDone: number;
  durationMs: number | null;
  createdAt: string;
  failedFrames: number[];
  notice: string | null;
  /** Where the take's head channels came from; null for a take made before head motion (it has no head curves). */
  headMotion: HeadMotionInfo | null;
}

interface TakeRow {
  id: number;
  shot_id: number;
  model_id: string;
  model_hash: string;
  provider: string | null;
  settings: string;
  state: TakeState;
  frames_done: number;
  duration_ms: number | null;
  created_at: string;
  failed_frames: string;
  notice: string | null;
  head_motion: string | null;
}

const HEAD_SOURCES: readonly HeadSource[] = ['solved', 'truth', 'file', 'none'];

/** The stored head-motion note, read defensively (a hand-edited value reads as "not known"). */
function headMotionOf(text: string | null): HeadMotionInfo | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as Partial<HeadMotionInfo>;
    const source = (s: unknown): HeadSource => (HEAD_SOURCES.includes(s as HeadSource) ? (s as HeadSource) : 'none');
    return { rotation: source(v.rotation), translation: source(v.translation), note: typeof v.note === 'string' ? v.note : null };
  } catch {
    return { rotation: 'none', translation: 'none', note: null };
  }
}

function toRecord(r: TakeRow): TakeRecord {
  return {
    id: r.id,
    shotId: r.shot_id,
    modelId: r.model_id,
    modelHash: r.model_hash,
    provider: r.provider,
    settings: JSON.parse(r.settings) as Record<string, unknown>,
    state: r.state,
    framesDone: r.frames_done,
    durationMs: r.duration_ms,
    createdAt: r.created_at,
    failedFrames: JSON.parse(r.failed_frames) as number[],
    notice: r.notice,
    headMotion: headMotionOf(r.head_motion ?? null),
  };
}

export function listTakes(db: ProjectDb, shotId: number): TakeRecord[] {
  return (db.prepare('SELECT * FROM takes WHERE shot_id = ? ORDER BY id').all(shotId) as TakeRow[]).map(toRecord);
}

export function getTake(db: ProjectDb, id: number): TakeRecord | null {
  const row = db.prepare('SELECT * FROM takes WHERE id = ?').get(id) as TakeRow | undefined;
  return row ? toRecord(row) : null;
}

/**
 * An unfinished take of the same shot, model and settings: a re-run continues it. `legacyKey`
 * gives the key a take recorded before the batch size left the key (from its own batch size).
 */
export function findResumableTake(db: ProjectDb, shotId: number, settingsKey: string, legacyKey?: (batch: number) => string): TakeRecord | null {
  const rows = db.prepare(`SELECT * FROM takes WHERE shot_id = ? AND state IN ('running','cancelled') ORDER BY id DESC`).all(shotId) as (TakeRow & {
    settings_key: string | null;
  })[];
  const row = rows.find((r) => {
    if (r.settings_key === settingsKey) return true;
    const batch = (JSON.parse(r.settings) as { batch?: unknown }).batch;
    return legacyKey !== undefined && typeof batch === 'number' && r.settings_key === legacyKey(batch);
  });
  return row ? toRecord(row) : null;
}

export function createTake(
  db: ProjectDb,
  t: { shotId: number; modelId: string; modelHash: string; provider: string; settings: Record<string, unknown>; settingsKey: string; notice: string | null },
): number {
  const info = db
    .prepare(`INSERT INTO takes (shot_id, model_id, model_hash, provider, settings, settings_key, notice) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(t.shotId, t.modelId, t.modelHash, t.provider, JSON.stringify(t.settings), t.settingsKey, t.notice);
  return Number(info.lastInsertRowid);
}

export function setTakeRunning(db: ProjectDb, id: number, provider: string, notice: string | null): void {
  db.prepare(`UPDATE takes SET state = 'running', provider = ?, notice = ? WHERE id = ?`).run(provider, notice, id);
}

export function setTakeState(db: ProjectDb, id: number, state: TakeState): void {
  db.prepare('UPDATE takes SET state = ? WHERE id = ?').run(state, id);
}

export function doneTakeFrames(db: ProjectDb, takeId: number): Set<number> {
  return new Set(db.prepare('SELECT frame FROM take_frames WHERE take_id = ?').pluck().all(takeId) as number[]);
}

/** One batch, committed as a unit: a killed solve resumes after the last whole batch. */
export function writeTakeBatch(db: ProjectDb, takeId: number, rows: readonly { frame: number; params: Float32Array | null }[]): void {
  const insert = db.prepare('INSERT OR REPLACE INTO take_frames (take_id, frame, params) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const r of rows) insert.run(takeId, r.frame, r.params ? Buffer.from(r.params.buffer, r.params.byteOffset, r.params.byteLength) : null);
    db.prepare('UPDATE takes SET frames_done = (SELECT count(*) FROM take_frames WHERE take_id = ?) WHERE id = ?').run(takeId, takeId);
  })();
}

export function readTakeFrames(db: ProjectDb, takeId: number): Map<number, Float32Array | null> {
  const rows = db.prepare('SELECT frame, params FROM take_frames WHERE take_id = ?').all(takeId) as { frame: number; params: Buffer | null }[];
  return new Map(rows.map((r) => [r.frame, r.params ? blobToFloat32(r.params) : null]));
}

export function blobToFloat32(b: Buffer): Float32Array {
  // Copy: a Buffer's offset in SQLite's memory need not be 4-byte aligned.
  const out = new Float32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

/**
 * Completes a take: its curves written (the head channels, common/head.ts, among them when
 * `headMotion` says where they came from), staging rows removed, and (unless `activate` is false: a
 * comparison take such as a capture's ground truth) made the shot's active take.
 */
export function completeTake(
  db: ProjectDb,
  takeId: number,
  shotId: number,
  curves: ReadonlyMap<string, Float32Array>,
  failedFrames: readonly number[],
  durationMs: number,
  opts: { activate?: boolean; headMotion?: HeadMotionInfo } = {},
): void {
  const insert = db.prepare('INSERT OR REPLACE INTO curves (take_id, control, data) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const [control, data] of curves) insert.run(takeId, control, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    if (opts.headMotion) db.prepare('UPDATE takes SET head_motion = ? WHERE id = ?').run(JSON.stringify(opts.headMotion), takeId);
    db.prepare('DELETE FROM take_frames WHERE take_id = ?').run(takeId);
    db.prepare(`UPDATE takes SET state = 'complete', failed_frames = ?, duration_ms = coalesce(duration_ms, 0) + ? WHERE id = ?`).run(
      JSON.stringify(failedFrames),
      durationMs,
      takeId,
    );
    if (opts.activate === false) return;
    const status = db.prepare('SELECT status FROM shots WHERE id = ?').pluck().get(shotId) as ShotStatus;
    db.prepare(`UPDATE shots SET active_take_id = ?, status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(
      takeId,
      statusAfterSolve(status),
      shotId,
    );
  })();
}

export function addTakeDuration(db: ProjectDb, takeId: number, ms: number): void {
  db.prepare('UPDATE takes SET duration_ms = coalesce(duration_ms, 0) + ? WHERE id = ?').run(ms, takeId);
}

export function readCurves(db: ProjectDb, takeId: number): Map<string, Float32Array> {
  const rows = db.prepare('SELECT control, data FROM curves WHERE take_id = ?').all(takeId) as { control: string; data: Buffer }[];
  return new Map(rows.map((r) => [r.control, blobToFloat32(r.data)]));
}

export function setActiveTake(db: ProjectDb, shotId: number, takeId: number): void {
  db.prepare('UPDATE shots SET active_take_id = ? WHERE id = ?').run(takeId, shotId);
}

export function activeTakeId(db: ProjectDb, shotId: number): number | null {
  return (db.prepare('SELECT active_take_id FROM shots WHERE id = ?').pluck().get(shotId) as number | null) ?? null;
}

/** The solve queue's status moves (status-rules.ts); a person's change goes through review.ts setShotStatus, which stamps who. */
export function setShotStatusRaw(db: ProjectDb, shotId: number, status: ShotStatus): void {
  db.prepare(`UPDATE shots SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(status, shotId);
}
