// The safe writer refuses targets that are not files, never leaves its temporary behind, and
// replaces a regular file whole.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/common/api/errors';
import { safeWriteFile } from '../../../electron/util/safe-write';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

const noPartials = (folder: string): void => expect(readdirSync(folder).filter((n) => n.includes('.partial'))).toEqual([]);

async function refused(target: string, words: RegExp): Promise<void> {
  const err = await safeWriteFile(target, 'data').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('badInput');
  expect((err as AppError).message).toMatch(words);
}

describe('safeWriteFile', () => {
  it('writes a new file and replaces an existing one whole, leaving no temporary', async () => {
    const f = join(dir, 'sub', 'a.csv');
    await safeWriteFile(f, 'one');
    await safeWriteFile(f, 'two');
    expect(readFileSync(f, 'utf8')).toBe('two');
    noPartials(join(dir, 'sub'));
  });

  it('refuses a folder, a FIFO, a socket, a device and /proc, and damages none of them', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    await refused(folder, /is a folder/);
    expect(statSync(folder).isDirectory()).toBe(true);
    noPartials(dir);
    // a path ending with a separator names a folder, even one that does not exist yet: no file "out" appears
    await refused(join(dir, 'out') + '/', /names a folder/);
    expect(readdirSync(dir)).not.toContain('out');

    if (process.platform !== 'win32') {
      const fifo = join(dir, 'pipe');
      execFileSync('mkfifo', [fifo]);
      await refused(fifo, /FIFO/);
      expect(lstatSync(fifo).isFIFO()).toBe(true);

      const sock = join(dir, 's.sock');
      const server = createServer();
      await new Promise<void>((r) => server.listen(sock, r));
      try {
        await refused(sock, /socket/);
        expect(lstatSync(sock).isSocket()).toBe(true);
      } finally {
        server.close();
      }
      noPartials(dir);

      await refused('/dev/null', /\/dev.*kernel file system/);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
      const started = Date.now();
      await refused('/proc/self/rigsolve-export.csv', /\/proc.*kernel file system/);
      await refused('/sys/kernel/x.csv', /\/sys/);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('follows a link to where it lands: a link to a device is refused', async () => {
    if (process.platform === 'win32') return;
    const link = join(dir, 'null-link.csv');
    execFileSync('ln', ['-s', '/dev/null', link]);
    await refused(link, /\/dev/);
  });

  it('removes its temporary when the write fails, and gives up on a file system that does not answer', async () => {
    // A name too long for the file system: the temporary cannot even be made, the error says why.
    await refused(join(dir, `${'x'.repeat(300)}.csv`), /cannot write .*name is too long/);
    noPartials(dir);
    // A target under a file: its "folder" is a file.
    writeFileSync(join(dir, 'plain'), 'x');
    await refused(join(dir, 'plain', 'a.csv'), /not a folder/);
    // Time bound: a zero budget fails with the time-out message and leaves nothing behind.
    const err = await safeWriteFile(join(dir, 'slow.csv'), 'x'.repeat(1 << 20), { timeoutMs: 0 }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/did not answer within/);
    await new Promise((r) => setTimeout(r, 200));
    noPartials(dir);
  });
});
