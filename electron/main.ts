// Electron entry: one window, locked down (context isolation, sandbox, no Node in the page; every
// web contents kept on the app's page and denied permissions: electron-main/harden.ts), the
// rigsolve:// protocol, and the API over IPC. Everything it calls runs under plain Node too; this
// file only wires it to Electron.
import { app, BrowserWindow, Menu, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppContext } from './api/app-context';
import { startupProject } from './demo/demo-project';
import { hardenApp, hardenSession } from './electron-main/harden';
import { wireIpc } from './electron-main/ipc';
import { utilityTransport } from './electron-main/utility-transport';
import { writeAppSettings } from './project/settings';
import { SolverClient } from './solver/client';
import { SolveService } from './solver/solve-service';
import { APP_ORIGIN, APP_SCHEME, appProtocolResponse } from './frames/app-protocol';
import { rendererDistDir } from './util/app-root';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } },
]);
// Before any window or frame exists, so none escapes the navigation and window-open guards.
hardenApp(app, shell);

const here = fileURLToPath(new URL('.', import.meta.url));

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  const userData = app.getPath('userData');
  // The demo is solved on first run; under Electron the solver runs in a utilityProcess, never a fork of the app.
  const projectPath = await startupProject(userData, (l) => console.log(l), { transport: () => utilityTransport(here) });
  const ctx = createAppContext({
    host: 'electron',
    readOnly: false,
    projectPath,
    userModelsDir: join(userData, 'models'),
    solver: (session, emit) => new SolveService(session, emit, new SolverClient(() => utilityTransport(here))),
  });
  ctx.onEvent((event) => {
    const s = ctx.session();
    if (event === 'shots.changed' && s) void writeAppSettings(userData, { lastProject: s.path });
  });
  // No default menu bar on Windows/Linux: Alt chords (Alt+W wireframe, Alt+O overlay…) are the
  // app's, not a menu's. macOS keeps the standard app and edit menus (copy/paste in text fields).
  Menu.setApplicationMenu(process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]) : null);
  const rendererDir = rendererDistDir();
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request.url, ctx.session(), rendererDir));

  const window = new BrowserWindow({
    width: 1600,
    height: 960,
    backgroundColor: '#1b1d21',
    title: 'RigSolve',
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const unwire = wireIpc(ctx, window);
  window.on('closed', () => {
    unwire();
    ctx.close();
  });
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('window-all-closed', () => app.quit());
start().catch((err: unknown) => {
  console.error('RigSolve failed to start:', err);
  app.exit(1);
});
