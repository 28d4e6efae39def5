import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { importCapture } from '../../../electron/capture/import-capture';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { listFrameRecords } from '../../../electron/db/frames';
import { listShots } from '../../../electron/db/shots';
import { openProject, type ProjectSession } from '../../../electron/project/session';
import { writeDefectiveCapture } from '../../helpers/capture';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let project: ProjectSession;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  project = openProject(join(dir, 'p.rigsolve'));
});
afterEach(async () => {
  project.close();
  await cleanup();
});

describe('capture import', () => {
  it('imports a folder with a corrupt PNG, a missing normal frame and a frame of another size, reporting exactly those three', async () => {
    const cap = await writeDefectiveCapture(dir);
    const report = await importCapture(
      project.db,
      { shotName: 'sh010', rgbSource: cap.rgbDir, normalSource: cap.normalDir, fps: 30, normalConvention: 'opengl' },
      { cacheDir: project.cacheDir },
    );
    expect(report.shot.frameCount).toBe(12);
    expect([report.shot.firstFrame, report.shot.lastFrame]).toEqual([1, 12]);
    expect([report.shot.width, report.shot.height]).toEqual([64, 64]);
    expect(report.shot.fps).toBe(30);
    const byFrame = Object.fromEntries(report.warnings.map((w) => [w.frame, w.code]));
    expect(byFrame).toEqual({ [cap.corruptFrame]: 'rgbUnreadable', [cap.missingNormalFrame]: 'normalMissing', [cap.oddSizeFrame]: 'sizeMismatch' });
    expect(report.shot.warningCount).toBe(3);
    const records = listFrameRecords(project.db, report.shot.id);
    expect(records.find((r) => r.frame === cap.corruptFrame)?.status).toBe('missing');
    expect(records.find((r) => r.frame === cap.missingNormalFrame)?.status).toBe('warning');
  });

  it('importing the same folder twice does not duplicate frames, and skips unchanged files', async () => {
    const cap = await writeDefectiveCapture(dir);
    const req = { shotName: 'sh010', rgbSource: cap.rgbDir, normalSource: cap.normalDir, fps: null, normalConvention: 'opengl' as const };
    await importCapture(project.db, req, { cacheDir: project.cacheDir });
    const again = await importCapture(project.db, req, { cacheDir: project.cacheDir });
    expect(listShots(project.db)).toHaveLength(1);
    expect(again.shot.frameCount).toBe(12);
    expect(again.framesSkipped).toBe(12);
    expect(again.warnings).toHaveLength(3);
    const n = project.db.prepare('SELECT count(*) AS n, count(DISTINCT frame) AS d FROM frames').get() as { n: number; d: number };
    expect(n).toEqual({ n: 12, d: 12 });
  });

  it('records gaps as missing frames without aborting', async () => {
    await writeTestSequence({ dir: join(dir, 'g'), first: 1, count: 3, width: 32, height: 32 });
    await writeTestSequence({ dir: join(dir, 'g'), first: 6, count: 2, width: 32, height: 32 });
    const report = await importCapture(
      project.db,
      { shotName: 'gaps', rgbSource: join(dir, 'g'), normalSource: null, fps: null, normalConvention: 'opengl' },
      { cacheDir: project.cacheDir },
    );
    expect(report.shot.frameCount).toBe(7);
    expect(report.warnings.map((w) => [w.frame, w.code])).toEqual([
      [4, 'gap'],
      [5, 'gap'],
    ]);
    expect(report.shot.hasNormal).toBe(false);
  });

  it('refuses a folder without a sequence, and a second capture under an existing shot name, with one-line messages', async () => {
    await writeFile(join(dir, 'x.txt'), 'x');
    await expect(
      importCapture(project.db, { shotName: 'a', rgbSource: dir, normalSource: null, fps: null, normalConvention: 'opengl' }, { cacheDir: project.cacheDir }),
    ).rejects.toThrow(/no numbered RGB image sequence/);
    await expect(
      importCapture(
        project.db,
        { shotName: 'a', rgbSource: join(dir, 'nope'), normalSource: null, fps: null, normalConvention: 'opengl' },
        { cacheDir: project.cacheDir },
      ),
    ).rejects.toThrow(/not found/);
    await writeTestSequence({ dir: join(dir, 's1'), first: 1, count: 2, width: 16, height: 16 });
    await writeTestSequence({ dir: join(dir, 's2'), first: 1, count: 2, width: 16, height: 16 });
    await importCapture(
      project.db,
      { shotName: 'a', rgbSource: join(dir, 's1'), normalSource: null, fps: null, normalConvention: 'opengl' },
      { cacheDir: project.cacheDir },
    );
    await expect(
      importCapture(
        project.db,
        { shotName: 'a', rgbSource: join(dir, 's2'), normalSource: null, fps: null, normalConvention: 'opengl' },
        { cacheDir: project.cacheDir },
      ),
    ).rejects.toThrow(/already exists/);
  });

  it('reports progress up to the frame count', async () => {
    await writeTestSequence({ dir: join(dir, 'p'), first: 1, count: 40, width: 16, height: 16 });
    const seen: number[] = [];
    await importCapture(
      project.db,
      { shotName: 'p', rgbSource: join(dir, 'p'), normalSource: null, fps: null, normalConvention: 'opengl' },
      { cacheDir: project.cacheDir, batchSize: 8, onProgress: (p) => seen.push(p.done) },
    );
    expect(seen.at(-1)).toBe(40);
    expect(seen.length).toBeGreaterThan(3);
  });
});
