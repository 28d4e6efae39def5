// The shot-status rules the API, the database and the menus share (electron/common/review).
import { describe, expect, it } from 'vitest';
import { SHOT_STATUSES } from '../../../../electron/common/api/schemas';
import {
  statusAfterSolve,
  statusAfterSolveStopped,
  statusChangeRefusal,
  statusRefusal,
  type StatusChange,
} from '../../../../electron/common/review/status-rules';

const change = (c: Partial<StatusChange>): StatusChange => ({ from: 'cleanup', to: 'review', role: 'artist', note: null, solved: true, ...c });

describe('shot status rules', () => {
  it('refuses every change while a solve runs, and solving by hand', () => {
    for (const to of SHOT_STATUSES) expect(statusChangeRefusal(change({ from: 'solving', to }))).toMatchObject({ code: 'badInput' });
    expect(statusChangeRefusal(change({ to: 'solving' }))?.message).toMatch(/by a solve/);
  });

  it('forbids a reviewer anything but in review, approved and needs fixes', () => {
    expect(statusChangeRefusal(change({ to: 'todo', role: 'reviewer' }))).toMatchObject({ code: 'forbidden' });
    expect(statusChangeRefusal(change({ to: 'cleanup', role: 'reviewer' }))).toMatchObject({ code: 'forbidden' });
    expect(statusChangeRefusal(change({ to: 'approved', role: 'reviewer' }))).toBeNull();
  });

  it('needs fixes takes a note; approval takes a solve', () => {
    expect(statusChangeRefusal(change({ to: 'needsFixes' }))?.message).toMatch(/takes a note/);
    expect(statusChangeRefusal(change({ to: 'needsFixes', note: 'the lips' }))).toBeNull();
    expect(statusChangeRefusal(change({ from: 'todo', to: 'approved', solved: false }))?.message).toMatch(/no solve to approve/);
  });

  it('the host accepts the current status again (a new stamp); the menu does not offer it', () => {
    expect(statusChangeRefusal(change({ from: 'review', to: 'review' }))).toBeNull();
    expect(statusRefusal('review', 'review', 'artist')).toMatch(/Already/);
  });

  it('a completed solve moves a waiting shot to cleanup and leaves a reviewed one be', () => {
    expect(statusAfterSolve('todo')).toBe('cleanup');
    expect(statusAfterSolve('solving')).toBe('cleanup');
    expect(statusAfterSolve('approved')).toBe('approved');
  });

  it('a stopped solve goes back to cleanup with a take, to do without', () => {
    expect(statusAfterSolveStopped('solving', true)).toBe('cleanup');
    expect(statusAfterSolveStopped('solving', false)).toBe('todo');
    expect(statusAfterSolveStopped('review', false)).toBe('review');
  });
});
