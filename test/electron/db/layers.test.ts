import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { applyOps, invertOps, type EditTransaction, type LayerState } from '../../../electron/common/edits';
import { commitEdit, historyState, HISTORY_LIMIT, readLayer, redoEdit, undoEdit } from '../../../electron/db/layers';
import { openProjectDb, type ProjectDb } from '../../../electron/db/open';
import { createShot } from '../../../electron/db/shots';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let db: ProjectDb;
let shot: number;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  db = openProjectDb(join(dir, 'l.rigsolve'));
  shot = createShot(db, { name: 's', fps: 24, rgbSource: '/x', normalSource: null, normalConvention: 'opengl' });
});
afterEach(async () => {
  db.close();
  await cleanup();
});

const key = (frame: number, value: number) => ({ frame, value, interp: 'smooth' as const });
const setKeys = (control: string, keys: ReturnType<typeof key>[], label = 'set key'): EditTransaction => ({ label, ops: [{ op: 'setKeys', control, keys }] });

describe('edit operations (pure)', () => {
  it('inverse ops restore the state, also when a transaction touches a control twice', () => {
    const before: LayerState = { keys: { a: [key(1, 0.1)] }, filters: { 'region:lips': { kind: 'gaussian', strength: 0.5 } }, falloff: 8 };
    const ops = [
      { op: 'setKeys' as const, control: 'a', keys: [key(1, 0.2)] },
      { op: 'setKeys' as const, control: 'a', keys: [key(1, 0.3), key(5, 0.1)] },
      { op: 'setFilter' as const, scope: 'region:lips', filter: null },
      { op: 'setFalloff' as const, frames: 3 },
    ];
    const after = applyOps(before, ops);
    expect(after.keys.a).toEqual([key(1, 0.3), key(5, 0.1)]);
    expect(applyOps(after, invertOps(before, ops))).toEqual(before);
  });
});

describe('correction layer in the database', () => {
  it("keeps a key's mode and tangents, and reads a key stored without them as it was written", () => {
    const shaped = {
      frame: 12,
      value: 0.476,
      interp: 'linear' as const,
      mode: 'pose' as const,
      inTangent: 'fixed' as const,
      outTangent: 'linear' as const,
      inSlope: -0.03,
      outSlope: 0.01,
      broken: true,
    };
    commitEdit(db, shot, { label: 'shape', ops: [{ op: 'setKeys', control: 'jawOpen', keys: [key(2, 0.1), shaped, { ...key(30, 0), broken: false }] }] });
    expect(readLayer(db, shot).keys.jawOpen).toEqual([key(2, 0.1), shaped, { ...key(30, 0), broken: false }]);
    expect(Object.keys(readLayer(db, shot).keys.jawOpen![0]!)).toEqual(['frame', 'value', 'interp']);
    // Undo and redo replay the stored patches with every field.
    commitEdit(db, shot, setKeys('jawOpen', [key(2, 0.1)]));
    undoEdit(db, shot);
    expect(readLayer(db, shot).keys.jawOpen![1]).toEqual(shaped);
  });

  it('commits, undoes and redoes, and the history survives reopening the project', () => {
    commitEdit(db, shot, setKeys('jawOpen', [key(10, 0.2)], 'key jawOpen'));
    commitEdit(db, shot, setKeys('jawOpen', [key(10, 0.2), key(20, -0.1)], 'key jawOpen again'));
    expect(readLayer(db, shot).keys.jawOpen).toHaveLength(2);
    expect(undoEdit(db, shot)?.label).toBe('key jawOpen again');
    expect(readLayer(db, shot).keys.jawOpen).toEqual([key(10, 0.2)]);
    db.close();
    db = openProjectDb(join(dir, 'l.rigsolve'));
    expect(historyState(db, shot)).toEqual({ undoLabel: 'key jawOpen', redoLabel: 'key jawOpen again' });
    expect(redoEdit(db, shot)?.label).toBe('key jawOpen again');
    expect(readLayer(db, shot).keys.jawOpen).toHaveLength(2);
    expect(undoEdit(db, shot)).not.toBeNull();
    expect(undoEdit(db, shot)).not.toBeNull();
    expect(undoEdit(db, shot)).toBeNull();
    expect(readLayer(db, shot).keys).toEqual({});
  });

  it('a new edit after undo drops the redo branch', () => {
    commitEdit(db, shot, setKeys('a', [key(1, 0.1)]));
    undoEdit(db, shot);
    commitEdit(db, shot, setKeys('b', [key(2, 0.1)], 'other'));
    expect(redoEdit(db, shot)).toBeNull();
    expect(historyState(db, shot)).toEqual({ undoLabel: 'other', redoLabel: null });
  });

  it('keeps at least 1,000 undo steps', () => {
    for (let i = 0; i < 1200; i++) commitEdit(db, shot, setKeys('a', [key(1, i / 1200)], `step ${i}`));
    for (let i = 0; i < 1200; i++) expect(undoEdit(db, shot)?.label).toBe(`step ${1199 - i}`);
    expect(readLayer(db, shot).keys.a).toBeUndefined();
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(1000);
  });
});
