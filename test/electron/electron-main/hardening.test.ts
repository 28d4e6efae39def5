// Electron hardening, checked without an Electron binary: the fuses electron-builder flips at
// packaging (electron-builder.yml, read and validated by the installed electron-builder), the
// security policy's decisions, the guards harden.ts installs (driven with stand-ins for Electron's
// objects), the CSP header of the rigsolve:// protocol, and that main.ts wires all of it.
import { EventEmitter } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { hardenApp, hardenSession } from '../../../electron/electron-main/harden';
import {
  APP_PERMISSIONS,
  ELECTRON_FUSES,
  EXTERNAL_HOSTS,
  RENDERER_CSP,
  RENDERER_CSP_HEADER,
  externalUrlAllowed,
  isAppUrl,
  navigationAllowed,
  permissionAllowed,
} from '../../../electron/electron-main/security-policy';
import { appProtocolResponse } from '../../../electron/frames/app-protocol';

const root = join(import.meta.dirname, '../../..');
const read = (rel: string): string => readFileSync(join(root, rel), 'utf8');
const require = createRequire(import.meta.url);

// electron-builder's own YAML parser, config validator and fuse mapping (CommonJS, loaded as it loads them).
const yaml = require('js-yaml') as { load: (text: string) => unknown };
const builderConfig = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: unknown, log: { isEnabled: boolean; add: () => void }) => Promise<void>;
};
const builderLib = require('app-builder-lib') as { PlatformPackager: { prototype: Record<string, unknown> } };
const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };

type BuilderYml = { asar?: unknown; electronFuses?: Record<string, boolean> };
const builderYml = (): BuilderYml => yaml.load(read('electron-builder.yml')) as BuilderYml;
const quietLog = { isEnabled: false, add: () => undefined };

describe('fuses (electron-builder.yml)', () => {
  it('states the policy set, and the installed electron-builder accepts the configuration', async () => {
    const config = builderYml();
    expect(config.electronFuses).toEqual(ELECTRON_FUSES);
    await builderConfig.validateConfiguration(config, quietLog);
    // The validator is live: a misspelt fuse is refused, so a silently ignored key cannot pass.
    await expect(builderConfig.validateConfiguration({ ...config, electronFuses: { runAsNodes: false } }, quietLog)).rejects.toThrow();
  });

  it('flips the fuses the issue asks for in the wire electron-builder writes', async () => {
    expect(ELECTRON_FUSES).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const generate = builderLib.PlatformPackager.prototype.generateFuseConfig as (fuses: unknown) => Promise<Record<string, unknown>>;
    const wire = await generate.call({}, builderYml().electronFuses);
    expect(wire[FuseV1Options.RunAsNode!]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable!]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments!]).toBe(false);
    expect(wire[FuseV1Options.EnableCookieEncryption!]).toBe(true);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]).toBe(true);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar!]).toBe(true);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges!]).toBe(false);
    // OnlyLoadAppFromAsar needs the app packed in an asar.
    expect(builderYml().asar).not.toBe(false);
  });

  it('RunAsNode off breaks nothing: the Electron host never forks the app binary', () => {
    // process.fork in Electron's main process needs ELECTRON_RUN_AS_NODE; the solver is a utilityProcess.
    const shell = ['electron/main.ts', ...readdirSync(join(root, 'electron/electron-main')).map((f) => `electron/electron-main/${f}`)];
    for (const file of shell) expect(read(file), file).not.toMatch(/from '(node:)?child_process'|\bforkTransport\b|process\.env\.ELECTRON_RUN_AS_NODE/);
    expect(read('electron/main.ts')).toMatch(/new SolverClient\(\(\) => utilityTransport\(/);
    expect(read('electron/main.ts')).toMatch(/startupProject\(.*transport: \(\) => utilityTransport\(/);
  });
});

describe('security policy', () => {
  it('knows the app page from look-alikes', () => {
    for (const ok of ['rigsolve://app/index.html', 'rigsolve://app', 'rigsolve://app/assets/x.js?v=1#y']) expect(isAppUrl(ok), ok).toBe(true);
    for (const bad of [
      'rigsolve://app.evil/',
      'rigsolve://app@evil/',
      'rigsolve://evil@app/',
      'rigsolve://app:81/',
      'rigsolve://frame/1/2',
      'https://app/',
      'file:///app/index.html',
      'null',
      '',
      'not a url',
    ])
      expect(isAppUrl(bad), bad).toBe(false);
  });

  it('keeps navigation and redirects on the app page', () => {
    expect(navigationAllowed('rigsolve://app/index.html')).toBe(true);
    for (const bad of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,x',
      'about:blank',
      'rigsolve://frame/1',
    ])
      expect(navigationAllowed(bad), bad).toBe(false);
  });

  it('opens no external link by default, and with an allowlist only https links to listed hosts', () => {
    expect(EXTERNAL_HOSTS).toEqual([]);
    for (const url of ['https://example.com/', 'https://github.com/', 'http://example.com/', 'mailto:a@b.c', 'file:///etc/passwd'])
      expect(externalUrlAllowed(url), url).toBe(false);
    const hosts = ['docs.example.com'];
    expect(externalUrlAllowed('https://docs.example.com/page', hosts)).toBe(true);
    expect(externalUrlAllowed('https://DOCS.example.com/page', hosts)).toBe(true);
    for (const url of [
      'http://docs.example.com/',
      'https://docs.example.com.evil/',
      'https://evil.com/?docs.example.com',
      'https://user:pw@docs.example.com/',
      'smb://docs.example.com/',
      'not a url',
    ])
      expect(externalUrlAllowed(url, hosts), url).toBe(false);
  });

  it('grants no permission, and an allowed one only to the app page', () => {
    expect(APP_PERMISSIONS).toEqual([]);
    for (const p of [
      'media',
      'clipboard-read',
      'clipboard-sanitized-write',
      'notifications',
      'geolocation',
      'fullscreen',
      'openExternal',
      'hid',
      'usb',
      'serial',
      'unknown',
    ])
      expect(permissionAllowed(p, 'rigsolve://app'), p).toBe(false);
    expect(permissionAllowed('fullscreen', 'rigsolve://app', ['fullscreen'])).toBe(true);
    expect(permissionAllowed('fullscreen', 'rigsolve://app/index.html', ['fullscreen'])).toBe(true);
    expect(permissionAllowed('fullscreen', 'https://evil.com', ['fullscreen'])).toBe(false);
    expect(permissionAllowed('media', 'rigsolve://app', ['fullscreen'])).toBe(false);
  });

  it('needs no permission because the renderer calls no permission-gated web API', () => {
    // If this fails, the renderer started using such an API: grant just that one in APP_PERMISSIONS.
    const apis = ['navigator\\.(clipboard|mediaDevices|geolocation|usb|hid|serial|bluetooth|permissions)', 'requestFullscreen', 'requestPointerLock'];
    const gated = new RegExp([...apis, 'new Notification', 'getDisplayMedia', 'getUserMedia'].join('|'));
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    const users = walk(join(root, 'renderer/src')).filter((f) => gated.test(readFileSync(f, 'utf8')));
    expect(users.map((f) => relative(root, f))).toEqual([]);
  });
});

/** A stand-in for a WebContents: events, a window-open handler, and navigation events that record preventDefault. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Fires a navigation-style event as Electron does (details object first, url on it) and says whether it was stopped. */
  fire(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function hardenedContents(): { contents: FakeContents; opened: string[] } {
  const app = new EventEmitter();
  const opened: string[] = [];
  const shell = { openExternal: async (url: string) => void opened.push(url) };
  hardenApp(app as unknown as Parameters<typeof hardenApp>[0], shell);
  const contents = new FakeContents();
  // Every web contents the app creates, not just the main window, gets the guards.
  app.emit('web-contents-created', { preventDefault: () => undefined }, contents);
  return { contents, opened };
}

describe('guards on every web contents (harden.ts)', () => {
  it('stops navigation, frame navigation and redirects off the app page, and lets the app page load', () => {
    const { contents } = hardenedContents();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(contents.listenerCount(name), name).toBe(1);
      expect(contents.fire(name, 'https://example.com/'), name).toBe(true);
      expect(contents.fire(name, 'file:///etc/passwd'), name).toBe(true);
      expect(contents.fire(name, 'rigsolve://app.evil/'), name).toBe(true);
      expect(contents.fire(name, 'rigsolve://app/index.html'), name).toBe(false);
    }
  });

  it('refuses webviews and every new window, and opens no link outside', () => {
    const { contents, opened } = hardenedContents();
    expect(contents.fire('will-attach-webview', 'rigsolve://app/index.html')).toBe(true);
    expect(contents.openHandler).not.toBeNull();
    for (const url of ['https://example.com/', 'rigsolve://app/index.html', 'javascript:alert(1)', 'file:///etc/passwd'])
      expect(contents.openHandler!({ url }), url).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it('denies permission requests, checks and devices', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => void (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => void (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: unknown[]) => unknown) => void (handlers.device = h),
    };
    hardenSession(session as unknown as Parameters<typeof hardenSession>[0]);
    expect(Object.keys(handlers).sort()).toEqual(['check', 'device', 'request']);
    for (const permission of ['media', 'clipboard-read', 'notifications', 'geolocation', 'openExternal', 'fullscreen']) {
      for (const origin of ['rigsolve://app/index.html', 'https://evil.com/']) {
        const granted: boolean[] = [];
        handlers.request!(null, permission, (g: boolean) => granted.push(g), { requestingUrl: origin, isMainFrame: true });
        expect(granted, `${permission} ${origin}`).toEqual([false]);
        expect(handlers.check!(null, permission, origin, {}), `${permission} ${origin}`).toBe(false);
      }
    }
    expect(handlers.device!({ deviceType: 'usb', origin: 'rigsolve://app', device: {} })).toBe(false);
  });
});

describe('CSP', () => {
  const directives = (policy: string): Map<string, string> =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')] as const),
    );

  it('index.html carries the policy as a meta tag, and the protocol sends it with frame-ancestors as a header', async () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(read('renderer/index.html'));
    expect(meta?.[1]).toBe(RENDERER_CSP);
    const dir = await mkdtemp(join(tmpdir(), 'rigsolve-csp-'));
    try {
      await writeFile(join(dir, 'index.html'), '<!doctype html>');
      await writeFile(join(dir, 'app.js'), '');
      for (const url of ['rigsolve://app/index.html', 'rigsolve://app/', 'rigsolve://app/app.js']) {
        const response = await appProtocolResponse(url, null, dir);
        expect(response.status, url).toBe(200);
        expect(response.headers.get('content-security-policy'), url).toBe(RENDERER_CSP_HEADER);
        expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const header = directives(RENDERER_CSP_HEADER);
    for (const [name, value] of directives(RENDERER_CSP)) expect(header.get(name), name).toBe(value);
    expect(header.get('frame-ancestors')).toBe("'none'");
    expect(header.get('object-src')).toBe("'none'");
    expect(header.get('script-src')).not.toMatch(/'unsafe-eval'|'unsafe-inline'|\*/);
  });
});

/** main.ts and electron-main, read as TypeScript: each guard is registered where it must be. */
describe('main.ts wires the hardening', () => {
  const source = ts.createSourceFile('main.ts', read('electron/main.ts'), ts.ScriptTarget.Latest, true);
  const calls: ts.CallExpression[] = [];
  const news: ts.NewExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) calls.push(node);
    if (ts.isNewExpression(node)) news.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const callNamed = (text: string): ts.CallExpression | undefined => calls.find((c) => c.expression.getText() === text);

  it('guards every web contents from the top level, before any window can exist', () => {
    const top = source.statements.find(
      (s) => ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && s.expression.expression.getText() === 'hardenApp',
    );
    expect(top, 'hardenApp(app, shell) as a top-level statement of main.ts').toBeDefined();
    const call = (top as ts.ExpressionStatement).expression as ts.CallExpression;
    expect(call.arguments.map((a) => a.getText())).toEqual(['app', 'shell']);
    expect(read('electron/main.ts')).toMatch(/import \{[^}]*\bhardenApp\b[^}]*\} from '\.\/electron-main\/harden'/);
  });

  it('sets the session permission handlers after ready and before the window', () => {
    const session = callNamed('hardenSession');
    expect(session?.arguments.map((a) => a.getText())).toEqual(['session.defaultSession']);
    const window = news.find((n) => n.expression.getText() === 'BrowserWindow');
    expect(window).toBeDefined();
    const ready = calls.find((c) => c.expression.getText() === 'app.whenReady');
    expect(ready!.getStart()).toBeLessThan(session!.getStart());
    expect(session!.getStart()).toBeLessThan(window!.getStart());
  });

  it('keeps the window sandboxed and isolated, and serves the page through the protocol handler', () => {
    const prefs = read('electron/main.ts');
    expect(prefs).toMatch(/contextIsolation: true/);
    expect(prefs).toMatch(/sandbox: true/);
    expect(prefs).toMatch(/nodeIntegration: false/);
    expect(prefs).not.toMatch(/webSecurity: false|allowRunningInsecureContent: true|webviewTag: true/);
    expect(callNamed('protocol.handle')?.getText()).toMatch(/appProtocolResponse\(/);
  });

  it('harden.ts registers each guard, and openExternal is called only behind the allowlist', () => {
    const harden = read('electron/electron-main/harden.ts');
    for (const needle of [
      "app.on('web-contents-created'",
      "contents.on('will-navigate'",
      "contents.on('will-frame-navigate'",
      "contents.on('will-redirect'",
      "contents.on('will-attach-webview'",
      'contents.setWindowOpenHandler(',
      'session.setPermissionRequestHandler(',
      'session.setPermissionCheckHandler(',
      'session.setDevicePermissionHandler(',
    ])
      expect(harden, needle).toContain(needle);
    // No other file of the app opens links; harden.ts opens them only after the allowlist says yes.
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const openers = walk(join(root, 'electron')).filter((f) => readFileSync(f, 'utf8').includes('openExternal('));
    expect(openers.map((f) => relative(root, f))).toEqual(['electron/electron-main/harden.ts']);
    expect(harden).toMatch(/if \(!externalUrlAllowed\(url\)\) return false;\n\s*void shell\.openExternal\(url\);/);
    expect(harden.match(/openExternal\(/g)).toHaveLength(1);
  });
});
