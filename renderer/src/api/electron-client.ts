// RigsolveApi over the preload bridge (contextBridge exposes one function per channel).
import {
  type ApiResponse,
  type ChannelArgs,
  type ChannelName,
  type ChannelResult,
  type EventName,
  type EventPayload,
  type RigsolveApi,
} from '../../../electron/common/api/contract';
import { formatFramePath } from '../../../electron/common/api/frame-url';
import type { PlateKind } from '../../../electron/common/api/schemas';
import type { ConnectionSource, ConnectionState } from './connection';
import { toApiCallError } from './errors';
import { isEventName, parseEvent, unwrapResponse } from './unwrap';

/** What electron/preload.ts exposes as window.rigsolve. */
export interface PreloadBridge {
  host: 'electron';
  invoke: { [C in ChannelName]: (args: ChannelArgs<C>) => Promise<ApiResponse<unknown>> };
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function isPreloadBridge(v: unknown): v is PreloadBridge {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as Partial<Record<keyof PreloadBridge, unknown>>;
  return b.host === 'electron' && typeof b.on === 'function' && typeof b.invoke === 'object' && b.invoke !== null;
}

const OPEN: ConnectionState = { state: 'open' };

export function createElectronApi(bridge: PreloadBridge): RigsolveApi & ConnectionSource {
  return {
    host: 'electron',
    async call<C extends ChannelName>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
      const fn = bridge.invoke[channel] as ((a: ChannelArgs<C>) => Promise<ApiResponse<unknown>>) | undefined;
      if (!fn) throw toApiCallError(new Error(`This app's preload does not expose ${channel}.`), channel);
      let response: ApiResponse<unknown>;
      try {
        response = await fn(args);
      } catch (err) {
        throw toApiCallError(err, channel);
      }
      return unwrapResponse(channel, response);
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!isEventName(event)) return () => {};
      return bridge.on(event, (raw) => {
        const payload = parseEvent(event, raw);
        if (payload) listener(payload);
      });
    },
    frameUrl(shotId: number, kind: PlateKind, frame: number, width?: number): string {
      return `rigsolve://${formatFramePath(shotId, kind, frame, width)}`;
    },
    dataUrl(path: string): string {
      return `rigsolve://${path}`;
    },
    connection: OPEN,
    onConnection: () => () => {},
    reconnectNow: () => {},
  };
}
