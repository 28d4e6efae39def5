// Which process is solving a shot. A solve marks its shot "solving" (status-rules.ts refuses status
// changes meanwhile) and its take "running"; a process killed with kill -9, or a machine that lost
// power, leaves both behind. So the mark carries its owner: pid, host and a heartbeat the owner
// renews every few seconds while its queue holds the shot.
//
// Why pid + host + heartbeat and not an SQLite lock: the app and a CLI may have the same project
// open, and SQLite's locks last one transaction, while a solve lasts minutes across many (each
// batch commits on its own, so a killed solve resumes). An owner row survives between them and
// tells another process whether the solve is still alive: on this host, the pid answers (kill 0);
// on another host (a project on a shared drive) only the heartbeat can, so a mark not renewed for
// STALE_MS is taken to be dead. A pid reused by an unrelated process is caught the same way.
import { hostname } from 'node:os';
import type { ShotStatus } from '../common/api/schemas';
import { statusAfterSolveStopped } from '../common/review/status-rules';
import type { ProjectDb } from './open';

/** How often an owner renews its mark. */
export const HEARTBEAT_MS = 5_000;
/** A mark not renewed for this long is dead, whatever its pid says. */
export const STALE_MS = 60_000;

export interface SolveOwner {
  pid: number;
  host: string;
  heartbeat: number;
}

export const thisProcess = (): { pid: number; host: string } => ({ pid: process.pid, host: hostname() });

/** Marks shots as solved by this process (at enqueue). */
export function claimShots(db: ProjectDb, shotIds: readonly number[], now = Date.now()): void {
  const me = thisProcess();
  const insert = db.prepare('INSERT OR REPLACE INTO solve_owners (shot_id, pid, host, heartbeat) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const id of shotIds) insert.run(id, me.pid, me.host, now);
  })();
}

export function releaseShot(db: ProjectDb, shotId: number): void {
  const me = thisProcess();
  db.prepare('DELETE FROM solve_owners WHERE shot_id = ? AND pid = ? AND host = ?').run(shotId, me.pid, me.host);
}

/** Renews every mark of this process. */
export function renewClaims(db: ProjectDb, now = Date.now()): void {
  const me = thisProcess();
  db.prepare('UPDATE solve_owners SET heartbeat = ? WHERE pid = ? AND host = ?').run(now, me.pid, me.host);
}

export function solveOwner(db: ProjectDb, shotId: number): SolveOwner | null {
  return (db.prepare('SELECT pid, host, heartbeat FROM solve_owners WHERE shot_id = ?').get(shotId) as SolveOwner | undefined) ?? null;
}

/** Whether the owner is still solving: this very process, a live pid on this host, or a recent heartbeat from another host. */
export function ownerAlive(owner: SolveOwner, now = Date.now()): boolean {
  const me = thisProcess();
  if (owner.host === me.host && owner.pid === me.pid) return true;
  if (now - owner.heartbeat > STALE_MS) return false;
  if (owner.host !== me.host) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** A live owner other than this process, if any: a second solve of the shot must wait for it. */
export function otherLiveOwner(db: ProjectDb, shotId: number, now = Date.now()): SolveOwner | null {
  const owner = solveOwner(db, shotId);
  const me = thisProcess();
  if (!owner || (owner.pid === me.pid && owner.host === me.host)) return null;
  return ownerAlive(owner, now) ? owner : null;
}

export interface StaleSolves {
  /** Shots whose "solving" mark was cleared. */
  shots: number[];
  /** Takes left "running" by a process that is gone, now stopped and resumable. */
  takes: number[];
}

/**
 * On open: clears the marks of solves whose process is gone. The shot goes back to what a
 * cancelled solve leaves (status-rules.ts), the take to "cancelled" (shown as stopped at N frames;
 * the next solve of the same settings resumes it). A live owner's marks are left alone.
 */
export function recoverStaleSolves(db: ProjectDb, now = Date.now()): StaleSolves {
  const result: StaleSolves = { shots: [], takes: [] };
  // Read first: most opens find nothing to clear and need no write lock.
  const marks = db.prepare(`SELECT (SELECT count(*) FROM shots WHERE status = 'solving') + (SELECT count(*) FROM takes WHERE state = 'running')`).pluck().get();
  if (marks === 0) return result;
  db.transaction(() => {
    const dead = new Set<number>();
    const isDead = (shotId: number): boolean => {
      const owner = solveOwner(db, shotId);
      return !owner || !ownerAlive(owner, now);
    };
    const solving = db.prepare(`SELECT id, status, active_take_id FROM shots WHERE status = 'solving'`).all() as {
      id: number;
      status: ShotStatus;
      active_take_id: number | null;
    }[];
    for (const shot of solving) {
      if (!isDead(shot.id)) continue;
      dead.add(shot.id);
      db.prepare(`UPDATE shots SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(
        statusAfterSolveStopped(shot.status, shot.active_take_id !== null),
        shot.id,
      );
      result.shots.push(shot.id);
    }
    const running = db.prepare(`SELECT id, shot_id FROM takes WHERE state = 'running'`).all() as { id: number; shot_id: number }[];
    for (const take of running) {
      if (!dead.has(take.shot_id) && !isDead(take.shot_id)) continue;
      dead.add(take.shot_id);
      db.prepare(`UPDATE takes SET state = 'cancelled', notice = ? WHERE id = ?`).run(
        'interrupted: the process solving it stopped; solve again to resume where it stopped',
        take.id,
      );
      result.takes.push(take.id);
    }
    for (const shotId of dead) db.prepare('DELETE FROM solve_owners WHERE shot_id = ?').run(shotId);
  })();
  return result;
}
