// A video capture is extracted with ffmpeg into the project's cache, with progress, then imported.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { importCapture } from '../../../electron/capture/import-capture';
import { parseFfmpegHeader } from '../../../electron/capture/video';
import { openProject, type ProjectSession } from '../../../electron/project/session';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let project: ProjectSession;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  project = openProject(join(dir, 'v.rigsolve'));
});
afterAll(async () => {
  project.close();
  await cleanup();
});

it('reads fps and duration from ffmpeg header lines', () => {
  const header =
    `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'a.mp4':\n  Duration: 00:00:02.50, start: 0.000000, bitrate: 10 kb/s\n` +
    '  Stream #0:0: Video: h264 (High), yuv420p, 64x64, 8 kb/s, 25 fps, 25 tbr, 12800 tbn';
  expect(parseFfmpegHeader(header)).toEqual({ fps: 25, durationSeconds: 2.5 });
});

it('imports an mp4 by extracting its frames, with progress', async () => {
  const video = join(dir, 'take.mp4');
  const made = spawnSync(ffmpegInstaller.path, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=96x64:rate=25:duration=1.2',
    '-pix_fmt',
    'yuv420p',
    '-y',
    video,
  ]);
  expect(made.status).toBe(0);
  const progress: number[] = [];
  const report = await importCapture(
    project.db,
    { shotName: 'video', rgbSource: video, normalSource: null, fps: null, normalConvention: 'opengl' },
    { cacheDir: project.cacheDir, onProgress: (p) => p.phase === 'extract' && progress.push(p.done) },
  );
  expect(report.shot.frameCount).toBe(30);
  expect(report.shot.fps).toBe(25);
  expect([report.shot.width, report.shot.height]).toEqual([96, 64]);
  expect(report.warnings).toEqual([]);
  expect(progress.at(-1)).toBe(30);
  // Importing again reuses the extracted frames.
  const again = await importCapture(
    project.db,
    { shotName: 'video', rgbSource: video, normalSource: null, fps: null, normalConvention: 'opengl' },
    { cacheDir: project.cacheDir },
  );
  expect(again.framesSkipped).toBe(30);
});

it('refuses a file that is not a video with one line', async () => {
  await expect(
    importCapture(
      project.db,
      { shotName: 'x', rgbSource: join(dir, 'v.rigsolve'), normalSource: null, fps: null, normalConvention: 'opengl' },
      { cacheDir: project.cacheDir },
    ),
  ).rejects.toThrow(/is a file/);
});
