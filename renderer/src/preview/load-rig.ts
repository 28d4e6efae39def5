// Fetches and prepares the shot's rig (api().dataUrl('rig/<shot>'): rigsolve://rig/N under
// Electron, /rig/N in the browser host), with messages a user can act on. The last rig is kept:
// switching panels or going back to the shot does not parse it again.
import { parseRigGlb, disposeRig, type PreparedRig } from './rig-scene';

export class RigLoadError extends Error {
  override readonly name = 'RigLoadError';
}

let cached: { url: string; promise: Promise<PreparedRig> } | null = null;

export function loadRig(url: string): Promise<PreparedRig> {
  if (cached?.url === url) return cached.promise;
  const previous = cached;
  const promise = fetchAndPrepare(url);
  cached = { url, promise };
  // A failed load is not kept: Retry fetches again.
  promise.catch(() => {
    if (cached?.promise === promise) cached = null;
  });
  void previous?.promise.then(disposeRig, () => undefined);
  return promise;
}

async function fetchAndPrepare(url: string): Promise<PreparedRig> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new RigLoadError(`The rig could not be fetched (${message(e)}).`);
  }
  if (!res.ok) {
    // The hosts answer with a sentence ("the default head rig is missing: run …"): show it.
    const text = (await res.text().catch(() => '')).trim().slice(0, 300);
    throw new RigLoadError(text ? `${text} (HTTP ${res.status})` : `The host answered HTTP ${res.status} for the rig.`);
  }
  const bytes = await res.arrayBuffer();
  try {
    return await parseRigGlb(bytes);
  } catch (e) {
    throw new RigLoadError(`The rig is not a readable glTF binary: ${message(e)}`);
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
