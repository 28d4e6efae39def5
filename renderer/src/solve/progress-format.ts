// How solve progress reads on screen: frames, throughput, time left, the provider's name.

/** 5 → "0:05", 83 → "1:23", 3723 → "1:02:03"; null or not finite → "—". */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  const total = Math.ceil(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Throughput with as many digits as matter: 0.42 → "0.42", 7.3 → "7.3", 85.4 → "85". */
export function formatRate(framesPerSecond: number): string {
  if (!Number.isFinite(framesPerSecond) || framesPerSecond <= 0) return '0';
  if (framesPerSecond < 1) return framesPerSecond.toFixed(2);
  if (framesPerSecond < 10) return framesPerSecond.toFixed(1);
  return String(Math.round(framesPerSecond));
}

/** 0…1, safe for a zero total. */
export function progressFraction(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(1, Math.max(0, done / total));
}

const PROVIDERS: Record<string, string> = { cpu: 'CPU', cuda: 'CUDA', dml: 'DirectML', coreml: 'CoreML', auto: 'Auto' };

/** "cuda" → "CUDA"; unknown names are shown as given, upper-cased. */
export function providerLabel(provider: string | null): string {
  if (!provider) return '—';
  return PROVIDERS[provider] ?? provider.toUpperCase();
}

/** "42 / 120 frames · 85 frames/s · 0:02 left". */
export function progressText(p: { done: number; total: number; framesPerSecond: number; etaSeconds: number | null }): string {
  const parts = [`${p.done} / ${p.total} frames`];
  if (p.framesPerSecond > 0) parts.push(`${formatRate(p.framesPerSecond)} frames/s`);
  if (p.done < p.total) parts.push(`${formatEta(p.etaSeconds)} left`);
  return parts.join(' · ');
}

/** A take's solve time: 850 → "0.9 s", 12_300 → "12.3 s", 125_000 → "2m 05s". */
export function formatDurationMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.round(s);
  const m = Math.floor(whole / 60);
  return `${m}m ${String(whole - m * 60).padStart(2, '0')}s`;
}
