// Turns a frame URL into a decoded ImageBitmap. The normal path is fetch → blob →
// createImageBitmap: decoding happens off the main thread, a 404 is told apart from a broken
// file, and the canvas stays readable. Under Electron the page lives at rigsolve://app and
// frames at rigsolve://frame, another origin; if the protocol does not allow that fetch, the
// loader falls back (once, for the session) to an <img> element, which img-src permits.
export async function fetchBitmap(url: string, signal: AbortSignal): Promise<ImageBitmap | null> {
  const res = await fetch(url, { signal, credentials: 'same-origin' });
  if (res.status === 404) return null;
  if (!res.ok) {
    const text = (await res.text().catch(() => '')).slice(0, 200);
    throw new Error(text || `HTTP ${res.status}`);
  }
  return createImageBitmap(await res.blob());
}

export async function elementBitmap(url: string, signal: AbortSignal): Promise<ImageBitmap> {
  const img = new Image();
  img.decoding = 'async';
  const onAbort = () => img.removeAttribute('src');
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    img.src = url;
    await img.decode();
    return await createImageBitmap(img);
  } catch {
    throw new Error('the image could not be loaded');
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

export function createImageLoader(): (url: string, signal: AbortSignal) => Promise<ImageBitmap | null> {
  let viaElement = false;
  return async (url, signal) => {
    if (!viaElement) {
      try {
        return await fetchBitmap(url, signal);
      } catch (err) {
        // TypeError is how fetch reports a refused scheme / CORS failure (no response at all).
        const refused = err instanceof TypeError && !signal.aborted && url.startsWith('rigsolve:');
        if (!refused) throw err;
        viaElement = true;
        console.warn('frames: fetch of rigsolve:// refused, decoding through <img> instead');
      }
    }
    return elementBitmap(url, signal);
  };
}
