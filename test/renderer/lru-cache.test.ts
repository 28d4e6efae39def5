import { describe, expect, it } from 'vitest';
import { LruCache } from '../../renderer/src/plate/lru-cache';

describe('LruCache', () => {
  it('evicts least recently used first by cost', () => {
    const evicted: string[] = [];
    const c = new LruCache<string, number>(3, Infinity, (_v, k) => evicted.push(k));
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3);
    expect(c.get('a')).toBe(1); // a is now most recent
    c.set('d', 4);
    expect(evicted).toEqual(['b']);
    expect(c.keys()).toEqual(['c', 'a', 'd']);
  });

  it('peek does not change recency', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.peek('a');
    c.set('c', 3);
    expect(c.has('a')).toBe(false);
  });

  it('honours cost and entry limits, and keeps an oversized newest entry', () => {
    const c = new LruCache<string, number>(10, 2);
    c.set('a', 1, 4);
    c.set('b', 2, 4);
    c.set('c', 3, 4);
    expect(c.keys()).toEqual(['b', 'c']);
    expect(c.cost).toBe(8);
    c.set('huge', 4, 50);
    expect(c.keys()).toEqual(['huge']);
  });

  it('calls onEvict for replaced values, deletes and clear', () => {
    const evicted: number[] = [];
    const c = new LruCache<string, number>(100, Infinity, (v) => evicted.push(v));
    c.set('a', 1);
    c.set('a', 2);
    c.set('b', 3);
    c.delete('b');
    c.clear();
    expect(evicted).toEqual([1, 3, 2]);
    expect(c.size).toBe(0);
    expect(c.cost).toBe(0);
  });
});
