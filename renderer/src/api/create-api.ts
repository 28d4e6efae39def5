// Picks the host at start-up: the Electron preload bridge when present, else the browser host
// that served this page.
import type { RigsolveApi } from '../../../electron/common/api/contract';
import { BrowserApi, socketUrl } from './browser-client';
import type { ConnectionSource } from './connection';
import { createElectronApi, isPreloadBridge } from './electron-client';

export type HostApi = RigsolveApi & ConnectionSource;

export function createApi(win: Window): HostApi {
  const bridge: unknown = (win as unknown as { rigsolve?: unknown }).rigsolve;
  if (isPreloadBridge(bridge)) return createElectronApi(bridge);
  return new BrowserApi({ url: socketUrl(win.location) });
}
