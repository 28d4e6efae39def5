// Dailies on a short shot through `rigsolve dailies`: the movie has the shot's frame count, the
// asked-for size and the shot's duration (read back with the bundled ffmpeg), and a frame sampled
// from it shows its burn-ins: the bands cut from the decoded frame match a reference rendering of
// the text that frame should carry (project, shot, take, status, artist; frame and timecode), and
// not the text of the next frame. Drawn notes and the status selection are checked too.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type HostedContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import type { ChannelArgs, ChannelName, ChannelResult } from '../../../electron/common/api/contract';
import { bandHeight, burnInSvgs, renderBand, type BurnInFields } from '../../../electron/dailies/burn-in';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const W = 640;
const H = 360;
const FRAMES = 12;

let dir: string;
let cleanup: () => Promise<void>;
let project: string;

function ffmpeg(...args: string[]) {
  return spawnSync(ffmpegInstaller.path, ['-hide_banner', ...args], { encoding: 'buffer', maxBuffer: 64 << 20 });
}

/** Frame n (from 0) of the movie as raw RGB. */
function sampleFrame(movie: string, n: number): Buffer {
  const r = ffmpeg('-loglevel', 'error', '-i', movie, '-vf', `select=eq(n\\,${n})`, '-vframes', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-');
  expect(r.status, r.stderr.toString()).toBe(0);
  return r.stdout;
}

/** Mean absolute difference between a band of the frame (rows y0..y0+h) and a reference of the same size. */
function bandDiff(frame: Buffer, y0: number, ref: { data: Buffer; width: number; height: number }): number {
  let sum = 0;
  for (let y = 0; y < ref.height; y++) {
    for (let x = 0; x < ref.width * 3; x++) sum += Math.abs(frame[(y0 + y) * W * 3 + x]! - ref.data[y * ref.width * 3 + x]!);
  }
  return sum / (ref.width * ref.height * 3);
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('rigsolve-dailies-'));
  project = join(dir, 'reel.rigsolve');
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 101, count: FRAMES, width: 320, height: 240 });
  // a take from a curves file: the jaw opens over the shot, so the head moves
  const rows = Array.from({ length: FRAMES }, (_, i) => `${101 + i},${(i / (FRAMES - 1)).toFixed(3)}`);
  await writeFile(join(dir, 'curves.csv'), `frame,jawOpen\n${rows.join('\n')}\n`);
  const ctx: HostedContext = createAppContext({ host: 'browser', readOnly: false, projectPath: project });
  const call = async <C extends ChannelName>(c: C, a: ChannelArgs<C>): Promise<ChannelResult<C>> => {
    const r = await dispatch(handlers, ctx, c, a);
    if (!r.ok) throw new Error(r.error.message);
    return r.result as ChannelResult<C>;
  };
  const { shot } = await call('capture.import', { shotName: 'sh010', rgbSource: join(dir, 'rgb'), fps: 24, curvesPath: join(dir, 'curves.csv') });
  await call('shot.setSlate', { shotId: shot.id, slate: { captureTake: '4', startTimecode: '01:00:00:00' } });
  await call('capture.import', { shotName: 'sh020', rgbSource: join(dir, 'rgb'), fps: 30 });
  await call('shot.setStatus', { shotId: shot.id, status: 'approved', by: 'Tom Ito' });
  await call('notes.add', {
    shotId: shot.id,
    frameStart: 103,
    frameEnd: 104,
    text: 'corner of the mouth',
    author: 'Maya',
    drawing: {
      target: 'plate',
      strokes: [
        {
          kind: 'pen',
          color: '#ff3b30',
          width: 0.02,
          points: [
            [0.1, 0.5],
            [0.9, 0.5],
          ],
        },
      ],
    },
  });
  ctx.close();
});
afterAll(async () => cleanup());

describe('rigsolve dailies', () => {
  const movie = () => join(dir, 'reel.mp4');
  const fields = (i: number): BurnInFields => ({
    project: 'reel',
    shot: 'sh010',
    take: '4 (solve 1)',
    status: 'Approved',
    artist: 'Maya Chen',
    frame: `${101 + i}  (${i + 1}/${FRAMES})`,
    timecode: `01:00:00:${String(i).padStart(2, '0')}`,
    note: null,
  });

  it('renders the approved shots with progress', () => {
    const r = runCli('dailies', '--project', project, '--status', 'approved', '--out', movie(), '--size', `${W}x${H}`, '--artist', 'Maya Chen');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote .*reel\.mp4: 1 shot \(sh010\), 12 frames, 640×360 at 24 fps/);
    expect(r.stderr).toMatch(/dailies: 12\/12 \(100%\)/);
  });

  it('has the frame count, size and duration of the shot', () => {
    const probe = ffmpeg('-i', movie()).stderr.toString();
    expect(probe).toMatch(/Video: h264.*yuv420p.*640x360/);
    expect(probe).toMatch(/Duration: 00:00:00\.50/);
    const count = ffmpeg('-i', movie(), '-map', '0:v:0', '-c', 'copy', '-f', 'null', '-').stderr.toString();
    expect(Number(/frame=\s*(\d+)/.exec(count)?.[1])).toBe(FRAMES);
  });

  it('a sampled frame shows its burn-ins: project, shot, take, status, artist, frame and timecode', async () => {
    const i = 6;
    const frame = sampleFrame(movie(), i);
    expect(frame.length).toBe(W * H * 3);
    const band = bandHeight(H);
    const right = burnInSvgs(fields(i), W, H);
    const wrong = burnInSvgs(fields(i + 1), W, H);
    const top = bandDiff(frame, 0, await renderBand(right.top));
    const bottom = bandDiff(frame, H - band, await renderBand(right.bottom));
    const bottomWrong = bandDiff(frame, H - band, await renderBand(wrong.bottom));
    const topWrong = bandDiff(frame, 0, await renderBand(burnInSvgs({ ...fields(i), status: 'In review' }, W, H).top));
    // H.264 smears the text's edges a little (about 0.3 of 255 on average here); the next frame's
    // text, or another status, differs by several times that (about 1.4 and 2.9)
    expect(top).toBeLessThan(1.5);
    expect(bottom).toBeLessThan(1.5);
    expect(bottomWrong).toBeGreaterThan(bottom * 3);
    expect(topWrong).toBeGreaterThan(top * 3);
  });

  it('draws the drawn notes and their words on their frames only, with --notes', async () => {
    const out = join(dir, 'notes.mp4');
    const r = runCli('dailies', '--project', project, '--shot', 'sh010', '--out', out, '--size', `${W}x${H}`, '--notes', '--artist', 'Maya Chen');
    expect(r.status, r.stderr).toBe(0);
    const redAcross = (f: Buffer) => {
      // the stroke crosses the plate's middle row (left half): count strongly red pixels there
      let n = 0;
      const y = Math.round(H / 2);
      for (let x = 0; x < W / 2; x++) {
        const p = (y * W + x) * 3;
        if (f[p]! > 180 && f[p + 1]! < 90 && f[p + 2]! < 90) n++;
      }
      return n;
    };
    expect(redAcross(sampleFrame(out, 2))).toBeGreaterThan(150); // frame 103
    expect(redAcross(sampleFrame(out, 6))).toBeLessThan(10); // frame 107
    const withNote = await renderBand(burnInSvgs({ ...fields(2), note: 'corner of the mouth' }, W, H).bottom);
    expect(bandDiff(sampleFrame(out, 2), H - bandHeight(H), withNote)).toBeLessThan(1.5);
  });

  it('refuses what it cannot do, in one line', () => {
    const both = runCli('dailies', '--project', project, '--shot', 'sh010', '--status', 'approved', '--out', movie());
    expect(both.status).toBe(2);
    expect(both.stderr.trim().split('\n')).toHaveLength(1);
    const none = runCli('dailies', '--project', project, '--status', 'needsFixes', '--out', movie());
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no shot is needsFixes');
    const mixed = runCli('dailies', '--project', project, '--shot', 'sh010', '--shot', 'sh020', '--out', movie());
    expect(mixed.status, mixed.stdout + mixed.stderr).toBe(2);
    expect(mixed.stderr).toContain('sh010 is 24 fps and sh020 30 fps: one movie has one frame rate');
    const gif = runCli('dailies', '--project', project, '--shot', 'sh010', '--out', join(dir, 'x.gif'));
    expect(gif.status).toBe(2);
    expect(gif.stderr).toContain('.mp4 or .mov');
  });

  it('the API reports progress with an ETA, and dailies.cancel stops a render and leaves no file', async () => {
    const ctx: HostedContext = createAppContext({ host: 'browser', readOnly: false, projectPath: project });
    try {
      const shot = (await dispatch(handlers, ctx, 'shots.list', {})) as { ok: true; result: { id: number; name: string }[] };
      const id = shot.result.find((s) => s.name === 'sh010')!.id;
      const events: { done: number; total: number; etaSeconds?: number | null | undefined; jobId: string }[] = [];
      let cancelled: Promise<unknown> | null = null;
      ctx.onEvent((event, payload) => {
        if (event !== 'job.progress') return;
        const p = payload as (typeof events)[number] & { finished: boolean };
        if (!p.finished) events.push(p);
        if (!p.finished && !cancelled) cancelled = dispatch(handlers, ctx, 'dailies.cancel', { jobId: p.jobId });
      });
      const out = join(dir, 'cancelled.mp4');
      const r = await dispatch(handlers, ctx, 'dailies.render', { shotIds: [id], out, width: 320, height: 180 });
      expect(r.ok ? null : r.error).toMatchObject({ code: 'badInput', message: 'dailies cancelled: no movie was written' });
      expect(await cancelled).toMatchObject({ ok: true, result: { cancelled: 1 } });
      expect(events[0]).toMatchObject({ done: 1, total: FRAMES });
      expect(events.some((e) => typeof e.etaSeconds === 'number')).toBe(true);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    } finally {
      ctx.close();
    }
  });
});
