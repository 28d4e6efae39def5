import { describe, expect, it } from 'vitest';
import { createElectronApi, isPreloadBridge, type PreloadBridge } from '../../renderer/src/api/electron-client';
import { ApiCallError } from '../../renderer/src/api/errors';

const project = { path: '/p', name: 'p', shotCount: 0, readOnly: false, host: 'electron' };

function bridge(invoke: (channel: string, args: unknown) => Promise<unknown>) {
  const listeners: ((p: unknown) => void)[] = [];
  const b = {
    host: 'electron',
    invoke: new Proxy({}, { get: (_t, channel: string) => (args: unknown) => invoke(channel, args) }),
    on: (_event: string, l: (p: unknown) => void) => {
      listeners.push(l);
      return () => {};
    },
  } as unknown as PreloadBridge;
  return { b, fire: (p: unknown) => listeners.forEach((l) => l(p)) };
}

describe('Electron API client', () => {
  it('recognises the preload bridge', () => {
    expect(isPreloadBridge(bridge(async () => null).b)).toBe(true);
    expect(isPreloadBridge(undefined)).toBe(false);
    expect(isPreloadBridge({ host: 'browser' })).toBe(false);
  });

  it('calls one function per channel and unwraps the reply', async () => {
    const seen: [string, unknown][] = [];
    const api = createElectronApi(
      bridge(async (channel, args) => {
        seen.push([channel, args]);
        return { ok: true, result: project };
      }).b,
    );
    await expect(api.call('project.info', {})).resolves.toEqual(project);
    expect(seen).toEqual([['project.info', {}]]);
  });

  it('turns IPC failures into clean ApiCallErrors', async () => {
    const api = createElectronApi(bridge(async () => Promise.reject(new Error("Error invoking remote method 'rigsolve:shots.list': Error: boom\n    at x"))).b);
    const err = await api.call('shots.list', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiCallError);
    expect((err as ApiCallError).message).toBe('boom');
  });

  it('validates events and builds rigsolve:// frame URLs', () => {
    const { b, fire } = bridge(async () => null);
    const api = createElectronApi(b);
    const got: unknown[] = [];
    api.on('shots.changed', (p) => got.push(p));
    fire({ shotId: 3 });
    fire({ nope: true });
    expect(got).toEqual([{ shotId: 3 }]);
    expect(api.frameUrl(3, 'normal', 7, 512)).toBe('rigsolve://frame/3/normal/7?w=512');
  });
});
