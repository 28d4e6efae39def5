// project.open while another call is still running on the old project: the old session closes only
// once that call is done. It used to close at once, and a running import failed as an `internal`
// error, "The database connection is not open" (found by the API fuzzer).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type HostedContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let ctx: HostedContext;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 12, width: 32, height: 32 });
  ctx = createAppContext({ host: 'browser', readOnly: false, projectPath: join(dir, 'a.rigsolve') });
});
afterAll(async () => {
  ctx.close();
  await cleanup();
});

describe('switching projects under a running call', () => {
  it('lets an import on the old project finish, then closes it', async () => {
    const old = ctx.session()!;
    const importing = dispatch(handlers, ctx, 'capture.import', { shotName: 'sh', rgbSource: join(dir, 'rgb'), fps: 24 });
    const opened = await dispatch(handlers, ctx, 'project.open', { path: join(dir, 'b.rigsolve'), create: true });
    expect(opened.ok).toBe(true);
    const imported = await importing;
    expect(imported, JSON.stringify(imported)).toMatchObject({ ok: true });
    expect(old.db.open).toBe(false);
    expect(ctx.session()!.db.open).toBe(true);
    // The import went to the project it started on.
    expect(old.path).toMatch(/a\.rigsolve$/);
    const listed = await dispatch(handlers, ctx, 'shots.list', {});
    expect(listed.ok && listed.result).toEqual([]);
  });

  it('closes the old project at once when nothing else is running', async () => {
    const old = ctx.session()!;
    expect((await dispatch(handlers, ctx, 'project.open', { path: join(dir, 'a.rigsolve') })).ok).toBe(true);
    expect(old.db.open).toBe(false);
  });
});
