// A tiny typed event fan-out shared by both clients.
import type { EventName, EventPayload } from '../../../electron/common/api/contract';

type AnyListener = (payload: never) => void;

export class ListenerSet {
  private readonly byEvent = new Map<EventName, Set<AnyListener>>();

  add<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.byEvent.get(event);
    if (!set) this.byEvent.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  has(event: EventName): boolean {
    return (this.byEvent.get(event)?.size ?? 0) > 0;
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.byEvent.get(event) ?? []) {
      try {
        (l as (p: EventPayload<E>) => void)(payload);
      } catch (err) {
        // One broken listener must not starve the others.
        console.error(`listener for ${event} threw`, err);
      }
    }
  }
}
