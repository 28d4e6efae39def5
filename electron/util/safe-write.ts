// The one way the app writes a file outside the project database (exports, batch exports, cache
// files). A user-typed path can name anything: a device (writing "succeeds" and a rename would
// replace /dev/… with a file), a FIFO (open blocks until a reader comes), a folder, or a kernel
// file system (/proc, /sys: writes hang or poke the kernel). So the target must be a regular
// file or a new path; the bytes go to a temporary file beside it, are fsynced, then renamed over
// it, and the temporary is removed on any failure. Each step is time-bounded: a hung network
// mount gives an error, not a frozen export.
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { AppError } from '../common/api/errors';

/** Kernel file systems: never a place for an export. */
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];
export const DEFAULT_WRITE_TIMEOUT_MS = 30_000;

export interface SafeWriteOptions {
  /** Create the folder (and its parents) if missing (default true). */
  mkdir?: boolean;
  /** Gives up (and cleans up) after this long (default 30 s). */
  timeoutMs?: number;
}

const refuse = (message: string): AppError => new AppError('badInput', message);

function kindOf(s: Stats): string | null {
  if (s.isFile()) return null;
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function underPseudo(abs: string): string | null {
  return PSEUDO_ROOTS.find((root) => abs === root || abs.startsWith(root + sep)) ?? null;
}

/** The deepest existing ancestor's real path joined with the rest: where the write would really land. */
async function realTarget(abs: string): Promise<string> {
  const rest: string[] = [];
  for (let p = abs; ; p = dirname(p)) {
    try {
      return join(await realpath(p), ...rest.reverse());
    } catch {
      if (dirname(p) === p) return abs;
      rest.push(basename(p));
    }
  }
}

async function statOrNull(path: string, follow: boolean): Promise<Stats | null> {
  try {
    return follow ? await stat(path) : await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function ioMessage(target: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    ENAMETOOLONG: 'the name is too long',
    EXDEV: 'the temporary file and the target are on different file systems',
  };
  return `cannot write ${target}: ${(code && why[code]) ?? String((err as Error).message ?? err).split('\n')[0]}`;
}

/** Refuses a target that is not a regular file or a new path, with a message that says what it is. */
export async function checkWriteTarget(target: string): Promise<string> {
  // resolve() drops a trailing separator, which would turn "out/" (meant as a folder) into a file named "out"
  if (/[\\/]$/.test(target)) throw refuse(`cannot write ${target}: it names a folder (it ends with a separator); give the path of a file`);
  const abs = resolve(target);
  const real = await realTarget(abs);
  const pseudo = underPseudo(abs) ?? underPseudo(real);
  if (pseudo) throw refuse(`cannot write ${target}: it is under ${pseudo}, a kernel file system, not a place for files; choose a file in a folder`);
  const s = await statOrNull(real, true);
  const kind = s ? kindOf(s) : null;
  if (kind) throw refuse(`cannot write ${target}: it is ${kind}, not a file; give the path of a file to create or replace`);
  const parent = await statOrNull(dirname(real), true);
  if (parent && !parent.isDirectory()) throw refuse(`cannot write ${target}: ${dirname(real)} is not a folder`);
  return real;
}

/** Writes `data` to `target` atomically (temporary beside it, fsync, rename); nothing is left behind on failure. */
export async function safeWriteFile(target: string, data: string | Uint8Array, opts: SafeWriteOptions = {}): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
  let tmp: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const work = async (): Promise<void> => {
    const real = await checkWriteTarget(target);
    if (opts.mkdir !== false) await mkdir(dirname(real), { recursive: true });
    // Hidden, unique, created exclusively (O_EXCL, no following a planted link): two writers never share one.
    tmp = join(dirname(real), `.${basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
    const fh = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (timedOut) throw new Error('timed out');
    // Checked again just before the rename: a device or folder that appeared meanwhile is not replaced.
    const now = await statOrNull(real, true);
    const kind = now ? kindOf(now) : null;
    if (kind) throw refuse(`cannot write ${target}: it is ${kind}, not a file`);
    await rename(tmp, real);
    tmp = null;
    await syncDir(dirname(real));
  };
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(refuse(`cannot write ${target}: the file system did not answer within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    timer.unref?.();
  });
  const running = work();
  try {
    await Promise.race([running, timeout]);
  } catch (err) {
    // A step still blocked in the kernel cleans up when it returns.
    if (timedOut) void running.catch(() => undefined).finally(() => removeQuietly(tmp));
    else await removeQuietly(tmp);
    if (err instanceof AppError) throw err;
    throw refuse(ioMessage(target, err));
  } finally {
    clearTimeout(timer);
  }
}

async function removeQuietly(path: string | null): Promise<void> {
  if (path) await unlink(path).catch(() => undefined);
}

/** The rename is durable only once the folder is synced; not every platform can open a folder, so best effort. */
async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, constants.O_RDONLY);
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Windows and some network file systems: the rename stands, durability is the OS's.
  }
}
