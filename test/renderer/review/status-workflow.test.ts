import { describe, expect, it } from 'vitest';
import { nextStatus, statusOptions, statusRefusal } from '../../../renderer/src/review/status-workflow';

describe('status workflow', () => {
  it('lets an artist set any status but solving', () => {
    const opts = statusOptions('cleanup', 'artist');
    expect(opts.map((o) => o.status)).toEqual(['todo', 'cleanup', 'review', 'needsFixes', 'approved']);
    expect(opts.filter((o) => o.allowed).map((o) => o.status)).toEqual(['todo', 'review', 'needsFixes', 'approved']);
    expect(opts.find((o) => o.status === 'needsFixes')?.needsNote).toBe(true);
  });

  it('limits a reviewer to review, approved and needs fixes', () => {
    const allowed = statusOptions('cleanup', 'reviewer')
      .filter((o) => o.allowed)
      .map((o) => o.status);
    expect(allowed).toEqual(['review', 'needsFixes', 'approved']);
    expect(statusRefusal('review', 'todo', 'reviewer')).toMatch(/reviewer/);
  });

  it('refuses everything while a solve runs, and solving by hand', () => {
    expect(statusOptions('solving', 'artist').every((o) => !o.allowed)).toBe(true);
    expect(statusRefusal('todo', 'solving', 'artist')).toMatch(/by a solve/);
  });

  it('offers the next workflow step', () => {
    expect(nextStatus('todo', 'artist')).toBe('cleanup');
    expect(nextStatus('cleanup', 'artist')).toBe('review');
    expect(nextStatus('review', 'reviewer')).toBe('approved');
    expect(nextStatus('needsFixes', 'artist')).toBe('review');
    expect(nextStatus('todo', 'reviewer')).toBeNull();
    expect(nextStatus('approved', 'artist')).toBeNull();
  });
});
