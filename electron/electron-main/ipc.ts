// Wires the API's channels to ipcMain. Every call is checked: it must come from the app's own
// main frame (rigsolve://app), then goes through the same dispatch as the browser host.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES } from '../common/api/contract';
import type { HostedContext } from '../api/app-context';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import { APP_ORIGIN } from '../frames/app-protocol';

export const invokeChannel = (channel: string): string => `rigsolve:${channel}`;
export const eventChannel = (event: string): string => `rigsolve-event:${event}`;

function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && frame.url.startsWith(`${APP_ORIGIN}/`);
}

export function wireIpc(ctx: HostedContext, window: BrowserWindow): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(invokeChannel(channel), async (event, args: unknown) => {
      if (!trustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'call from a frame that is not the app' } };
      return dispatch(handlers, ctx, channel, args);
    });
  }
  const off = ctx.onEvent((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
  });
  return () => {
    off();
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(invokeChannel(channel));
  };
}
