// The solve queue of an open project, for either host and the CLI: shots are solved one after
// another in the background, marked solving while queued, and a crashed solver process is
// restarted once per job (the take resumes from its last batch); progress and results go out as
// events. The main event loop never waits on a solve; the CLI waits on each shot's outcome.
import { AppError, badInput, conflict, notFound } from '../common/api/errors';
import type { EventName, EventPayload } from '../common/api/contract';
import { STATUS_WHILE_SOLVING, statusAfterSolveStopped } from '../common/review/status-rules';
import { getShot } from '../db/shots';
import { claimShots, HEARTBEAT_MS, otherLiveOwner, releaseShot, renewClaims } from '../db/solve-owners';
import { activeTakeId, setShotStatusRaw } from '../db/takes';
import type { ProjectSession } from '../project/session';
import { rigForShot } from '../rig/shot-rig';
import { SolverClient, SolverCrashedError } from './client';
import { loadModelInfo } from './manifest';
import { defaultModelPath } from './models-catalog';
import type { Device, Provider } from './providers';
import { SolveCancelledError, solveShot, type SolveResult } from './solve-shot';

/** How a queued shot's solve ended: its take, or the error it stopped on. */
export type SolveOutcome = { ok: true; result: SolveResult } | { ok: false; error: unknown };

interface Job {
  shotId: number;
  modelPath: string;
  device: Device;
  batch: number;
  /** Told once, when the job ends (the CLI waits on these; the app listens to events). */
  settled: ((outcome: SolveOutcome) => void)[];
}

export interface SolveServiceHooks {
  /** The execution provider is known, or changed, with any fallback notice. */
  onProvider(provider: Provider, notice: string | null, modelId: string): void;
  /** A failure that is not the user's input (beside its solve.finished event). */
  onFailure(err: unknown): void;
}

/** The app's: a log line each. */
const LOG_HOOKS: SolveServiceHooks = {
  onProvider: (provider, notice, modelId) => console.log(`[solve] ${modelId}: ${provider} execution provider${notice ? ` (${notice})` : ''}`),
  onFailure: (err) => console.error('[solve]', err),
};

export interface SolveStatus {
  running: { shotId: number; done: number; total: number; framesPerSecond: number; etaSeconds: number | null } | null;
  queued: number[];
  provider: Provider | null;
  notice: string | null;
}

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export class SolveService {
  private queue: Job[] = [];
  private running: { job: Job; abort: AbortController; progress: SolveStatus['running'] } | null = null;
  private provider: Provider | null = null;
  private notice: string | null = null;
  private draining = false;

  constructor(
    private readonly session: () => ProjectSession | null,
    private readonly emit: Emit,
    readonly client: SolverClient = new SolverClient(),
    private readonly hooks: SolveServiceHooks = LOG_HOOKS,
  ) {
    client.onCrash = (reason) => {
      this.notice = `the solver process stopped (${reason}); restarting it`;
    };
  }

  /** Queues shots (a shot already queued or solving keeps its place); `onSettled` is told as each ends. */
  async enqueue(
    shotIds: readonly number[],
    modelPath: string | null,
    device: Device,
    batch = 16,
    onSettled?: (shotId: number, outcome: SolveOutcome) => void,
  ): Promise<number> {
    const s = this.session();
    if (!s) throw badInput('no project is open');
    const path = modelPath ?? defaultModelPath();
    await loadModelInfo(path); // refuse a bad model now, with its reason, not later in the queue
    for (const id of shotIds) {
      const shot = getShot(s.db, id);
      if (!shot) throw notFound(`no shot with id ${id}`);
      if (shot.importState !== 'complete') throw badInput(`shot "${shot.name}" has not finished importing`);
      const owner = otherLiveOwner(s.db, id);
      if (owner) throw conflict(`shot "${shot.name}" is being solved by another RigSolve (process ${owner.pid} on ${owner.host}); wait for it or stop it`);
    }
    for (const id of shotIds) {
      const tell = onSettled ? [(o: SolveOutcome) => onSettled(id, o)] : [];
      const existing = this.running?.job.shotId === id ? this.running.job : this.queue.find((j) => j.shotId === id);
      if (existing) {
        existing.settled.push(...tell);
        continue;
      }
      this.queue.push({ shotId: id, modelPath: path, device, batch, settled: tell });
      claimShots(s.db, [id]); // the "solving" mark carries its owner, so a killed process's mark can be told apart
      setShotStatusRaw(s.db, id, STATUS_WHILE_SOLVING);
      this.emit('shots.changed', { shotId: id });
    }
    void this.drain();
    return this.queue.length + (this.running ? 1 : 0);
  }

  cancel(shotId: number | null): void {
    const s = this.session();
    const dropped = this.queue.filter((j) => shotId === null || j.shotId === shotId);
    this.queue = this.queue.filter((j) => !dropped.includes(j));
    for (const j of dropped) {
      if (s) this.restoreStatus(s, j.shotId);
      settle(j, { ok: false, error: badInput('solve cancelled before it started') });
    }
    if (this.running && (shotId === null || this.running.job.shotId === shotId)) this.running.abort.abort();
  }

  status(): SolveStatus {
    return { running: this.running?.progress ?? null, queued: this.queue.map((j) => j.shotId), provider: this.provider, notice: this.notice };
  }

  /** Resolves when the queue is empty (CLI and tests). */
  async idle(): Promise<void> {
    while (this.draining) await new Promise((r) => setTimeout(r, 20));
  }

  private restoreStatus(s: ProjectSession, shotId: number): void {
    const shot = getShot(s.db, shotId);
    if (shot) {
      const next = statusAfterSolveStopped(shot.status, activeTakeId(s.db, shotId) !== null);
      if (next !== shot.status) setShotStatusRaw(s.db, shotId, next);
    }
    releaseShot(s.db, shotId);
    this.emit('shots.changed', { shotId });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    // While the queue holds shots, their marks are renewed: another process opening the project
    // sees a live owner and leaves them alone (db/solve-owners.ts).
    const heartbeat = setInterval(() => {
      try {
        const s = this.session();
        if (s) renewClaims(s.db);
      } catch {
        // busy or closed: the next beat tries again; a mark is stale only after a minute
      }
    }, HEARTBEAT_MS);
    heartbeat.unref?.();
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) await this.runJob(job);
    } finally {
      clearInterval(heartbeat);
      this.draining = false;
    }
  }

  private async runJob(job: Job, retried = false): Promise<void> {
    const s = this.session();
    if (!s) return settle(job, { ok: false, error: badInput('no project is open') });
    const abort = new AbortController();
    this.running = { job, abort, progress: null };
    try {
      const model = await loadModelInfo(job.modelPath);
      const shot = getShot(s.db, job.shotId);
      if (!shot) throw notFound(`no shot with id ${job.shotId}`);
      const result = await solveShot(s.db, job.shotId, {
        model,
        client: this.client,
        rigControls: rigForShot(shot).controls,
        device: job.device,
        batch: job.batch,
        signal: abort.signal,
        onProvider: (provider, notice) => {
          if (provider !== this.provider) this.hooks.onProvider(provider, notice, model.manifest.id);
          this.provider = provider;
          this.notice = notice;
        },
        onProgress: (p) => {
          this.running!.progress = { shotId: job.shotId, done: p.done, total: p.total, framesPerSecond: p.framesPerSecond, etaSeconds: p.etaSeconds };
          this.emit('solve.progress', {
            shotId: job.shotId,
            takeId: p.takeId,
            done: p.done,
            total: p.total,
            framesPerSecond: p.framesPerSecond,
            etaSeconds: p.etaSeconds,
            provider: p.provider,
          });
        },
      });
      this.emit('solve.finished', {
        shotId: job.shotId,
        takeId: result.takeId,
        ok: true,
        message: `solved ${result.frames} frames on ${result.provider.toUpperCase()} (${result.framesPerSecond.toFixed(0)} frames/s)`,
        failedFrames: result.failedFrames,
      });
      settle(job, { ok: true, result });
    } catch (err) {
      if (err instanceof SolverCrashedError && !retried && !abort.signal.aborted) {
        // The process restarts on the next request; the take resumes from its last batch. Not
        // after a cancel: a terminal's Ctrl+C reaches the solver process too.
        this.running = null;
        // Awaited, so this call's finally runs after the retry, not while it runs (it would release the shot's mark).
        return await this.runJob(job, true);
      }
      const cancelled = err instanceof SolveCancelledError;
      const message =
        err instanceof AppError || err instanceof SolverCrashedError ? err.message : `solve failed: ${String((err as Error).message ?? err).split('\n')[0]}`;
      if (!cancelled && !(err instanceof AppError)) this.hooks.onFailure(err);
      this.restoreStatus(s, job.shotId);
      this.emit('solve.finished', { shotId: job.shotId, takeId: cancelled ? (err as SolveCancelledError).takeId : null, ok: false, message, failedFrames: [] });
      settle(job, { ok: false, error: err });
    } finally {
      this.running = null;
      // After a retry's inner call the outer one gets here too; releasing twice is harmless.
      // The project may have been closed meanwhile (a project switch, a test's teardown): nothing to release then.
      const now = this.session();
      if (now?.db.open && !this.queue.some((j) => j.shotId === job.shotId)) releaseShot(now.db, job.shotId);
      this.emit('shots.changed', { shotId: job.shotId });
    }
  }

  dispose(): void {
    this.cancel(null);
    this.client.dispose();
  }
}

function settle(job: Job, outcome: SolveOutcome): void {
  for (const tell of job.settled.splice(0)) tell(outcome);
}
