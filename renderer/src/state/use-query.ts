// Loads something from the API for a view, reloading when its inputs change and when the host
// says the shot changed. Stale replies (the inputs moved on) are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/current';
import { toApiCallError, type ApiCallError } from '../api/errors';

export interface Query<T> {
  data: T | null;
  error: ApiCallError | null;
  loading: boolean;
  reload: () => void;
}

export function useQuery<T>(load: () => Promise<T>, key: string, reloadOnShot: number | null = null): Query<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiCallError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false }),
      (err: unknown) => mine === seq.current && setState({ data: null, error: toApiCallError(err), loading: false }),
    );
  }, []);

  useEffect(() => {
    run();
  }, [key, run]);

  useEffect(() => {
    if (reloadOnShot === null) return;
    return api().on('shots.changed', (p) => {
      if (p.shotId === null || p.shotId === reloadOnShot) run();
    });
  }, [reloadOnShot, run]);

  return { ...state, reload: run };
}
