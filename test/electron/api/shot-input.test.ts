// edits.apply (and the other channels that take shot data) are checked against the shot, not
// only the schema: the rig's controls, the shot's frames (±KEY_FRAME_MARGIN), finite values,
// bounded sizes. A refused call changes nothing: not the layer, not the history, not the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createAppContext, type HostedContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import { KEY_FRAME_MARGIN, MAX_KEYS_PER_TRANSACTION } from '../../../electron/api/shot-input';
import { importCapture } from '../../../electron/capture/import-capture';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let ctx: HostedContext;
let shotId: number;
let project: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  project = join(dir, 's.rigsolve');
  ctx = createAppContext({ host: 'electron', readOnly: false, projectPath: project });
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 100, width: 16, height: 16 });
  const s = ctx.session()!;
  shotId = (
    await importCapture(
      s.db,
      { shotName: 'sh100', rgbSource: join(dir, 'rgb'), normalSource: null, fps: 24, normalConvention: 'opengl' },
      { cacheDir: s.cacheDir },
    )
  ).shot.id;
});
afterAll(async () => {
  ctx.close();
  await cleanup();
});

const key = (frame: number, value = 0.1) => ({ frame, value, interp: 'linear' as const });
const apply = (ops: unknown[]) => dispatch(handlers, ctx, 'edits.apply', { shotId, transaction: { label: 'test', ops } });

/** What a refused call must leave alone: the rows it could have written and the file's size. */
function footprint(): { keys: number; log: number; filters: number; bytes: number } {
  const db = ctx.session()!.db;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  const size = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return 0;
    }
  };
  return { keys: count('keys'), log: count('edit_log'), filters: count('filters'), bytes: size(project) + size(`${project}-wal`) };
}

async function expectRefused(ops: unknown[], code: string, message: RegExp): Promise<void> {
  const before = footprint();
  const r = await apply(ops);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe(code);
    expect(r.error.message).toMatch(message);
    expect(r.error.message).not.toMatch(/\n|at .*\.ts:\d+/); // one line, no stack
  }
  expect(footprint()).toEqual(before);
}

describe('edits.apply against the shot', () => {
  it('stores a valid edit, keys up to the margin beyond either end included', async () => {
    const r = await apply([{ op: 'setKeys', control: 'jawOpen', keys: [key(1 - KEY_FRAME_MARGIN), key(50), key(100 + KEY_FRAME_MARGIN)] }]);
    expect(r.ok).toBe(true);
    const layer = await dispatch(handlers, ctx, 'layer.get', { shotId });
    expect(layer.ok && (layer.result as { keys: Record<string, unknown[]> }).keys.jawOpen).toHaveLength(3);
  });

  it('refuses a control the shot’s rig does not have, as a key or as a filter', async () => {
    await expectRefused([{ op: 'setKeys', control: 'tailWag', keys: [key(10)] }], 'badInput', /"tailWag" is not a control of shot "sh100"/);
    await expectRefused([{ op: 'setFilter', scope: 'control:tailWag', filter: { kind: 'gaussian', strength: 0.5 } }], 'badInput', /"tailWag" is not a control/);
    await expectRefused([{ op: 'setFilter', scope: 'region:tail', filter: { kind: 'gaussian', strength: 0.5 } }], 'badInput', /"tail" is not a region/);
    // One bad op refuses the whole transaction: the valid op before it is not stored either.
    await expectRefused(
      [
        { op: 'setKeys', control: 'jawOpen', keys: [key(20)] },
        { op: 'setKeys', control: 'tailWag', keys: [key(10)] },
      ],
      'badInput',
      /tailWag/,
    );
  });

  it('refuses 100,000 keys at frames 0–99,999 on a 100-frame shot, and leaves the project as it was', async () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => key(i));
    const hi = 100 + KEY_FRAME_MARGIN;
    await expectRefused(
      [{ op: 'setKeys', control: 'jawOpen', keys }],
      'badInput',
      new RegExp(`keys at frames ${hi + 1}–99999 on "jawOpen" fall outside shot "sh100" \\(frames 1–100`),
    );
    await expectRefused([{ op: 'setKeys', control: 'jawOpen', keys: [key(hi + 1)] }], 'badInput', /a key at frame 201 .* falls outside/);
    await expectRefused([{ op: 'setKeys', control: 'jawOpen', keys: [key(-KEY_FRAME_MARGIN)] }], 'badInput', /outside shot/);
  });

  it('refuses NaN and infinite values, fractional frames and two keys on one frame', async () => {
    // Electron's IPC carries NaN and Infinity (structured clone); JSON cannot, the browser host sends null.
    for (const value of [NaN, Infinity, -Infinity, null]) {
      await expectRefused([{ op: 'setKeys', control: 'jawOpen', keys: [key(10, value as number)] }], 'invalidArgs', /value/);
    }
    await expectRefused([{ op: 'setKeys', control: 'jawOpen', keys: [key(10.5)] }], 'invalidArgs', /frame/);
    await expectRefused([{ op: 'setFalloff', frames: NaN }], 'invalidArgs', /frames/);
    await expectRefused([{ op: 'setKeys', control: 'jawOpen', keys: [key(10), key(10, 0.2)] }], 'badInput', /two keys on "jawOpen" at frame 10/);
  });

  it('bounds the keys of one transaction', async () => {
    // 1000 ops of 300 keys each: every one inside the shot's margin, too many together.
    const keys = Array.from({ length: 300 }, (_, i) => key(i - 99));
    const ops = Array.from({ length: 1000 }, () => ({ op: 'setKeys', control: 'jawOpen', keys }));
    await expectRefused(ops, 'badInput', new RegExp(`at most ${MAX_KEYS_PER_TRANSACTION.toLocaleString('en')} keys`));
  });

  it('refuses keys on a shot that does not exist', async () => {
    const r = await dispatch(handlers, ctx, 'edits.apply', {
      shotId: 999,
      transaction: { label: 'x', ops: [{ op: 'setKeys', control: 'jawOpen', keys: [key(1)] }] },
    });
    expect(!r.ok && r.error.code).toBe('notFound');
  });

  it('answers notFound for models and a cancel asked for a shot that does not exist', async () => {
    for (const [channel, args] of [
      ['models.list', { shotId: 999 }],
      ['solve.cancel', { shotId: 999 }],
    ] as const) {
      const r = await dispatch(handlers, ctx, channel, args);
      expect(!r.ok && r.error.code, channel).toBe('notFound');
    }
    // the shot that is there, and cancelling everything, still answer
    expect((await dispatch(handlers, ctx, 'models.list', { shotId })).ok).toBe(true);
    expect((await dispatch(handlers, ctx, 'solve.cancel', { shotId: null })).ok).toBe(true);
  });

  it('bounds a rig mapping', async () => {
    const mapping = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`t${i}`, null]));
    const r = await dispatch(handlers, ctx, 'rig.inspect', { path: join(dir, 'none.glb'), mapping });
    expect(!r.ok && r.error.message).toMatch(/at most 5,000 targets/);
  });
});
