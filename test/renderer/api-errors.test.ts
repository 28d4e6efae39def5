import { describe, expect, it } from 'vitest';
import { ApiCallError, cleanMessage, toApiCallError } from '../../renderer/src/api/errors';
import { unwrapResponse } from '../../renderer/src/api/unwrap';
import { backoffDelay } from '../../renderer/src/api/connection';

describe('cleanMessage', () => {
  it('strips stack frames and IPC wrappers', () => {
    const raw = "Error invoking remote method 'shots.list': Error: database is locked\n    at Db.run (/app/db.js:1:2)\n    at x";
    expect(cleanMessage(raw)).toBe('database is locked');
  });
  it('bounds length and never returns empty', () => {
    expect(cleanMessage('x'.repeat(2000)).length).toBeLessThan(700);
    expect(cleanMessage('   ')).toBe('No details were given.');
  });
});

describe('toApiCallError', () => {
  it('wraps errors and strings, keeps ApiCallErrors', () => {
    const e = new ApiCallError('notFound', 'no shot 4');
    expect(toApiCallError(e)).toBe(e);
    expect(toApiCallError(new TypeError('boom')).code).toBe('internal');
    expect(toApiCallError('oops').message).toBe('oops');
  });
});

describe('unwrapResponse', () => {
  const project = { path: '/p.rigsolve', name: 'p', shotCount: 0, readOnly: false, host: 'browser' };

  it('returns a validated result', () => {
    expect(unwrapResponse('project.info', { ok: true, result: project })).toEqual(project);
  });
  it('throws the host error as ApiCallError', () => {
    const err = (() => {
      try {
        unwrapResponse('shot.get', { ok: false, error: { code: 'notFound', message: 'Shot 9 does not exist' } });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ApiCallError);
    expect(err).toMatchObject({ code: 'notFound', message: 'Shot 9 does not exist', channel: 'shot.get' });
  });
  it('refuses malformed replies and results of another shape', () => {
    expect(() => unwrapResponse('project.info', null)).toThrow(/malformed/);
    expect(() => unwrapResponse('project.info', { ok: true, result: { path: 1 } })).toThrow(/does not match/);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially to a cap with bounded jitter', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(500);
    expect(backoffDelay(3, () => 0.5)).toBe(4000);
    expect(backoffDelay(20, () => 0.5)).toBe(10000);
    expect(backoffDelay(0, () => 0)).toBe(400);
    expect(backoffDelay(0, () => 1)).toBe(600);
  });
});
