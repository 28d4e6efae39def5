// Least-recently-used cache bounded by a cost budget (bytes of decoded pixels for plates) and an
// entry count. Map keeps insertion order, so re-inserting on access makes the first key the
// least recently used one.
export class LruCache<K, V> {
  private readonly map = new Map<K, { value: V; cost: number }>();
  private total = 0;

  constructor(
    private readonly maxCost: number,
    private readonly maxEntries: number = Number.POSITIVE_INFINITY,
    /** Called for each value pushed out or replaced (plates close their ImageBitmap here). */
    private readonly onEvict: (value: V, key: K) => void = () => {},
  ) {}

  get size(): number {
    return this.map.size;
  }

  get cost(): number {
    return this.total;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Reads and marks as most recently used. */
  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  /** Reads without touching recency. */
  peek(key: K): V | undefined {
    return this.map.get(key)?.value;
  }

  set(key: K, value: V, cost = 1): void {
    const old = this.map.get(key);
    if (old) {
      this.map.delete(key);
      this.total -= old.cost;
      if (old.value !== value) this.onEvict(old.value, key);
    }
    this.map.set(key, { value, cost });
    this.total += cost;
    this.trim(key);
  }

  delete(key: K): boolean {
    const e = this.map.get(key);
    if (!e) return false;
    this.map.delete(key);
    this.total -= e.cost;
    this.onEvict(e.value, key);
    return true;
  }

  clear(): void {
    for (const [k, e] of this.map) this.onEvict(e.value, k);
    this.map.clear();
    this.total = 0;
  }

  keys(): K[] {
    return [...this.map.keys()];
  }

  /** Evicts oldest first; never the entry just added, even when it alone is over budget. */
  private trim(keep: K): void {
    for (const [k, e] of this.map) {
      if (this.total <= this.maxCost && this.map.size <= this.maxEntries) break;
      if (k === keep) continue;
      this.map.delete(k);
      this.total -= e.cost;
      this.onEvict(e.value, k);
    }
  }
}
