// The CLI as a pipeline TD uses it: --help everywhere, --json, one-line failures, exit codes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const run = (...args: string[]) => {
  const r = runCli(...args);
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 101, count: 6, width: 32, height: 32, prefix: 'cam_' });
});
afterAll(() => cleanup());

describe('rigsolve CLI', () => {
  it('has --help on every command', () => {
    expect(run('--help').out).toMatch(/commands:[\s\S]*import[\s\S]*shots[\s\S]*serve/);
    for (const c of ['import', 'shots', 'serve', 'app']) {
      const r = run(c, '--help');
      expect(r.code, c).toBe(0);
      expect(r.out).toContain(`rigsolve ${c}`);
    }
  });

  it('imports and lists shots, as text and as JSON', () => {
    const project = join(dir, 'cli.rigsolve');
    const imp = run('import', '--project', project, '--shot', 'sh020', '--rgb', join(dir, 'rgb'), '--fps', '25');
    expect(imp.code).toBe(0);
    expect(imp.out).toMatch(/shot "sh020": 6 frames \(101–106\), 32×32, 25 fps/);
    expect(imp.out).toContain('no warnings');
    const text = run('shots', '--project', project);
    expect(text.out).toMatch(/sh020\s+6\s+101-106\s+25\s+todo\s+0/);
    const json = JSON.parse(run('shots', '--project', project, '--json').out) as { name: string; frameCount: number }[];
    expect(json.map((s) => [s.name, s.frameCount])).toEqual([['sh020', 6]]);
  });

  it('fails with one line and exit code 2 on bad input', () => {
    for (const args of [
      ['import', '--project', join(dir, 'x.rigsolve'), '--shot', 'a', '--rgb', join(dir, 'nowhere')],
      ['import', '--shot', 'a'],
      ['import', '--bogus'],
      ['shots', '--project', join(dir, 'absent.rigsolve')],
      ['frobnicate'],
    ]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});
