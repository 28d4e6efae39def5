// Connection state as the UI shows it. The Electron host is always 'open'; the browser host
// moves between these as its WebSocket drops and reconnects.
export type ConnectionState = { state: 'connecting' } | { state: 'open' } | { state: 'lost'; attempt: number; retryAt: number };

export interface ConnectionSource {
  readonly connection: ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** Skip the backoff wait and try again now. */
  reconnectNow(): void;
}

/** Delay before reconnect attempt `attempt` (0-based): exponential, capped, with ±20 % jitter
 *  so that many review clients do not all hammer a restarted host at once. */
export function backoffDelay(attempt: number, random: () => number = Math.random, baseMs = 500, maxMs = 10_000): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(raw * (0.8 + 0.4 * random()));
}
