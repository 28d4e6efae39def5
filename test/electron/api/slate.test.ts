// The shot browser's slate (scene, take, actor, start timecode) and thumbnail through the API:
// filled from names by a pattern at import and later, edited field by field, refused with a reason.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type HostedContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import type { ChannelArgs, ChannelName, ChannelResult } from '../../../electron/common/api/contract';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { serveFrame } from '../../../electron/frames/serve-frame';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let ctx: HostedContext;

async function call<C extends ChannelName>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  const r = await dispatch(handlers, ctx, channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result as ChannelResult<C>;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeTestSequence({ dir: join(dir, 'sc12_tk4_anna'), first: 1001, count: 9, width: 320, height: 180, prefix: 'plate.' });
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 5, width: 32, height: 32 });
  ctx = createAppContext({ host: 'browser', readOnly: false, projectPath: join(dir, 'p.rigsolve') });
});
afterAll(async () => {
  ctx.close();
  await cleanup();
});

describe('slate', () => {
  it('is filled at import from the capture folder name when the shot name does not match', async () => {
    const r = await call('capture.import', { shotName: 'sh010', rgbSource: join(dir, 'sc12_tk4_anna'), fps: 24, namePattern: 'sc{scene}_tk{take}_{actor}' });
    expect(r.shot).toMatchObject({ scene: '12', captureTake: '4', actor: 'anna', startTimecode: null });
    // the readable plate nearest the middle
    expect(r.shot.thumbnailFrame).toBe(1005);
  });

  it('refuses a pattern it cannot read before importing anything', async () => {
    const r = await dispatch(handlers, ctx, 'capture.import', { shotName: 'other', rgbSource: join(dir, 'rgb'), namePattern: '{shot}' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'badInput', message: expect.stringContaining('unknown field {shot}') });
    expect((await call('shots.list', {})).map((s) => s.name)).toEqual(['sh010']);
  });

  it('sets, normalises and clears fields one at a time, and says why a timecode is refused', async () => {
    const [shot] = await call('shots.list', {});
    const set = await call('shot.setSlate', { shotId: shot!.id, slate: { startTimecode: '01-00-00-00', actor: ' Ben ' } });
    expect(set).toMatchObject({ scene: '12', captureTake: '4', actor: 'Ben', startTimecode: '01:00:00:00' });
    expect((await call('shot.setSlate', { shotId: shot!.id, slate: { scene: '' } })).scene).toBeNull();
    const bad = await dispatch(handlers, ctx, 'shot.setSlate', { shotId: shot!.id, slate: { startTimecode: 'noon' } });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'badInput', message: expect.stringContaining('not a timecode') });
  });

  it('applies a pattern to shots already imported, naming those it does not match', async () => {
    await call('capture.import', { shotName: 'sc7-tk1', rgbSource: join(dir, 'rgb') });
    const ids = (await call('shots.list', {})).map((s) => s.id);
    const r = await call('shots.applyNamePattern', { shotIds: ids, pattern: 'sc{scene}-tk{take}' });
    expect(r.unmatched).toEqual(['sh010']);
    const shots = await call('shots.list', {});
    expect(shots.find((s) => s.name === 'sc7-tk1')).toMatchObject({ scene: '7', captureTake: '1' });
    // sh010's own slate is untouched
    expect(shots.find((s) => s.name === 'sh010')).toMatchObject({ actor: 'Ben', scene: null });
  });

  it('serves the thumbnail from the project cache folder', async () => {
    const shot = (await call('shots.list', {})).find((s) => s.name === 'sh010');
    const res = await serveFrame(ctx.session(), `/frame/${shot!.id}/rgb/${shot!.thumbnailFrame}`, new URLSearchParams('w=144'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const cached = await readdir(join(ctx.session()!.cacheDir, 'proxies', String(shot!.id), 'rgb'));
    expect(cached.length).toBeGreaterThan(0);
  });

  it('rigsolve import --name-pattern fills it, and rigsolve shots lists it', () => {
    const project = join(dir, 'cli.rigsolve');
    const imp = runCli(
      'import',
      '--project',
      project,
      '--shot',
      'sc5_tk2_cleo_01-00-00-00',
      '--rgb',
      join(dir, 'rgb'),
      '--name-pattern',
      'sc{scene}_tk{take}_{actor}_{timecode}',
    );
    expect(imp.status, imp.stderr).toBe(0);
    const list = runCli('shots', '--project', project);
    expect(list.stdout).toMatch(/scene\s+take\s+actor\s+start tc/);
    expect(list.stdout).toMatch(/sc5_tk2_cleo_01-00-00-00 .*\s5\s+2\s+cleo\s+01:00:00:00/);
    const bad = runCli('import', '--project', project, '--shot', 'x', '--rgb', join(dir, 'rgb'), '--name-pattern', '{take}_{take}');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('rigsolve import: name pattern: {take} appears twice in the pattern');
  });
});
