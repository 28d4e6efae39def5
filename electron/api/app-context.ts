// The AppContext both hosts use: holds the open project and fans events out to listeners
// (the browser host's sockets, or Electron's web contents).
import type { EventName } from '../common/api/contract';
import { openProject, type ProjectSession } from '../project/session';
import { SolveService } from '../solver/solve-service';
import type { AppContext } from './context';

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
  const solver = opts.solver ? opts.solver(session, emit) : new SolveService(session, emit);
  return {
    host: opts.host,
    readOnly: opts.readOnly,
    solver,
    userModelsDir: opts.userModelsDir ?? null,
    session,
    openProject(path, create) {
      const next = openProject(path, { create });
      solver.cancel(null);
      current?.close();
      current = next;
      this.emit('shots.changed', { shotId: null });
      return next;
    },
    emit,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      solver.dispose();
      current?.close();
      current = null;
      listeners.clear();
    },
  };
}
