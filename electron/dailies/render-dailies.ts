// Dailies: a movie of shots as a supervisor sends them to the director (and into ShotGrid/ftrack):
// the plate and the solved head side by side, framed as in the shot view, with burn-ins and,
// optionally, the open notes' drawings; H.264 through the bundled ffmpeg. Rendered offscreen in
// Node (sharp for plates and text, head-raster.ts for the head), frame by frame into ffmpeg's
// stdin, with progress and an ETA, written beside the target and renamed over it when complete.
import { spawn } from 'node:child_process';
import { userInfo } from 'node:os';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import sharp from 'sharp';
import { AppError, badInput, notFound } from '../common/api/errors';
import type { ShotDetail } from '../common/api/schemas';
import { drawingRect, drawingsOnFrame, strokeSvg, type NoteDrawing } from '../common/review/drawing';
import { STATUS_LABELS } from '../common/review/status-rules';
import { frameTimecode } from '../common/timecode';
import { listFrameRecords } from '../db/frames';
import type { ProjectDb } from '../db/open';
import { listNotes, type NoteRecord } from '../db/review';
import { getShot } from '../db/shots';
import { activeTakeId } from '../db/takes';
import { finalCurves } from '../export/final-curves';
import { loadShotRig, rigForShot } from '../rig/shot-rig';
import { checkWriteTarget } from '../util/safe-write';
import { bandHeight, burnInSvgs, renderBand, type BurnInFields } from './burn-in';
import { createHeadRasterizer, type Rect } from './head-raster';

export const DEFAULT_DAILIES_SIZE = { width: 1280, height: 720 } as const;

export interface DailiesProgress {
  done: number;
  total: number;
  framesPerSecond: number;
  etaSeconds: number | null;
  shot: string;
}

export interface DailiesOptions {
  shotIds: readonly number[];
  out: string;
  /** The project's name, burnt in. */
  project: string;
  width?: number;
  height?: number;
  /** Draw the open notes' drawings (and their words) on their frames. */
  notes?: boolean;
  /** The plate behind the head in the right half (the preview's overlay). */
  overlay?: boolean;
  /** Who is named as the artist; default: who last set the shot's status, else this user. */
  artist?: string | null;
  onProgress?: (p: DailiesProgress) => void;
  signal?: AbortSignal;
}

export interface DailiesResult {
  path: string;
  shots: string[];
  frames: number;
  width: number;
  height: number;
  fps: number;
  renderSeconds: number;
  framesPerSecond: number;
}

interface ShotPlan {
  shot: ShotDetail;
  frames: { frame: number; rgbPath: string | null }[];
  takeLabel: string;
  /** Weights per frame in rig control order, or null (unsolved: the neutral head). */
  weightsAt: ((i: number) => Float32Array) | null;
  notes: NoteRecord[];
}

function plan(db: ProjectDb, shotId: number, withNotes: boolean, controls: readonly string[]): ShotPlan {
  const shot = getShot(db, shotId);
  if (!shot) throw notFound(`no shot with id ${shotId}`);
  if (shot.firstFrame === null || shot.frameCount === 0) throw badInput(`shot "${shot.name}" has no frames`);
  const records = listFrameRecords(db, shotId);
  const byFrame = new Map(records.map((r) => [r.frame, r.rgbPath]));
  const frames = [];
  for (let f = shot.firstFrame; f <= shot.lastFrame!; f++) frames.push({ frame: f, rgbPath: byFrame.get(f) ?? null });
  const takeId = activeTakeId(db, shotId);
  let weightsAt: ShotPlan['weightsAt'] = null;
  if (takeId !== null) {
    const table = finalCurves(db, shotId);
    const index = controls.map((c) => table.controls.indexOf(c));
    const w = new Float32Array(controls.length);
    weightsAt = (i) => {
      index.forEach((k, c) => (w[c] = k >= 0 ? (table.values[k]![i] ?? 0) : 0));
      return w;
    };
  }
  const slateTake = shot.captureTake ?? '—';
  return {
    shot,
    frames,
    takeLabel: takeId !== null ? `${slateTake} (solve ${takeId})` : `${slateTake} (not solved)`,
    weightsAt,
    notes: withNotes ? listNotes(db, shotId).filter((n) => !n.resolved) : [],
  };
}

/** The plate rectangle of each half, between the bands (the shot view's contain-fit). */
function halves(width: number, height: number, plate: { width: number; height: number }): { left: Rect; right: Rect; paneL: Rect; paneR: Rect } {
  const band = bandHeight(height);
  const half = Math.floor(width / 2);
  const pane = (x: number): Rect => ({ x, y: band, width: half, height: height - 2 * band });
  const fit = (p: Rect): Rect => {
    const s = Math.min(p.width / Math.max(1, plate.width), p.height / Math.max(1, plate.height));
    const w = Math.max(2, Math.round(plate.width * s));
    const h = Math.max(2, Math.round(plate.height * s));
    return { x: p.x + Math.floor((p.width - w) / 2), y: p.y + Math.floor((p.height - h) / 2), width: w, height: h };
  };
  const paneL = pane(0);
  const paneR = pane(half);
  return { left: fit(paneL), right: fit(paneR), paneL, paneR };
}

function blit(dst: Uint8Array, dstWidth: number, src: Uint8Array, rect: Rect): void {
  for (let y = 0; y < rect.height; y++) {
    const d = ((rect.y + y) * dstWidth + rect.x) * 3;
    dst.set(src.subarray(y * rect.width * 3, (y + 1) * rect.width * 3), d);
  }
}

function fill(dst: Uint8Array, dstWidth: number, rect: Rect, v: number): void {
  for (let y = 0; y < rect.height; y++) {
    const d = ((rect.y + y) * dstWidth + rect.x) * 3;
    dst.fill(v, d, d + rect.width * 3);
  }
}

function drawingSvg(drawings: NoteDrawing[], plateRect: Rect, headRect: Rect): string {
  const paths: string[] = [];
  for (const d of drawings) {
    // the plate's drawing on the plate; the head's on the head view's centred square, as in the shot view
    const r = drawingRect(d.target, plateRect, headRect);
    for (const s of d.strokes) {
      const { d: path, width } = strokeSvg(s, r);
      const style = 'fill="none" stroke-linecap="round" stroke-linejoin="round"';
      paths.push(`<path d="${path}" stroke="${s.color}" stroke-width="${width.toFixed(1)}" ${style}/>`);
    }
  }
  return paths.join('');
}

export async function renderDailies(db: ProjectDb, opts: DailiesOptions): Promise<DailiesResult> {
  if (opts.shotIds.length === 0) throw badInput('no shots to put in the dailies');
  const width = Math.round((opts.width ?? DEFAULT_DAILIES_SIZE.width) / 2) * 2;
  const height = Math.round((opts.height ?? DEFAULT_DAILIES_SIZE.height) / 2) * 2;
  if (width < 320 || height < 180 || width > 7680 || height > 4320) throw badInput(`dailies size ${width}×${height} is outside 320×180 to 7680×4320`);
  if (!/\.(mp4|mov)$/i.test(opts.out)) throw badInput(`dailies are an H.264 movie: give a file ending in .mp4 or .mov, not ${basename(opts.out)}`);
  const target = await checkWriteTarget(opts.out);

  // Every shot checked before the first frame is rendered: a bad shot fails at once, not at 90%.
  const rigs = new Map<string, Awaited<ReturnType<typeof loadShotRig>>>();
  const plans: { plan: ShotPlan; raster: ReturnType<typeof createHeadRasterizer> }[] = [];
  for (const id of opts.shotIds) {
    const shot = getShot(db, id);
    if (!shot) throw notFound(`no shot with id ${id}`);
    const shotRig = rigForShot(shot);
    const key = `${shotRig.path}\n${JSON.stringify(shotRig.mapping)}`;
    let rig = rigs.get(key);
    if (!rig) rigs.set(key, (rig = await loadShotRig(shotRig)));
    plans.push({ plan: plan(db, id, opts.notes ?? false, rig.controls), raster: createHeadRasterizer(rig) });
  }
  const fps = plans[0]!.plan.shot.fps;
  // One movie has one frame rate: a shot at another would play at the wrong speed.
  const odd = plans.find((p) => p.plan.shot.fps !== fps);
  if (odd) {
    const first = plans[0]!.plan.shot;
    throw badInput(
      `${first.name} is ${first.fps} fps and ${odd.plan.shot.name} ${odd.plan.shot.fps} fps: one movie has one frame rate, render them separately`,
    );
  }
  const total = plans.reduce((n, p) => n + p.plan.frames.length, 0);
  const artistFallback = opts.artist ?? null;
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no user name on this system: "unknown"
  }

  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}${target.slice(target.lastIndexOf('.'))}`);
  const ffmpeg = spawn(
    ffmpegInstaller.path,
    ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-r', String(fps), '-i', '-'].concat([
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '18',
      '-pix_fmt',
      'yuv420p',
      '-movflags',
      '+faststart',
      partial,
    ]),
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let ffmpegError = '';
  ffmpeg.stderr.on('data', (d: Buffer) => (ffmpegError = (ffmpegError + d.toString()).slice(-2000)));
  const exited = new Promise<number>((resolveExit, reject) => {
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) => resolveExit(code ?? 1));
  });
  const write = (buf: Uint8Array) =>
    new Promise<void>((ok, fail) => {
      if (ffmpeg.stdin.write(buf, (err) => err && fail(new AppError('internal', `ffmpeg stopped taking frames: ${ffmpegError.trim() || err.message}`)))) ok();
      else ffmpeg.stdin.once('drain', ok);
    });

  const start = performance.now();
  let done = 0;
  const frameBuf = new Uint8Array(width * height * 3);
  try {
    for (const { plan: p, raster } of plans) {
      const shot = p.shot;
      const geo = halves(width, height, { width: shot.width ?? 16, height: shot.height ?? 9 });
      const artist = artistFallback ?? shot.statusBy ?? user;
      const loadPlate = (i: number): Promise<Uint8Array | null> => {
        const path = p.frames[i]?.rgbPath;
        if (!path) return Promise.resolve(null);
        // unreadable: the pane stays dark, the bottom band says so
        return sharp(path)
          .resize(geo.left.width, geo.left.height, { fit: 'fill' })
          .removeAlpha()
          .raw()
          .toBuffer()
          .catch(() => null);
      };
      const band = bandHeight(height);
      let topBand: { data: Buffer } | null = null;
      let next = loadPlate(0);
      for (let i = 0; i < p.frames.length; i++) {
        if (opts.signal?.aborted) throw badInput('dailies cancelled: no movie was written');
        const { frame } = p.frames[i]!;
        const plate = await next;
        // the next plate decodes (in sharp's threads) while this frame's head is drawn
        next = loadPlate(i + 1);
        frameBuf.fill(18);
        fill(frameBuf, width, geo.paneR, 28);
        if (plate) blit(frameBuf, width, plate, geo.left);
        if (plate && opts.overlay) blit(frameBuf, width, plate, geo.right);
        const weights = p.weightsAt ? p.weightsAt(i) : new Float32Array(0);
        raster.draw(weights, frameBuf, width, height, geo.right, geo.paneR);

        const shown = drawingsOnFrame(p.notes, frame);
        const words = p.notes.filter((n) => n.frameStart <= frame && frame <= n.frameEnd).map((n) => n.text);
        const fields: BurnInFields = {
          project: opts.project,
          shot: shot.name,
          take: p.takeLabel,
          status: STATUS_LABELS[shot.status],
          artist,
          frame: `${frame}  (${i + 1}/${p.frames.length})${plate ? '' : '  no plate'}`,
          timecode: frameTimecode(frame, shot.firstFrame!, shot.fps, shot.startTimecode),
          note: opts.notes && words.length ? words.join('  |  ') : null,
        };
        const svgs = burnInSvgs(fields, width, height);
        // The top band is the shot's: drawn once. The bottom band changes every frame.
        topBand ??= await renderBand(svgs.top);
        blit(frameBuf, width, topBand.data, { x: 0, y: 0, width, height: band });
        blit(frameBuf, width, (await renderBand(svgs.bottom)).data, { x: 0, y: height - band, width, height: band });
        let out: Uint8Array = frameBuf;
        if (shown.length) {
          const paths = drawingSvg(
            shown.map((n) => n.drawing),
            geo.left,
            geo.right,
          );
          out = await sharp(frameBuf, { raw: { width, height, channels: 3 } })
            .composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${paths}</svg>`), top: 0, left: 0 }])
            .removeAlpha()
            .raw()
            .toBuffer();
        }
        // the pipe may still hold the bytes after write() returns: frameBuf is reused, so it goes as a copy
        await write(out === frameBuf ? Buffer.from(frameBuf) : out);
        done++;
        const secs = (performance.now() - start) / 1000;
        const rate = secs > 0 ? done / secs : 0;
        opts.onProgress?.({ done, total, framesPerSecond: rate, etaSeconds: rate > 0 ? (total - done) / rate : null, shot: shot.name });
      }
    }
    ffmpeg.stdin.end();
    const code = await exited;
    if (code !== 0) throw new AppError('internal', `ffmpeg could not encode the dailies: ${ffmpegError.trim().split('\n').pop() ?? `exit ${code}`}`);
    await rename(partial, target);
  } catch (err) {
    ffmpeg.stdin.destroy();
    ffmpeg.kill('SIGKILL');
    await exited.catch(() => 1);
    await unlink(partial).catch(() => undefined);
    throw err;
  }
  const renderSeconds = (performance.now() - start) / 1000;
  return {
    path: target,
    shots: plans.map((p) => p.plan.shot.name),
    frames: done,
    width,
    height,
    fps,
    renderSeconds,
    framesPerSecond: done / Math.max(1e-9, renderSeconds),
  };
}
