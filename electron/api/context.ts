// What a handler may use: the open project, the host's identity, and the event emitter.
import type { EventName, EventPayload } from '../common/api/contract';
import type { ProjectSession } from '../project/session';
import type { SolveService } from '../solver/solve-service';
import type { FileScope } from './file-scope';

export interface AppContext {
  readonly host: 'electron' | 'browser';
  /** A read-only reviewer (browser host started with --review): write and host channels are refused. */
  readonly readOnly: boolean;
  session(): ProjectSession | null;
  /** Opens (or creates) a project, closing the one open before (once no call still uses it). */
  openProject(path: string, create: boolean): ProjectSession;
  /**
   * Runs one API call while holding the session open at its start: a project.open that lands
   * meanwhile closes the old session only after the call is done, instead of under its feet.
   */
  hold?<T>(call: () => Promise<T>): Promise<T>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** The solve queue (one solver process, kept warm between shots). */
  readonly solver: SolveService;
  /** The user's own models folder, beside the bundled models/. */
  readonly userModelsDir: string | null;
  /** The folders channels that take paths may reach (`rigsolve serve`); null: all (the app's own user). */
  readonly fileScope: FileScope | null;
}
