// Execution providers: a preference list by platform with CPU last, as transformers.js does it.
// The solver process tries them in order; the first that loads is used and recorded on the take.

export const DEVICES = ['auto', 'cpu', 'cuda', 'dml', 'coreml'] as const;
export type Device = (typeof DEVICES)[number];
export type Provider = 'cuda' | 'dml' | 'coreml' | 'cpu';

export function providerPreference(device: Device, platform: NodeJS.Platform = process.platform): Provider[] {
  if (device === 'cpu') return ['cpu'];
  if (device !== 'auto') return [device, 'cpu'];
  if (platform === 'linux') return ['cuda', 'cpu'];
  if (platform === 'win32') return ['cuda', 'dml', 'cpu'];
  if (platform === 'darwin') return ['coreml', 'cpu'];
  return ['cpu'];
}

/** The one-line notice a user sees when a provider they asked for (or auto picked) did not load. */
export function fallbackNotice(requested: Device, tried: { provider: Provider; error: string }[], used: Provider): string | null {
  const failed = tried.filter((t) => t.provider !== used);
  if (failed.length === 0) return null;
  if (requested === 'auto') return null; // auto quietly settles; the provider used is shown anyway
  const first = failed[0]!;
  return `${first.provider.toUpperCase()} is not available here (${first.error}); solving on ${used.toUpperCase()}`;
}
