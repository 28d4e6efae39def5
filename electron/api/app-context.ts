// The AppContext both hosts use: holds the open project and fans events out to listeners
// (the browser host's sockets, or Electron's web contents).
import type { EventName } from '../common/api/contract';
import { openProject, type ProjectSession } from '../project/session';
import { SolveService } from '../solver/solve-service';
import type { AppContext } from './context';
import type { FileScope } from './file-scope';

export type EventListener = (event: EventName, payload: unknown) => void;

export interface HostedContext extends AppContext {
  onEvent(listener: EventListener): () => void;
  close(): void;
}

export interface ContextOptions {
  host: 'electron' | 'browser';
  readOnly: boolean;
  projectPath: string | null;
  create?: boolean;
  userModelsDir?: string | null;
  /** Folders the file-system channels may reach; null or absent: all (the Electron app, `rigsolve app`). */
  fileScope?: FileScope | null;
  /** Electron passes a utilityProcess-backed solver; Node hosts fork one. */
  solver?: (session: () => ProjectSession | null, emit: HostedContext['emit']) => SolveService;
}

export function createAppContext(opts: ContextOptions): HostedContext {
  let current: ProjectSession | null = opts.projectPath ? openProject(opts.projectPath, { create: opts.create ?? true }) : null;
  const listeners = new Set<EventListener>();
  const emit: HostedContext['emit'] = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  const session = (): ProjectSession | null => current;
  // Calls in flight per session, and sessions replaced by project.open but still in use: closing a
  // session under a running import or export used to fail it with "The database connection is not open".
  const users = new Map<ProjectSession, number>();
  const retired = new Set<ProjectSession>();
  const release = (s: ProjectSession): void => {
    const n = (users.get(s) ?? 1) - 1;
    if (n > 0) return void users.set(s, n);
    users.delete(s);
    if (retired.delete(s)) s.close();
  };
  const retire = (s: ProjectSession | null): void => {
    if (!s) return;
    if (users.has(s)) retired.add(s);
    else s.close();
  };
  const watcher = watchOtherWriters(session, emit);
  const solver = opts.solver ? opts.solver(session, emit) : new SolveService(session, emit);
  return {
    host: opts.host,
    readOnly: opts.readOnly,
    solver,
    userModelsDir: opts.userModelsDir ?? null,
    fileScope: opts.fileScope ?? null,
    session,
    openProject(path, create) {
      const next = openProject(path, { create });
      solver.cancel(null);
      retire(current);
      current = next;
      watcher.check();
      this.emit('shots.changed', { shotId: null });
      return next;
    },
    async hold(call) {
      const s = current;
      if (s) users.set(s, (users.get(s) ?? 0) + 1);
      try {
        return await call();
      } finally {
        if (s) release(s);
      }
    },
    emit,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      watcher.stop();
      solver.dispose();
      current?.close();
      for (const s of retired) s.close();
      retired.clear();
      current = null;
      listeners.clear();
    },
  };
}

/**
 * Another process writing the same project (a supervisor's `rigsolve serve --review`, a farm's
 * CLI solve) is seen through SQLite's data_version, which changes only on other connections'
 * commits: the open windows are told to reload what they show.
 */
function watchOtherWriters(session: () => ProjectSession | null, emit: HostedContext['emit'], everyMs = 1000): { check: () => void; stop: () => void } {
  let watched: ProjectSession | null = null;
  let version = -1;
  const check = (): void => {
    const s = session();
    if (!s) return;
    let now: number;
    try {
      now = s.db.pragma('data_version', { simple: true }) as number;
    } catch {
      return; // closed between ticks
    }
    if (s !== watched) {
      watched = s;
      version = now;
      return;
    }
    if (now === version) return;
    version = now;
    emit('shots.changed', { shotId: null });
    for (const id of s.db.prepare('SELECT id FROM shots').pluck().all() as number[]) {
      emit('notes.changed', { shotId: id });
      emit('layer.changed', { shotId: id });
    }
  };
  // Note the version now, so a change made before the first tick is not taken as the baseline.
  check();
  const timer = setInterval(check, everyMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
