// A folder on the host, listed for a browser (import, export folder, rig file). Only the latest
// request lands: a slow listing (a network share, a first listing still on its way) must not
// replace the folder the user has since moved to.
import { useRef, useState } from 'react';
import type { DirListing } from '../../../electron/common/api/schemas';
import { api } from '../api/current';
import { toApiCallError } from '../api/errors';

export interface DirListingState {
  readonly listing: DirListing | null;
  /** Why the last listing failed (the last listing shown stays). */
  readonly error: string | null;
  readonly loading: boolean;
  /** Lists `path` (null: the host's starting folder); the listing, or null if it failed or was overtaken. */
  go(path: string | null): Promise<DirListing | null>;
}

export function useDirListing(): DirListingState {
  const [listing, setListing] = useState<DirListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const go = async (path: string | null): Promise<DirListing | null> => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const l = await api().call('fs.listDir', { path });
      if (mine !== seq.current) return null;
      setListing(l);
      setError(null);
      return l;
    } catch (err) {
      if (mine === seq.current) setError(toApiCallError(err).message);
      return null;
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  };
  return { listing, error, loading, go };
}
