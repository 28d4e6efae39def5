// Review rules are enforced by the API, not only the UI: a read-only reviewer may add notes and
// set review statuses, and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createAppContext, type HostedContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import { importCapture } from '../../../electron/capture/import-capture';
import type { ShotStatus } from '../../../electron/common/api/schemas';
import { statusRefusal } from '../../../electron/common/review/status-rules';
import { setShotStatusRaw } from '../../../electron/db/takes';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let editor: HostedContext;
let reviewer: HostedContext;
let shotId: number;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const project = join(dir, 'r.rigsolve');
  editor = createAppContext({ host: 'browser', readOnly: false, projectPath: project });
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 10, width: 32, height: 32 });
  const s = editor.session()!;
  shotId = (
    await importCapture(s.db, { shotName: 'a', rgbSource: join(dir, 'rgb'), normalSource: null, fps: 24, normalConvention: 'opengl' }, { cacheDir: s.cacheDir })
  ).shot.id;
  reviewer = createAppContext({ host: 'browser', readOnly: true, projectPath: project });
});
afterAll(async () => {
  editor.close();
  reviewer.close();
  await cleanup();
});

const call = (ctx: HostedContext, channel: string, args: unknown) => dispatch(handlers, ctx, channel, args);

describe('review', () => {
  it('a reviewer adds a note on a range and marks the shot needs fixes; the animator sees both', async () => {
    const added = await call(reviewer, 'notes.add', { shotId, frameStart: 3, frameEnd: 6, text: 'left lip corner lags', author: 'Sup' });
    expect(added.ok).toBe(true);
    const status = await call(reviewer, 'shot.setStatus', { shotId, status: 'needsFixes', by: 'Sup', note: 'fix the lips' });
    expect(status.ok).toBe(true);
    const notes = await call(editor, 'notes.list', { shotId });
    expect(notes.ok && (notes.result as { text: string; frameStart: number }[]).map((n) => [n.frameStart, n.text])).toEqual([
      [1, 'fix the lips'],
      [3, 'left lip corner lags'],
    ]);
    const shot = await call(editor, 'shot.get', { shotId });
    expect(shot.ok && shot.result).toMatchObject({ status: 'needsFixes', statusBy: 'Sup' });
  });

  it('refuses a reviewer curve edits, solves and other statuses', async () => {
    const edit = await call(reviewer, 'edits.apply', { shotId, transaction: { label: 'x', ops: [{ op: 'setFalloff', frames: 2 }] } });
    expect(!edit.ok && edit.error.code).toBe('forbidden');
    expect(await call(reviewer, 'edits.undo', { shotId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(reviewer, 'solve.start', { shotIds: [shotId] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(reviewer, 'shot.setStatus', { shotId, status: 'todo', by: 'Sup' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('needs fixes takes a note, and approval needs a solve', async () => {
    expect(await call(editor, 'shot.setStatus', { shotId, status: 'needsFixes', by: 'Ann' })).toMatchObject({ ok: false, error: { code: 'badInput' } });
    expect(await call(editor, 'shot.setStatus', { shotId, status: 'approved', by: 'Ann' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no solve to approve/) },
    });
  });

  it('refuses a status change while the shot is solving, as the menu does', async () => {
    const db = editor.session()!.db;
    const before = db.prepare('SELECT status FROM shots WHERE id = ?').pluck().get(shotId) as ShotStatus;
    setShotStatusRaw(db, shotId, 'solving');
    try {
      for (const ctx of [editor, reviewer]) {
        expect(await call(ctx, 'shot.setStatus', { shotId, status: 'review', by: 'Ann' })).toMatchObject({
          ok: false,
          error: { code: 'badInput', message: expect.stringMatching(/solve is running/) },
        });
      }
      expect(statusRefusal('solving', 'review', 'artist')).toMatch(/solve is running/);
    } finally {
      setShotStatusRaw(db, shotId, before);
    }
  });

  it('notes outside the shot are refused; resolving records who', async () => {
    expect(await call(editor, 'notes.add', { shotId, frameStart: 5, frameEnd: 50, text: 'x', author: 'Ann' })).toMatchObject({
      ok: false,
      error: { code: 'badInput' },
    });
    const list = await call(editor, 'notes.list', { shotId });
    const id = list.ok ? (list.result as { id: number }[])[0]!.id : 0;
    const resolved = await call(editor, 'notes.resolve', { noteId: id, resolved: true, by: 'Ann' });
    expect(resolved.ok && (resolved.result as { resolved: boolean; resolvedBy: string }[])[0]).toMatchObject({ resolved: true, resolvedBy: 'Ann' });
  });
});

describe('changes from another process', () => {
  it('reach the open hosts: a note added through another connection raises notes.changed', async () => {
    const seen: string[] = [];
    const off = editor.onEvent((event, payload) => seen.push(`${event}:${JSON.stringify(payload)}`));
    const { default: Database } = await import('better-sqlite3');
    const other = new Database(editor.session()!.path);
    other.prepare('INSERT INTO notes (shot_id, frame_start, frame_end, text, author) VALUES (?, 1, 2, ?, ?)').run(shotId, 'from the farm', 'ci');
    other.close();
    for (let i = 0; i < 40 && !seen.some((e) => e.startsWith('notes.changed')); i++) await new Promise((r) => setTimeout(r, 100));
    off();
    expect(seen).toContain(`notes.changed:${JSON.stringify({ shotId })}`);
    expect(seen).toContain('shots.changed:{"shotId":null}');
  });
});
