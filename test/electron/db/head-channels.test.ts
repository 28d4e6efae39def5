// Head channels stored with a take (issue 18): six curves beside the controls, in degrees and mm,
// filtered (region:head) and keyed like any control, evaluated within their own ranges, and a
// project from before them (schema 7) opening with its takes intact and no head motion.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkEditTransaction } from '../../../electron/api/shot-input';
import { HEAD_CHANNELS } from '../../../electron/common/head';
import { commitEdit, readLayer } from '../../../electron/db/layers';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { openProjectDb, schemaVersion, type ProjectDb } from '../../../electron/db/open';
import { createShot, getShot, updateShotAfterImport } from '../../../electron/db/shots';
import { completeTake, createTake, getTake, readCurves } from '../../../electron/db/takes';
import { finalCurves } from '../../../electron/export/final-curves';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const N = 40;

function shotWithTake(db: ProjectDb, head: boolean): { shotId: number; takeId: number } {
  const shotId = createShot(db, { name: 's', fps: 24, rgbSource: '/x', normalSource: null, normalConvention: 'opengl' });
  updateShotAfterImport(db, shotId, { firstFrame: 1, lastFrame: N, width: 64, height: 64, importState: 'complete' });
  const takeId = createTake(db, { shotId, modelId: 'm', modelHash: 'h', provider: 'cpu', settings: {}, settingsKey: 'k', notice: null });
  const curves = new Map<string, Float32Array>(DEFAULT_CONTROL_NAMES.map((c) => [c, new Float32Array(N).fill(0.25)]));
  if (head) {
    // A 20° turn with a frame of noise every other frame, a nod, no roll; translation in mm.
    curves.set(
      'headYaw',
      Float32Array.from({ length: N }, (_, i) => 20 + (i % 2 ? 1 : -1)),
    );
    curves.set(
      'headPitch',
      Float32Array.from({ length: N }, (_, i) => -12 + i * 0.1),
    );
    curves.set('headRoll', new Float32Array(N));
    curves.set('headTx', new Float32Array(N).fill(35));
    curves.set('headTy', new Float32Array(N).fill(-4));
    curves.set('headTz', new Float32Array(N));
  }
  completeTake(db, takeId, shotId, curves, [], 1, head ? { headMotion: { rotation: 'truth', translation: 'truth', note: null } } : {});
  return { shotId, takeId };
}

describe('head channels in a take', () => {
  it('are stored beside the controls with where they came from, and evaluated in degrees and mm (not clamped to 0…1)', () => {
    const db = openProjectDb(join(dir, 'a.rigsolve'));
    const { shotId, takeId } = shotWithTake(db, true);
    expect(getTake(db, takeId)!.headMotion).toEqual({ rotation: 'truth', translation: 'truth', note: null });
    expect([...readCurves(db, takeId).keys()]).toEqual(expect.arrayContaining([...HEAD_CHANNELS]));
    const t = finalCurves(db, shotId);
    expect(t.controls.slice(-6)).toEqual([...HEAD_CHANNELS]);
    expect(t.controls.slice(0, DEFAULT_CONTROL_NAMES.length)).toEqual(DEFAULT_CONTROL_NAMES);
    const at = (name: string) => t.values[t.controls.indexOf(name)]!;
    expect(at('headYaw')[0]).toBe(19);
    expect(at('headYaw')[1]).toBe(21);
    expect(at('headPitch')[0]).toBeCloseTo(-12, 5);
    expect(at('headTx')[5]).toBe(35);
    // Left out on request (the export option), and the controls are as before.
    expect(finalCurves(db, shotId, { head: false }).controls).toEqual(DEFAULT_CONTROL_NAMES);
    db.close();
  });

  it('take the head group filter (region:head) and pose keys in degrees, undoable like any control', () => {
    const db = openProjectDb(join(dir, 'b.rigsolve'));
    const { shotId } = shotWithTake(db, true);
    const shot = getShot(db, shotId)!;
    const tx = {
      label: 'smooth the head, key a look',
      ops: [
        { op: 'setFilter' as const, scope: 'region:head', filter: { kind: 'gaussian' as const, strength: 0.5 } },
        { op: 'setKeys' as const, control: 'headYaw', keys: [{ frame: 20, value: 32.5, interp: 'smooth' as const, mode: 'pose' as const }] },
        { op: 'setKeys' as const, control: 'headTx', keys: [{ frame: 10, value: 120, interp: 'smooth' as const, mode: 'pose' as const }] },
      ],
    };
    checkEditTransaction(shot, tx);
    commitEdit(db, shotId, tx);
    expect(readLayer(db, shotId).filters['region:head']).toEqual({ kind: 'gaussian', strength: 0.5 });
    const t = finalCurves(db, shotId);
    const yaw = t.values[t.controls.indexOf('headYaw')]!;
    // The pose key is the value at its frame, whatever the filter (within 1e-4 of float32 degrees).
    expect(yaw[19]).toBeCloseTo(32.5, 4);
    // The filter smoothed the frame-to-frame noise away from the key (±1° alternating → well under 1°).
    expect(Math.abs(yaw[3]! - yaw[4]!)).toBeLessThan(0.2);
    expect(t.values[t.controls.indexOf('headTx')]![9]).toBeCloseTo(120, 4);
    // The face's filter is untouched by the head's group.
    expect(t.values[t.controls.indexOf('jawOpen')]![0]).toBeCloseTo(0.25, 6);
    db.close();
  });

  it('refuses a key beyond a channel’s range: 400° on the head, 20 on a 0…1 control', () => {
    const db = openProjectDb(join(dir, 'c.rigsolve'));
    const { shotId } = shotWithTake(db, true);
    const shot = getShot(db, shotId)!;
    const keyOn = (control: string, value: number) => ({
      label: 'k',
      ops: [{ op: 'setKeys' as const, control, keys: [{ frame: 5, value, interp: 'smooth' as const }] }],
    });
    expect(() => checkEditTransaction(shot, keyOn('headYaw', 400))).toThrow(/headYaw.*400 deg, beyond ±180 deg/);
    expect(() => checkEditTransaction(shot, keyOn('jawOpen', 20))).toThrow(/jawOpen.*beyond ±10/);
    expect(() => checkEditTransaction(shot, keyOn('headTz', -900))).not.toThrow();
    expect(() => checkEditTransaction(shot, { label: 'f', ops: [{ op: 'setFilter', scope: 'region:heads', filter: null }] })).toThrow(/not a region/);
    db.close();
  });

  it('opens a project from before head motion (schema 7): migrated, its take with no head curves and no head motion', () => {
    const path = join(dir, 'old.rigsolve');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    for (let v = 0; v < 7; v++) {
      old.exec(MIGRATIONS[v]!);
      old.pragma(`user_version = ${v + 1}`);
    }
    old
      .prepare(
        `INSERT INTO shots (id, name, fps, first_frame, last_frame, width, height, rgb_source, import_state) VALUES (1, 's', 24, 1, 3, 8, 8, '/x', 'complete')`,
      )
      .run();
    old.prepare(`INSERT INTO takes (id, shot_id, model_id, model_hash, state) VALUES (1, 1, 'm', 'h', 'complete')`).run();
    old.prepare('UPDATE shots SET active_take_id = 1').run();
    const insert = old.prepare('INSERT INTO curves (take_id, control, data) VALUES (1, ?, ?)');
    for (const c of DEFAULT_CONTROL_NAMES) insert.run(c, Buffer.from(new Float32Array([0.1, 0.2, 0.3]).buffer));
    old.close();

    const db = openProjectDb(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(getTake(db, 1)!.headMotion).toBeNull();
    const t = finalCurves(db, 1);
    expect(t.controls).toEqual(DEFAULT_CONTROL_NAMES);
    expect(Array.from(t.values[0]!)).toEqual([0.1, 0.2, 0.3].map(Math.fround));
    db.close();
  });
});
