// Issue #16's CLI cases: exports onto things that are not files, misleading option messages, and a
// damaged project. Each is one line on stderr with the right exit code and key words, no stack
// trace, and leaves the target and the project as they were.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { FIXTURE_MODEL, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let dir: string;
let project: string;
let cleanup: () => Promise<void>;
const unix = process.platform !== 'win32';

const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function fails(code: number, words: RegExp, ...args: string[]): string {
  const r = runCli(...args);
  expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(code);
  expect(r.stderr).toMatch(words);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |\.ts:\d+/);
  return r.stderr;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 8, width: 32, height: 32 });
  project = join(dir, 'p.rigsolve');
  expect(runCli('import', '--project', project, '--shot', 'sh', '--rgb', join(dir, 'rgb')).status).toBe(0);
  const solve = runCli('solve', '--project', project, '--shot', 'sh', '--model', FIXTURE_MODEL, '--device', 'cpu', '--batch', '4');
  expect(solve.status, solve.stderr).toBe(0);
}, 60_000);
afterAll(() => cleanup());

describe('export --out onto something that is not a file', () => {
  const exportTo = (out: string, words: RegExp): void => {
    const before = hash(project);
    fails(2, words, 'export', '--project', project, '--shot', 'sh', '--format', 'csv', '--out', out);
    expect(hash(project)).toBe(before);
  };

  it('refuses a device and leaves it a device', () => {
    if (!unix) return;
    exportTo('/dev/null', /cannot write \/dev\/null: .*\/dev.*kernel file system/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a FIFO without blocking on it', () => {
    if (!unix) return;
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    exportTo(fifo, /FIFO/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a folder and leaves no .partial file behind', () => {
    const folder = join(dir, 'out.csv');
    mkdirSync(folder);
    exportTo(folder, /is a folder/);
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('refuses a path under /proc at once instead of hanging', () => {
    if (!unix) return;
    const started = Date.now();
    exportTo('/proc/self/rigsolve.csv', /\/proc.*kernel file system/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('still writes an ordinary file', () => {
    const out = join(dir, 'ok', 'sh.csv');
    expect(runCli('export', '--project', project, '--shot', 'sh', '--format', 'csv', '--out', out).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^frame/);
    expect(readdirSync(join(dir, 'ok'))).toEqual(['sh.csv']);
  });
});

describe('option messages say what is wrong', () => {
  it('--batch -1 is out of range, not "ambiguous"', () => {
    const err = fails(2, /--batch must be a whole number from 1 to 256.*got -1/, 'solve', '--project', project, '--shot', 'sh', '--batch', '-1');
    expect(err).not.toMatch(/ambiguous/);
  });

  it('--range 50-10 is reversed, not "outside the shot"', () => {
    const err = fails(
      2,
      /--range 50-10 ends before it starts.*10-50/,
      'export',
      '--project',
      project,
      '--shot',
      'sh',
      '--format',
      'csv',
      '--out',
      join(dir, 'r.csv'),
      '--range',
      '50-10',
    );
    expect(err).not.toMatch(/outside/);
    expect(existsSync(join(dir, 'r.csv'))).toBe(false);
  });

  it('--fps 0 must be above 0, not "between 0 and 1000"', () => {
    fails(
      2,
      /--fps must be a frame rate above 0 and at most 1000, got 0/,
      'import',
      '--project',
      join(dir, 'fps.rigsolve'),
      '--shot',
      'a',
      '--rgb',
      join(dir, 'rgb'),
      '--fps',
      '0',
    );
    fails(2, /--fps .* got -5/, 'import', '--project', join(dir, 'fps.rigsolve'), '--shot', 'a', '--rgb', join(dir, 'rgb'), '--fps', '-5');
  });
});

describe('a damaged project', () => {
  it('a truncated project is called damaged, nothing is changed, the check command is given, no -wal/-shm left', () => {
    const cut = join(dir, 'cut.rigsolve');
    copyFileSync(project, cut);
    truncateSync(cut, Math.floor(statSync(project).size / 2));
    const before = hash(cut);
    for (const args of [
      ['shots', '--project', cut],
      ['solve', '--project', cut, '--shot', 'sh', '--model', FIXTURE_MODEL],
      ['export', '--project', cut, '--shot', 'sh', '--format', 'csv', '--out', join(dir, 'cut.csv')],
    ]) {
      const err = fails(2, /damaged RigSolve project.*cut short.*nothing was changed.*rigsolve check --project.*\.recover/, ...args);
      expect(err).not.toMatch(/not a RigSolve project/);
    }
    // The command the message names: read-only, says damaged (exit 1) and how to recover.
    const check = runCli('check', '--project', cut);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/damaged[\s\S]*cut short[\s\S]*nothing was changed.*\.recover/);
    expect(runCli('check', '--project', project).stdout).toMatch(/intact/);
    expect(hash(cut)).toBe(before);
    expect(existsSync(`${cut}-wal`)).toBe(false);
    expect(existsSync(`${cut}-shm`)).toBe(false);
  });

  it('a file that is not a database leaves no -wal/-shm either', () => {
    const junk = join(dir, 'junk.rigsolve');
    copyFileSync(join(dir, 'rgb', readdirSync(join(dir, 'rgb'))[0]!), junk);
    fails(2, /not a RigSolve project/, 'shots', '--project', junk);
    expect(readdirSync(dir).filter((n) => n.startsWith('junk'))).toEqual(['junk.rigsolve']);
  });
});
