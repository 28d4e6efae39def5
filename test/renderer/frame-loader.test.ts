import { describe, expect, it } from 'vitest';
import { FrameLoader, frameKeyString, type Decoded, type FrameKey } from '../../renderer/src/plate/frame-loader';

class Img implements Decoded {
  closed = false;
  constructor(
    readonly width: number,
    readonly height: number,
    readonly tag: string,
  ) {}
  close() {
    this.closed = true;
  }
}

interface Deferred {
  url: string;
  signal: AbortSignal;
  resolve(tag: string | null): void;
}

function setup(opts = {}) {
  const fetches: Deferred[] = [];
  const loader = new FrameLoader<Img>(
    {
      url: (k) => frameKeyString(k),
      loadImage: (url, signal) =>
        new Promise<Img | null>((resolve, reject) => {
          fetches.push({ url, signal, resolve: (tag) => resolve(tag === null ? null : new Img(10, 10, tag)) });
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    },
    { prefetchConcurrency: 2, maxCurrentInFlight: 2, maxBytes: 400 * 3, ...opts },
  );
  return { loader, fetches };
}

const key = (frame: number, width?: number): FrameKey => ({ shotId: 1, kind: 'rgb', frame, width });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('FrameLoader', () => {
  it('loads, caches and shares one fetch per frame', async () => {
    const { loader, fetches } = setup();
    const a = loader.load(key(1, 256));
    const b = loader.load(key(1, 256));
    expect(fetches).toHaveLength(1);
    fetches[0]!.resolve('f1');
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra).toEqual(rb);
    expect(ra.kind === 'image' && ra.image.tag).toBe('f1');
    expect(loader.peek(key(1, 256))?.kind).toBe('image');
    await loader.load(key(1, 256));
    expect(fetches).toHaveLength(1);
  });

  it('remembers missing frames (404) without refetching', async () => {
    const { loader, fetches } = setup();
    const p = loader.load(key(5));
    fetches[0]!.resolve(null);
    expect(await p).toEqual({ kind: 'missing' });
    expect(loader.peek(key(5))).toEqual({ kind: 'missing' });
  });

  it('aborts the oldest current fetch when a scrub outruns it', async () => {
    const { loader, fetches } = setup();
    const p1 = loader.load(key(1));
    loader.load(key(2));
    loader.load(key(3));
    expect(fetches[0]!.signal.aborted).toBe(true);
    expect(await p1).toEqual({ kind: 'aborted' });
    expect(fetches[1]!.signal.aborted).toBe(false);
  });

  it('runs prefetch with limited concurrency and replaces its queue', async () => {
    const { loader, fetches } = setup();
    loader.prefetch([key(10), key(11), key(12), key(13)]);
    expect(fetches.map((f) => f.url)).toEqual(['1/rgb/10/full', '1/rgb/11/full']);
    loader.prefetch([key(20), key(10)]); // playhead moved: 12 and 13 are no longer wanted
    fetches[0]!.resolve('10');
    await tick();
    await tick();
    expect(fetches.map((f) => f.url)).toEqual(['1/rgb/10/full', '1/rgb/11/full', '1/rgb/20/full']);
  });

  it('evicts by decoded bytes and closes evicted bitmaps', async () => {
    const { loader, fetches } = setup();
    const imgs: Img[] = [];
    for (let i = 0; i < 4; i++) {
      const p = loader.load(key(i));
      fetches[i]!.resolve(String(i));
      const r = await p;
      if (r.kind === 'image') imgs.push(r.image);
    }
    expect(loader.stats.entries).toBe(3);
    expect(imgs[0]!.closed).toBe(true);
    expect(loader.peek(key(0))).toBeUndefined();
  });

  it('offers another cached width as a stand-in', async () => {
    const { loader, fetches } = setup();
    const p = loader.load(key(7, 512));
    fetches[0]!.resolve('7');
    await p;
    expect(loader.peekAnyWidth(key(7, 768))?.tag).toBe('7');
    expect(loader.peekAnyWidth(key(8, 768))).toBeUndefined();
  });

  it('reports other failures as errors', async () => {
    const { loader } = setup();
    const broken = new FrameLoader<Img>({ url: () => 'u', loadImage: () => Promise.reject(new Error('HTTP 500')) });
    expect(await broken.load(key(1))).toEqual({ kind: 'error', message: 'HTTP 500' });
    expect(loader.stats.inFlight).toBe(0);
  });
});

describe('FrameLoader cache listing', () => {
  it('lists cached frames per shot and kind and reports changes', async () => {
    const { loader, fetches } = setup();
    let changes = 0;
    loader.onChange(() => changes++);
    const a = loader.load(key(3, 256));
    const b = loader.load({ shotId: 1, kind: 'normal', frame: 4, width: undefined });
    fetches[0]!.resolve('3');
    fetches[1]!.resolve('4');
    await Promise.all([a, b]);
    expect(loader.cachedFrames(1, 'rgb')).toEqual([3]);
    expect(loader.cachedFrames(1, 'normal')).toEqual([4]);
    expect(loader.cachedFrames(2, 'rgb')).toEqual([]);
    expect(changes).toBe(2);
  });

  it('keeps a moving average of fetch-and-decode latency', async () => {
    let now = 0;
    const pending: (() => void)[] = [];
    const loader = new FrameLoader<Img>({
      url: (k) => frameKeyString(k),
      loadImage: () => new Promise<Img | null>((resolve) => pending.push(() => resolve(new Img(10, 10, 'x')))),
      now: () => now,
    });
    expect(loader.latencyMs).toBe(0);
    const a = loader.load(key(1));
    expect(loader.isLoading(key(1))).toBe(true);
    now = 100;
    pending.shift()!();
    await a;
    expect(loader.isLoading(key(1))).toBe(false);
    expect(loader.latencyMs).toBe(100);
    const b = loader.load(key(2));
    now = 300;
    pending.shift()!();
    await b;
    // 0.8 × 100 + 0.2 × 200
    expect(loader.latencyMs).toBeCloseTo(120, 6);
  });
});
