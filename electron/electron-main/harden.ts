// Wires security-policy.ts to Electron. Only type imports from 'electron', and the objects are
// passed in, so tests drive these functions with stand-ins (no Electron binary needed).
import type { App, Event, Session, Shell, WebContents } from 'electron';
import { externalUrlAllowed, navigationAllowed, permissionAllowed } from './security-policy';

/** Opens a link in the system browser only if the allowlist admits it; the one openExternal call of the app. */
export function openExternalIfAllowed(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  if (!externalUrlAllowed(url)) return false;
  void shell.openExternal(url);
  return true;
}

/** Guards one web contents: no navigation or redirect off the app's page, no new windows, no webviews. */
export function guardWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  const stopUnlessApp = (event: Event, url: string): void => {
    if (!navigationAllowed(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stopUnlessApp(event, event.url));
  // will-navigate covers only the main frame; an iframe's navigation comes here.
  contents.on('will-frame-navigate', (event) => stopUnlessApp(event, event.url));
  contents.on('will-redirect', (event) => stopUnlessApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(shell, url);
    return { action: 'deny' };
  });
}

/** Guards every web contents the app will ever create (windows, frames, devtools). Call before any window exists. */
export function hardenApp(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));
}

/** Denies every permission and device the policy does not grant the app's page. */
export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
