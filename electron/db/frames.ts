// Frame rows: one per frame number of a shot, with the files found for it and what is wrong with them.
import type { FrameInfo, FrameIssue, FrameStatus } from '../common/api/schemas';
import type { ProjectDb } from './open';

export interface FrameRecord {
  frame: number;
  rgbPath: string | null;
  normalPath: string | null;
  width: number | null;
  height: number | null;
  status: FrameStatus;
  issues: FrameIssue[];
  rgbStamp: string | null;
  normalStamp: string | null;
}

interface FrameRow {
  frame: number;
  rgb_path: string | null;
  normal_path: string | null;
  width: number | null;
  height: number | null;
  status: FrameStatus;
  issues: string;
  rgb_stamp: string | null;
  normal_stamp: string | null;
}

function toRecord(r: FrameRow): FrameRecord {
  return {
    frame: r.frame,
    rgbPath: r.rgb_path,
    normalPath: r.normal_path,
    width: r.width,
    height: r.height,
    status: r.status,
    issues: JSON.parse(r.issues) as FrameIssue[],
    rgbStamp: r.rgb_stamp,
    normalStamp: r.normal_stamp,
  };
}

export function toFrameInfo(r: FrameRecord): FrameInfo {
  return {
    frame: r.frame,
    status: r.status,
    hasRgb: r.rgbPath !== null,
    hasNormal: r.normalPath !== null,
    width: r.width,
    height: r.height,
    issues: r.issues,
  };
}

/** Inserts or replaces frames in one transaction: re-importing never duplicates a frame. */
export function upsertFrames(db: ProjectDb, shotId: number, frames: readonly FrameRecord[]): void {
  const stmt = db.prepare(
    `INSERT INTO frames (shot_id, frame, rgb_path, normal_path, width, height, status, issues, rgb_stamp, normal_stamp)
     VALUES (@shotId, @frame, @rgbPath, @normalPath, @width, @height, @status, @issues, @rgbStamp, @normalStamp)
     ON CONFLICT (shot_id, frame) DO UPDATE SET
       rgb_path = excluded.rgb_path, normal_path = excluded.normal_path, width = excluded.width,
       height = excluded.height, status = excluded.status, issues = excluded.issues,
       rgb_stamp = excluded.rgb_stamp, normal_stamp = excluded.normal_stamp`,
  );
  db.transaction(() => {
    for (const f of frames) stmt.run({ ...f, shotId, issues: JSON.stringify(f.issues) });
  })();
}

export function listFrameRecords(db: ProjectDb, shotId: number): FrameRecord[] {
  return (db.prepare(`SELECT * FROM frames WHERE shot_id = ? ORDER BY frame`).all(shotId) as FrameRow[]).map(toRecord);
}

export function getFrameRecord(db: ProjectDb, shotId: number, frame: number): FrameRecord | null {
  const row = db.prepare(`SELECT * FROM frames WHERE shot_id = ? AND frame = ?`).get(shotId, frame) as FrameRow | undefined;
  return row ? toRecord(row) : null;
}

/** Drops frame rows outside the given set (frames that vanished from the folder since the last import). */
export function deleteFramesNotIn(db: ProjectDb, shotId: number, keep: ReadonlySet<number>): number {
  const existing = db.prepare(`SELECT frame FROM frames WHERE shot_id = ?`).pluck().all(shotId) as number[];
  const stale = existing.filter((f) => !keep.has(f));
  const del = db.prepare(`DELETE FROM frames WHERE shot_id = ? AND frame = ?`);
  db.transaction(() => {
    for (const f of stale) del.run(shotId, f);
  })();
  return stale.length;
}
