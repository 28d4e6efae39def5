// Video captures become image sequences: ffmpeg (from @ffmpeg-installer/ffmpeg) extracts every
// frame into the project's cache as PNG, reporting progress; the folder is then imported as usual.
import { spawn } from 'node:child_process';
import { access, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { badInput } from '../common/api/errors';
import { safeWriteFile } from '../util/safe-write';

export interface VideoInfo {
  fps: number | null;
  durationSeconds: number | null;
}

/** Reads fps and duration from ffmpeg's stream header lines. Pure. */
export function parseFfmpegHeader(stderr: string): VideoInfo {
  const d = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
  const durationSeconds = d ? Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]) : null;
  const f = /Video:.*?(\d+(?:\.\d+)?) fps/.exec(stderr) ?? /Video:.*?(\d+(?:\.\d+)?) tbr/.exec(stderr);
  return { fps: f ? Number(f[1]) : null, durationSeconds };
}

export interface ExtractOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ExtractResult {
  dir: string;
  fps: number | null;
  frames: number;
}

const DONE_MARKER = '.extracted';

export async function extractVideoFrames(videoPath: string, outDir: string, opts: ExtractOptions = {}): Promise<ExtractResult> {
  await access(videoPath).catch(() => {
    throw badInput(`video not found: ${videoPath}`);
  });
  // Extraction is all or nothing: a half-extracted folder (killed process) is redone.
  const marker = join(outDir, DONE_MARKER);
  const done = await readdir(outDir).catch(() => [] as string[]);
  if (done.includes(DONE_MARKER)) {
    return JSON.parse(await readFile(marker, 'utf8')) as ExtractResult;
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  // -vsync 0 (passthrough): the ffmpeg that @ffmpeg-installer ships is 4.x, which has no -fps_mode.
  const args = [
    '-hide_banner',
    '-nostdin',
    '-i',
    videoPath,
    '-map',
    '0:v:0',
    '-vsync',
    '0',
    '-start_number',
    '1',
    '-progress',
    'pipe:1',
    '-y',
    join(outDir, 'frame.%06d.png'),
  ];
  const child = spawn(ffmpegInstaller.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let info: VideoInfo = { fps: null, durationSeconds: null };
  let frames = 0;
  const abort = (): void => {
    child.kill('SIGKILL');
  };
  opts.signal?.addEventListener('abort', abort, { once: true });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 65536) stderr += chunk;
    if (info.fps === null) info = parseFfmpegHeader(stderr);
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const m of chunk.matchAll(/^frame=(\d+)$/gm)) {
      frames = Number(m[1]);
      const total = info.fps && info.durationSeconds ? Math.max(frames, Math.round(info.fps * info.durationSeconds)) : frames;
      opts.onProgress?.(frames, total);
    }
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  opts.signal?.removeEventListener('abort', abort);
  if (opts.signal?.aborted) throw badInput('video extraction cancelled');
  if (code !== 0) {
    const reason =
      stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith(' '))
        .pop() ?? `exit code ${code}`;
    throw badInput(`cannot read video ${videoPath}: ${reason}`);
  }
  const written = (await readdir(outDir)).filter((n) => n.endsWith('.png')).length;
  const result: ExtractResult = { dir: outDir, fps: info.fps, frames: written };
  await safeWriteFile(marker, JSON.stringify(result));
  opts.onProgress?.(written, written);
  return result;
}
