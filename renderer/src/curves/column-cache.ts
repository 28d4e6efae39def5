// Caches each curve's column decimation in scaled space, per zoom level. Panning only moves the
// window: columns already computed are kept (shifted), only the newly exposed ones are
// decimated. A curve's entry is recomputed when its samples change (its version) or the zoom does.
import { decimateInto, type Columns } from './decimate';

interface Entry {
  values: Float32Array;
  version: number;
  pxPerFrame: number;
  firstFrame: number;
  cols: Columns;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Columns decimated (the work done). */
  columns: number;
}

export class ColumnCache {
  private entries = new Map<string, Entry>();
  readonly stats: CacheStats = { hits: 0, misses: 0, columns: 0 };

  /**
   * Columns covering at least [col0, col0+count) for the curve. `margin` extra columns each side
   * are computed on a miss so that small pans hit. The result may start before col0: use its
   * own col0.
   */
  get(id: string, values: Float32Array, version: number, firstFrame: number, pxPerFrame: number, col0: number, count: number, margin: number): Columns {
    const e = this.entries.get(id);
    // The data's own extent: columns outside it are empty, never worth caching.
    const dataC0 = Math.floor(firstFrame * pxPerFrame);
    const dataC1 = Math.floor((firstFrame + Math.max(0, values.length - 1)) * pxPerFrame) + 1;
    const want0 = Math.max(col0, dataC0);
    const want1 = Math.min(col0 + count, dataC1);
    if (e && e.values === values && e.version === version && e.pxPerFrame === pxPerFrame && e.firstFrame === firstFrame) {
      if (want1 <= want0 || (want0 >= e.cols.col0 && want1 <= e.cols.col0 + e.cols.count)) {
        this.stats.hits++;
        return e.cols;
      }
    }
    this.stats.misses++;
    const w0 = Math.max(dataC0, col0 - margin);
    const w1 = Math.max(w0, Math.min(dataC1, col0 + count + margin));
    const size = w1 - w0;
    const reuse = e && e.values === values && e.version === version && e.pxPerFrame === pxPerFrame && e.firstFrame === firstFrame ? e : null;
    let cols: Columns;
    if (reuse && reuse.cols.min.length >= size) cols = reuse.cols;
    else cols = { col0: w0, count: 0, min: new Float32Array(Math.max(size, 16)), max: new Float32Array(Math.max(size, 16)) };
    if (reuse) {
      // Keep the overlap (moved to its new index), decimate the rest.
      const o0 = Math.max(w0, reuse.cols.col0);
      const o1 = Math.min(w1, reuse.cols.col0 + reuse.cols.count);
      if (o1 > o0) {
        const src = o0 - reuse.cols.col0;
        const dst = o0 - w0;
        if (cols === reuse.cols) {
          cols.min.copyWithin(dst, src, src + (o1 - o0));
          cols.max.copyWithin(dst, src, src + (o1 - o0));
        } else {
          cols.min.set(reuse.cols.min.subarray(src, src + (o1 - o0)), dst);
          cols.max.set(reuse.cols.max.subarray(src, src + (o1 - o0)), dst);
        }
        this.fill(values, firstFrame, pxPerFrame, w0, o0, cols, w0);
        this.fill(values, firstFrame, pxPerFrame, o1, w1, cols, w0);
      } else this.fill(values, firstFrame, pxPerFrame, w0, w1, cols, w0);
    } else this.fill(values, firstFrame, pxPerFrame, w0, w1, cols, w0);
    cols.col0 = w0;
    cols.count = size;
    this.entries.set(id, { values, version, pxPerFrame, firstFrame, cols });
    return cols;
  }

  private fill(values: Float32Array, firstFrame: number, ppf: number, c0: number, c1: number, cols: Columns, base: number): void {
    if (c1 <= c0) return;
    this.stats.columns += c1 - c0;
    decimateInto(values, firstFrame, ppf, c0, c1 - c0, cols.min, cols.max, c0 - base);
  }

  /** Forgets curves not in `keep` (hidden or removed controls) so memory follows what is shown. */
  retain(keep: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!keep.has(id)) this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }
}
