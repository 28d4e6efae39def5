// The Electron app's security decisions as plain data and functions, with no 'electron' import, so
// tests read them without an Electron binary: the fuses flipped at packaging (electron-builder.yml
// must state the same set), the permissions the page may hold, where it may navigate, which links
// leave the app, and the CSP. harden.ts wires them to Electron; main.ts calls harden.ts.
import { APP_SCHEME } from '../frames/app-protocol';
import { RENDERER_CSP, RENDERER_CSP_HEADER } from '../frames/content-security-policy';

export { RENDERER_CSP, RENDERER_CSP_HEADER };

/**
 * electron-builder's `electronFuses`, as electron-builder.yml states it. RunAsNode off is safe: the
 * solver runs in a utilityProcess under Electron, never child_process.fork of the app binary.
 */
export const ELECTRON_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // The page is served from rigsolve://, never file://, so file:// pages need no extra privileges.
  grantFileProtocolExtraPrivileges: false,
} as const;

/**
 * Permissions the page may be granted: none. The renderer calls no permission-gated web API (key
 * copy/paste uses the app's own clipboard, no media, notifications, fullscreen or devices).
 */
export const APP_PERMISSIONS: readonly string[] = [];

/** Hosts whose https links may open in the system browser: none, as the app links nowhere. */
export const EXTERNAL_HOSTS: readonly string[] = [];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether a URL or origin is the app's own page, rigsolve://app. Parsed rather than prefix-matched,
 * so rigsolve://app.evil/ or rigsolve://app@evil/ are not the app. (Node's URL gives non-special
 * schemes an origin of "null", hence the field-by-field check.)
 */
export function isAppUrl(urlOrOrigin: string): boolean {
  const url = parse(urlOrOrigin);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.hostname === 'app' && url.port === '' && url.username === '' && url.password === '';
}

/** Navigation and redirects stay on the app's page; anything else is stopped. */
export const navigationAllowed = (url: string): boolean => isAppUrl(url);

/** Whether a link may be handed to the system browser: https, no credentials, a host on EXTERNAL_HOSTS. */
export function externalUrlAllowed(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return hosts.includes(parsed.hostname.toLowerCase());
}

/** Whether the page at `origin` may use `permission`: only the app's own page, only APP_PERMISSIONS. */
export function permissionAllowed(permission: string, origin: string, allowed: readonly string[] = APP_PERMISSIONS): boolean {
  return isAppUrl(origin) && allowed.includes(permission);
}
