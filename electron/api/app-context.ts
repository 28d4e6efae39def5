// The AppContext both hosts use: holds the open project and fans events out to listeners
// (the browser host's sockets, or Electron's web contents).
import type { EventName, EventPayload } from '../common/api/contract';
import { openProject, type ProjectSession } from '../project/session';
import type { AppContext } from './context';

export type EventListener = (event: EventName, payload: unknown) => void;

export interface HostedContext extends AppContext {
  onEvent(listener: EventListener): () => void;
  close(): void;
}

export function createAppContext(opts: { host: 'electron' | 'browser'; readOnly: boolean; projectPath: string | null; create?: boolean }): HostedContext {
  let current: ProjectSession | null = opts.projectPath ? openProject(opts.projectPath, { create: opts.create ?? true }) : null;
  const listeners = new Set<EventListener>();
  return {
    host: opts.host,
    readOnly: opts.readOnly,
    session: () => current,
    openProject(path, create) {
      const next = openProject(path, { create });
      current?.close();
      current = next;
      this.emit('shots.changed', { shotId: null });
      return next;
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const l of listeners) l(event, payload);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      current?.close();
      current = null;
      listeners.clear();
    },
  };
}
