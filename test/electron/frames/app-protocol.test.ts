// The Electron host's rigsolve:// handler refuses the same requests the browser host does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importCapture } from '../../../electron/capture/import-capture';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { appProtocolResponse } from '../../../electron/frames/app-protocol';
import { openProject, type ProjectSession } from '../../../electron/project/session';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let project: ProjectSession;
let shotId: number;
let rendererDir: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 3, width: 32, height: 32 });
  project = openProject(join(dir, 'p.rigsolve'));
  shotId = (
    await importCapture(
      project.db,
      { shotName: 'a', rgbSource: join(dir, 'rgb'), normalSource: null, fps: null, normalConvention: 'opengl' },
      { cacheDir: project.cacheDir },
    )
  ).shot.id;
});
afterAll(async () => {
  project.close();
  await cleanup();
});

describe('rigsolve:// protocol', () => {
  it('serves the renderer and the frames of the project', async () => {
    expect((await appProtocolResponse('rigsolve://app/index.html', project, rendererDir)).status).toBe(200);
    const frame = await appProtocolResponse(`rigsolve://frame/${shotId}/rgb/2`, project, rendererDir);
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-type')).toBe('image/png');
  });

  it('refuses paths outside the project and unknown shots', async () => {
    for (const url of [
      'rigsolve://app/../secret.txt',
      'rigsolve://app/%2e%2e/secret.txt',
      'rigsolve://app/..%2fsecret.txt',
      `rigsolve://frame/${shotId}/rgb/../../secret.txt`,
      `rigsolve://frame/${shotId}/rgb/%2e%2e%2fsecret.txt`,
      `rigsolve://frame/${dir}/secret.txt`,
      'rigsolve://frame//etc/passwd',
      'rigsolve://frame/999/rgb/1',
      `rigsolve://frame/${shotId}/rgb/7`,
      'rigsolve://elsewhere/x',
      'file:///etc/passwd',
    ]) {
      const res = await appProtocolResponse(url, project, rendererDir);
      expect([400, 404], url).toContain(res.status);
      expect(await res.text()).not.toContain('secret');
    }
  });
});
