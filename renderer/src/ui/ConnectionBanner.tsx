// Shown while the browser host's socket is down: the user must know that what they see may be
// stale and that actions will wait, and have a way to retry without waiting out the backoff.
import { useEffect, useState } from 'react';
import { api } from '../api/current';
import { useApp } from '../state/app-store';

/** After this many failed attempts the host probably restarted with a new token. */
const HINT_AFTER = 4;

export function ConnectionBanner() {
  const connection = useApp((s) => s.connection);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (connection.state !== 'lost') return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [connection.state]);

  if (connection.state !== 'lost') return null;
  const secs = Math.max(0, Math.ceil((connection.retryAt - now) / 1000));
  return (
    <div className="conn-banner" role="alert" data-testid="connection-lost">
      <span className="dot bad" />
      <strong>Connection to the RigSolve host lost.</strong>
      <span>{secs > 0 ? `Reconnecting in ${secs} s…` : 'Reconnecting…'}</span>
      {connection.attempt >= HINT_AFTER ? (
        <span className="dim">If the host was restarted, open the new link it printed (the old token no longer works).</span>
      ) : null}
      <button className="btn" onClick={() => api().reconnectNow()}>
        Retry now
      </button>
    </div>
  );
}
