import { describe, expect, it } from 'vitest';
import type { ShotSummary, ShotStatus } from '../../../electron/common/api/schemas';
import { countByStatus, filterShots, formatAge, neighbourShots, sortShots, toggleSort } from '../../../renderer/src/review/status-filter';
import { STATUS_LABELS } from '../../../renderer/src/review/status-workflow';

let nextId = 1;
const shot = (name: string, status: ShotStatus, frameCount = 10, createdAt = '2025-01-01T00:00:00Z'): ShotSummary => ({
  id: nextId++,
  name,
  fps: 24,
  firstFrame: 1,
  lastFrame: frameCount,
  frameCount,
  width: 64,
  height: 64,
  hasNormal: false,
  status,
  statusBy: null,
  statusAt: null,
  importState: 'complete',
  warningCount: 0,
  activeTakeId: null,
  createdAt,
  scene: null,
  captureTake: null,
  actor: null,
  startTimecode: null,
  thumbnailFrame: null,
});

const shots = [
  shot('sh010', 'approved', 50),
  shot('sh2', 'todo', 20),
  shot('sh001', 'review', 30),
  shot('sh003', 'review', 5),
  shot('sh004', 'needsFixes', 40),
];
const label = (s: ShotStatus) => STATUS_LABELS[s];

describe('status filter and sort', () => {
  it('counts per status', () => {
    const c = countByStatus(shots);
    expect(c).toEqual({ todo: 1, solving: 0, cleanup: 0, review: 2, needsFixes: 1, approved: 1 });
  });

  it('filters by status set and text (name or status label)', () => {
    expect(filterShots(shots, '', new Set(['review']), label).map((s) => s.name)).toEqual(['sh001', 'sh003']);
    expect(filterShots(shots, 'needs', new Set(), label).map((s) => s.name)).toEqual(['sh004']);
    expect(filterShots(shots, 'sh00', new Set(['review', 'needsFixes']), label).map((s) => s.name)).toEqual(['sh001', 'sh003', 'sh004']);
  });

  it('sorts by status in workflow order, ties by natural name order', () => {
    expect(sortShots(shots, { key: 'status', dir: 'asc' }).map((s) => s.name)).toEqual(['sh2', 'sh001', 'sh003', 'sh004', 'sh010']);
    expect(sortShots(shots, { key: 'name', dir: 'asc' }).map((s) => s.name)).toEqual(['sh001', 'sh2', 'sh003', 'sh004', 'sh010']);
    expect(sortShots(shots, { key: 'frames', dir: 'desc' }).map((s) => s.frameCount)).toEqual([50, 40, 30, 20, 5]);
  });

  it('toggles the sort direction on the same column', () => {
    expect(toggleSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(toggleSort({ key: 'name', dir: 'desc' }, 'status')).toEqual({ key: 'status', dir: 'asc' });
  });

  it('steps to the previous / next shot among those the filter shows', () => {
    const sorted = sortShots(shots, { key: 'name', dir: 'asc' }); // sh001 sh2 sh003 sh004 sh010
    const inReview = (s: ShotSummary) => s.status === 'review';
    const at = (name: string) => sorted.find((s) => s.name === name)!.id;
    expect(neighbourShots(sorted, at('sh001'), inReview)).toMatchObject({ prev: null, next: { name: 'sh003' } });
    // sh2 is not in review (any more): its neighbours still come from the filter.
    expect(neighbourShots(sorted, at('sh2'), inReview)).toMatchObject({ prev: { name: 'sh001' }, next: { name: 'sh003' } });
    expect(neighbourShots(sorted, at('sh010'), () => true)).toMatchObject({ prev: { name: 'sh004' }, next: null });
    expect(neighbourShots(sorted, 999, () => true)).toEqual({ prev: null, next: null });
  });

  it('formats the age of a status change', () => {
    const now = Date.parse('2025-03-10T12:00:00Z');
    expect(formatAge(null, now)).toBe('');
    expect(formatAge('2025-03-10T11:59:30Z', now)).toBe('just now');
    expect(formatAge('2025-03-10T11:15:00Z', now)).toBe('45 min ago');
    expect(formatAge('2025-03-10T07:00:00Z', now)).toBe('5 h ago');
    expect(formatAge('2025-03-07T12:00:00Z', now)).toBe('3 d ago');
    expect(formatAge('2024-01-07T12:00:00Z', now)).toBe('2024-01-07');
  });
});

describe('slate fields in the shot list', () => {
  const a = { ...shot('a', 'todo'), scene: 'sc10', actor: 'Anna', startTimecode: '01:00:00:00' };
  const b = { ...shot('b', 'todo'), scene: 'sc2', actor: 'Ben', startTimecode: '00:59:00:00' };
  const c = shot('c', 'todo');

  it('sorts by scene naturally, shots without one after the others (before them, reversed)', () => {
    expect(sortShots([a, b, c], { key: 'scene', dir: 'asc' }).map((s) => s.name)).toEqual(['b', 'a', 'c']);
    expect(sortShots([a, b, c], { key: 'scene', dir: 'desc' }).map((s) => s.name)).toEqual(['c', 'a', 'b']);
    expect(sortShots([a, b, c], { key: 'startTimecode', dir: 'asc' }).map((s) => s.name)).toEqual(['b', 'a', 'c']);
  });

  it('finds a shot by its actor, scene or timecode', () => {
    const none = new Set<ShotStatus>();
    expect(filterShots([a, b, c], 'anna', none, (s) => STATUS_LABELS[s]).map((s) => s.name)).toEqual(['a']);
    expect(filterShots([a, b, c], 'SC2', none, (s) => STATUS_LABELS[s]).map((s) => s.name)).toEqual(['b']);
    expect(filterShots([a, b, c], '00:59', none, (s) => STATUS_LABELS[s]).map((s) => s.name)).toEqual(['b']);
  });
});
