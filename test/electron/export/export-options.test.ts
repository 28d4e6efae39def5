// Export options (issue 20): the blendShape node name, the start frame and the timecode offset
// through the API and the CLI, in the .anim, CSV and ARKit CSV files, and remembered per project.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type HostedContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import { importCapture } from '../../../electron/capture/import-capture';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { setShotSlate } from '../../../electron/db/shots';
import { completeTake, createTake } from '../../../electron/db/takes';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const FRAMES = 10;
const FIRST = 101;
let dir: string;
let cleanup: () => Promise<void>;
let ctx: HostedContext;
let shotId: number;
let projectPath: string;

/** jawOpen ramps 0 → 0.9 over the shot; every other control rests at 0.25. */
const jaw = (i: number): number => (0.9 * i) / (FRAMES - 1);

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  projectPath = join(dir, 'o.rigsolve');
  ctx = createAppContext({ host: 'browser', readOnly: false, projectPath });
  await writeTestSequence({ dir: join(dir, 'rgb'), first: FIRST, count: FRAMES, width: 32, height: 32 });
  const s = ctx.session()!;
  shotId = (
    await importCapture(
      s.db,
      { shotName: 'sh040', rgbSource: join(dir, 'rgb'), normalSource: null, fps: 24, normalConvention: 'opengl' },
      { cacheDir: s.cacheDir },
    )
  ).shot.id;
  const takeId = createTake(s.db, { shotId, modelId: 'test', modelHash: '-', provider: 'cpu', settings: {}, settingsKey: 'test', notice: null });
  const curves = new Map(DEFAULT_CONTROL_NAMES.map((c) => [c, Float32Array.from({ length: FRAMES }, (_, i) => (c === 'jawOpen' ? jaw(i) : 0.25))]));
  completeTake(s.db, takeId, shotId, curves, [], 0);
});
afterAll(async () => {
  ctx.close();
  await cleanup();
});

async function call<T>(channel: string, args: unknown): Promise<T> {
  const r = await dispatch(handlers, ctx, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.result as T;
}

async function callError(channel: string, args: unknown): Promise<{ code: string; message: string }> {
  const r = await dispatch(handlers, ctx, channel, args);
  if (r.ok) throw new Error(`${channel} succeeded`);
  return r.error;
}

const text = (name: string): Promise<string> => readFile(join(dir, 'out', name), 'utf8');

/** The .anim's curve headers and the frames of one control's keys. */
function animFacts(anim: string, control: string): { nodes: Set<string>; start: number; end: number; frames: number[] } {
  const nodes = new Set([...anim.matchAll(/^anim weight\.\S+ \S+ (\S+) /gm)].map((m) => m[1]!));
  const start = Number(/^startTime (-?\d+);/m.exec(anim)![1]);
  const end = Number(/^endTime (-?\d+);/m.exec(anim)![1]);
  const block = anim.split(/^anim /m).find((b) => b.startsWith(`weight.${control} `))!;
  const frames = [...block.matchAll(/^ {4}(-?\d+) /gm)].map((m) => Number(m[1]));
  return { nodes, start, end, frames };
}

describe('export options', () => {
  it('puts .anim curves on the named blendShape node, numbered from the start frame', async () => {
    await call('export.shot', { shotId, format: 'anim', out: join(dir, 'out', 'a.anim'), tolerance: 0, nodeName: 'face:blendShape2', startFrame: 1001 });
    const a = animFacts(await text('a.anim'), 'jawOpen');
    expect([...a.nodes]).toEqual(['face:blendShape2']);
    expect([a.start, a.end]).toEqual([1001, 1001 + FRAMES - 1]);
    expect(a.frames).toEqual(Array.from({ length: FRAMES }, (_, i) => 1001 + i));
    // With a range, the range's first frame is the start frame.
    await call('export.shot', {
      shotId,
      format: 'anim',
      out: join(dir, 'out', 'r.anim'),
      tolerance: 0,
      startFrame: 1,
      range: { from: FIRST + 4, to: FIRST + 6 },
    });
    const r = animFacts(await text('r.anim'), 'jawOpen');
    expect([...r.nodes]).toEqual(['blendShape1']);
    expect(r.frames).toEqual([1, 2, 3]);
    const block = (await text('r.anim')).split(/^anim /m).find((b) => b.startsWith('weight.jawOpen '))!;
    expect(block).toContain(`    1 ${jaw(4).toFixed(6).replace(/0+$/, '')} `); // the shot's frame 105's value on frame 1
  });

  it('keeps the shot’s frame numbers in .anim and CSV without a start frame', async () => {
    await call('export.shot', { shotId, format: 'anim', out: join(dir, 'out', 'plain.anim'), tolerance: 0 });
    expect(animFacts(await text('plain.anim'), 'jawOpen').frames[0]).toBe(FIRST);
    await call('export.shot', { shotId, format: 'csv', out: join(dir, 'out', 'plain.csv') });
    expect((await text('plain.csv')).split('\n')[1]!.split(',')[0]).toBe(String(FIRST));
  });

  it('numbers CSV rows from the start frame, with the same values', async () => {
    await call('export.shot', { shotId, format: 'csv', out: join(dir, 'out', 'a.csv'), startFrame: 1001 });
    const [header, ...rows] = (await text('a.csv')).trim().split('\n');
    const jawCol = header!.split(',').indexOf('jawOpen');
    expect(rows.map((r) => Number(r.split(',')[0]))).toEqual(Array.from({ length: FRAMES }, (_, i) => 1001 + i));
    rows.forEach((r, i) => expect(Number(r.split(',')[jawCol])).toBeCloseTo(jaw(i), 6));
  });

  it('moves the ARKit CSV timecode by the offset, from the shot’s frame numbers or its slate start timecode', async () => {
    const timecodes = async (name: string) =>
      (await text(name))
        .trim()
        .split('\n')
        .slice(1)
        .map((r) => r.split(',')[0]);
    await call('export.shot', { shotId, format: 'arkit', out: join(dir, 'out', 'plain.arkit.csv') });
    expect((await timecodes('plain.arkit.csv'))[0]).toBe('00:00:04:05.208'); // frame 101 at 24 fps
    await call('export.shot', { shotId, format: 'arkit', out: join(dir, 'out', 'off.arkit.csv'), timecodeOffset: '01:00:00:00' });
    expect((await timecodes('off.arkit.csv'))[0]).toBe('01:00:04:05.208');
    // A start frame renumbers frames, not timecode.
    await call('export.shot', { shotId, format: 'arkit', out: join(dir, 'out', 'sf.arkit.csv'), startFrame: 1001 });
    expect((await timecodes('sf.arkit.csv'))[0]).toBe('00:00:04:05.208');
    // The slate's start timecode is the first frame's; the offset moves it (back, here).
    setShotSlate(ctx.session()!.db, shotId, { startTimecode: '10:00:00:00' });
    await call('export.shot', {
      shotId,
      format: 'arkit',
      out: join(dir, 'out', 'slate.arkit.csv'),
      timecodeOffset: '-00:00:01:00',
      range: { from: FIRST + 2, to: FIRST + 3 },
    });
    expect(await timecodes('slate.arkit.csv')).toEqual(['09:59:59:02.083', '09:59:59:03.125']);
    setShotSlate(ctx.session()!.db, shotId, { startTimecode: null });
  });

  it('refuses bad options with the reason, writing nothing', async () => {
    const out = join(dir, 'out', 'bad.anim');
    for (const [args, words] of [
      [{ nodeName: '1blend' }, /node name/],
      [{ nodeName: 'a b' }, /node name/],
      [{ startFrame: 1.5 }, /int|whole/i],
      [{ timecodeOffset: '25:00:00:00' }, /timecode/],
      [{ timecodeOffset: '-00:00:10:00', format: 'arkit' }, /before 00:00:00:00/],
      [{ timecodeOffset: '00:00:00:30', format: 'arkit' }, /24 fps/],
    ] as const) {
      const e = await callError('export.shot', { shotId, format: 'anim', out, ...args });
      expect(['badInput', 'invalidArgs'], JSON.stringify(args)).toContain(e.code);
      expect(e.message).toMatch(words);
    }
    await expect(readFile(out)).rejects.toThrow();
  });

  it('remembers the last export’s format and settings in the project', async () => {
    await call('export.shot', { shotId, format: 'anim', out: join(dir, 'out', 'm.anim'), nodeName: 'bs_face', startFrame: 1001, tolerance: 0.01 });
    expect(await call('export.remembered', {})).toEqual({
      format: 'anim',
      nodeName: 'bs_face',
      startFrame: 1001,
      timecodeOffset: null,
      tolerance: 0.01,
      headMotion: null,
      headNode: null,
    });
    // Head motion off and a head node are remembered too.
    await call('export.shot', { shotId, format: 'glb', out: join(dir, 'out', 'm.glb'), headMotion: false, headNode: 'face:head_jnt' });
    expect(await call('export.remembered', {})).toMatchObject({ format: 'glb', headMotion: false, headNode: 'face:head_jnt' });
  });

  it('takes the same options from the CLI, and remembers them', () => {
    ctx.close();
    const out = join(dir, 'out', 'cli.anim');
    const ok = runCli(
      'export',
      '--project',
      projectPath,
      '--shot',
      'sh040',
      '--format',
      'anim',
      '--out',
      out,
      '--node',
      'cli_bs',
      '--start-frame',
      '2001',
      '--reduce',
      '0',
    );
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const bad = runCli('export', '--project', projectPath, '--shot', 'sh040', '--format', 'anim', '--out', out, '--node', '9x');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--node "9x" is not a Maya node name/);
    const badTc = runCli('export', '--project', projectPath, '--shot', 'sh040', '--format', 'arkit', '--out', out, '--timecode-offset', 'soon');
    expect(badTc.status).toBe(2);
    expect(badTc.stderr).toMatch(/--timecode-offset "soon" is not valid/);
    const badStart = runCli('export', '--project', projectPath, '--shot', 'sh040', '--format', 'csv', '--out', out, '--start-frame', '1.5');
    expect(badStart.status).toBe(2);
    expect(badStart.stderr).toMatch(/--start-frame must be a whole frame number/);
    ctx = createAppContext({ host: 'browser', readOnly: false, projectPath });
  });

  it('reads back what the CLI remembered, and the file it wrote', async () => {
    expect(await call('export.remembered', {})).toMatchObject({ format: 'anim', nodeName: 'cli_bs', startFrame: 2001, tolerance: 0 });
    const a = animFacts(await text('cli.anim'), 'jawOpen');
    expect([...a.nodes]).toEqual(['cli_bs']);
    expect(a.frames[0]).toBe(2001);
  });
});
