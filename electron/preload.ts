// The renderer's only door to the main process: one function per API channel and an event
// subscription, exposed through contextBridge. No Electron object crosses the bridge.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAME_LIST, EVENT_NAME_LIST } from './common/api/names';

const invoke = Object.fromEntries(CHANNEL_NAME_LIST.map((channel) => [channel, (args: unknown) => ipcRenderer.invoke(`rigsolve:${channel}`, args)]));

contextBridge.exposeInMainWorld('rigsolve', {
  host: 'electron',
  invoke,
  on(event: (typeof EVENT_NAME_LIST)[number], listener: (payload: unknown) => void): () => void {
    if (!EVENT_NAME_LIST.includes(event)) throw new Error(`unknown event ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(`rigsolve-event:${event}`, wrapped);
    return () => {
      ipcRenderer.removeListener(`rigsolve-event:${event}`, wrapped);
    };
  },
});
