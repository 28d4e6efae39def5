// Loads plate frames as decoded ImageBitmaps: fetch → blob → createImageBitmap (decoding off
// the main thread), kept in an LRU bounded by decoded bytes. Requests for the same frame share
// one fetch. The frame on screen ("current") always starts at once; prefetch runs behind it
// with a small concurrency limit and is replaced wholesale when the playhead moves, so a fast
// scrub never leaves a queue of stale work behind it.
import { LruCache } from './lru-cache';
import { PROXY_BUCKETS } from '../ui/plate-layout';

export interface FrameKey {
  shotId: number;
  kind: 'rgb' | 'normal';
  frame: number;
  /** Proxy width, or undefined for the original. */
  width: number | undefined;
}

/** Decoded plate: anything drawable with a size (ImageBitmap in the app, a stub in tests). */
export interface Decoded {
  readonly width: number;
  readonly height: number;
  close(): void;
}

export type LoadResult<B extends Decoded> =
  | { kind: 'image'; image: B }
  | { kind: 'missing' }
  | { kind: 'error'; message: string }
  /** A newer request replaced this one; the caller has moved on and draws nothing. */
  | { kind: 'aborted' };

export interface LoaderDeps<B extends Decoded> {
  url(key: FrameKey): string;
  /** Fetches and decodes; resolves null on 404 (the host has no such frame). */
  loadImage(url: string, signal: AbortSignal): Promise<B | null>;
  /** Clock for the fetch latency (ms); performance.now by default. */
  now?(): number;
}

export interface LoaderOptions {
  maxBytes: number;
  maxEntries: number;
  prefetchConcurrency: number;
  /** Current-frame fetches allowed in flight; older ones are aborted beyond this. */
  maxCurrentInFlight: number;
}

/** Decoded frames kept, in bytes (the plate's look-ahead plans within it: plate-renderer.ts). */
export const FRAME_CACHE_BYTES = 768 * 1024 * 1024;

const DEFAULTS: LoaderOptions = {
  maxBytes: FRAME_CACHE_BYTES,
  maxEntries: 2000,
  prefetchConcurrency: 4,
  maxCurrentInFlight: 3,
};

export function frameKeyString(k: FrameKey): string {
  return `${k.shotId}/${k.kind}/${k.frame}/${k.width ?? 'full'}`;
}

interface InFlight<B extends Decoded> {
  promise: Promise<LoadResult<B>>;
  abort: AbortController;
}

export class FrameLoader<B extends Decoded> {
  private readonly cache: LruCache<string, B>;
  /** Frames the host said do not exist: remembered so a scrub does not ask again. */
  private readonly missing = new Set<string>();
  private readonly inFlight = new Map<string, InFlight<B>>();
  private readonly currentOrder: string[] = [];
  private prefetchQueue: FrameKey[] = [];
  private prefetchRunning = 0;
  private readonly opts: LoaderOptions;
  private readonly changeListeners = new Set<() => void>();
  private latency = 0;

  constructor(
    private readonly deps: LoaderDeps<B>,
    options: Partial<LoaderOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...options };
    this.cache = new LruCache<string, B>(this.opts.maxBytes, this.opts.maxEntries, (img) => {
      img.close();
      this.changed();
    });
  }

  /** Called whenever frames enter or leave the cache (the timeline's cache line). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Frames of a shot's plate kind decoded at any width. */
  cachedFrames(shotId: number, kind: 'rgb' | 'normal'): number[] {
    const prefix = `${shotId}/${kind}/`;
    const out: number[] = [];
    for (const k of this.cache.keys()) {
      if (k.startsWith(prefix)) out.push(Number(k.slice(prefix.length, k.indexOf('/', prefix.length))));
    }
    return out;
  }

  private changed(): void {
    for (const l of this.changeListeners) l();
  }

  /** Synchronous look-up: a decoded frame, a known-missing frame, or undefined (not loaded). */
  peek(key: FrameKey): LoadResult<B> | undefined {
    const s = frameKeyString(key);
    const image = this.cache.get(s);
    if (image) return { kind: 'image', image };
    if (this.missing.has(s)) return { kind: 'missing' };
    return undefined;
  }

  /** The same frame at any other cached proxy width: a stand-in while the right one loads. */
  peekAnyWidth(key: FrameKey): B | undefined {
    for (const w of [undefined, ...PROXY_BUCKETS]) {
      if (w === key.width) continue;
      const img = this.cache.peek(frameKeyString({ ...key, width: w }));
      if (img) return img;
    }
    return undefined;
  }

  /** Loads the frame to show now, ahead of any prefetch. */
  load(key: FrameKey): Promise<LoadResult<B>> {
    const hit = this.peek(key);
    if (hit) return Promise.resolve(hit);
    const s = frameKeyString(key);
    const running = this.inFlight.get(s);
    if (running) return running.promise;
    this.currentOrder.push(s);
    // A fast scrub outruns the network: drop the oldest superseded current fetches.
    while (this.currentOrder.length > this.opts.maxCurrentInFlight) {
      const old = this.currentOrder.shift();
      if (old !== undefined) this.inFlight.get(old)?.abort.abort();
    }
    return this.start(key, s);
  }

  /** Replaces the prefetch queue (frames in priority order). */
  prefetch(keys: FrameKey[]): void {
    this.prefetchQueue = keys.filter((k) => {
      const s = frameKeyString(k);
      return !this.cache.has(s) && !this.missing.has(s) && !this.inFlight.has(s);
    });
    this.pump();
  }

  clear(): void {
    for (const f of this.inFlight.values()) f.abort.abort();
    this.prefetchQueue = [];
    this.cache.clear();
    this.missing.clear();
  }

  get stats(): { entries: number; bytes: number; inFlight: number; queued: number } {
    return { entries: this.cache.size, bytes: this.cache.cost, inFlight: this.inFlight.size, queued: this.prefetchQueue.length };
  }

  /**
   * Recent time from asking for a frame to having it decoded, ms (a moving average; 0 before the
   * first). Playback uses it to fetch the frames that can still arrive in time (prefetch.ts).
   */
  get latencyMs(): number {
    return this.latency;
  }

  /** A fetch for this frame is running. */
  isLoading(key: FrameKey): boolean {
    return this.inFlight.has(frameKeyString(key));
  }

  private pump(): void {
    while (this.prefetchRunning < this.opts.prefetchConcurrency && this.prefetchQueue.length > 0) {
      const key = this.prefetchQueue.shift();
      if (!key) break;
      const s = frameKeyString(key);
      if (this.cache.has(s) || this.missing.has(s) || this.inFlight.has(s)) continue;
      this.prefetchRunning++;
      void this.start(key, s).finally(() => {
        this.prefetchRunning--;
        this.pump();
      });
    }
  }

  private start(key: FrameKey, s: string): Promise<LoadResult<B>> {
    const abort = new AbortController();
    const promise = this.fetchAndDecode(key, s, abort.signal).finally(() => {
      this.inFlight.delete(s);
      const i = this.currentOrder.indexOf(s);
      if (i >= 0) this.currentOrder.splice(i, 1);
    });
    this.inFlight.set(s, { promise, abort });
    return promise;
  }

  private async fetchAndDecode(key: FrameKey, s: string, signal: AbortSignal): Promise<LoadResult<B>> {
    const now = this.deps.now ?? (() => performance.now());
    const t0 = now();
    try {
      const image = await this.deps.loadImage(this.deps.url(key), signal);
      const ms = now() - t0;
      this.latency = this.latency === 0 ? ms : this.latency * 0.8 + ms * 0.2;
      if (!image) {
        this.missing.add(s);
        return { kind: 'missing' };
      }
      // Decoded despite a late abort: still worth keeping for the next pass over this frame.
      this.cache.set(s, image, Math.max(1, image.width * image.height * 4));
      this.changed();
      return { kind: 'image', image };
    } catch (err) {
      if (signal.aborted) return { kind: 'aborted' };
      return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
    }
  }
}
