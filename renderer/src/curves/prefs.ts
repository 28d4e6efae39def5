// Small per-machine preferences (curve colours, hidden channels, split sizes, poses) in
// localStorage. Every access is guarded: tests run without a DOM, and a full or disabled storage
// must never break the editor.

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readPref<T>(key: string, fallback: T, valid: (v: unknown) => v is T): T {
  const s = storage();
  if (!s) return fallback;
  try {
    const raw = s.getItem(`rigsolve.${key}`);
    if (raw === null) return fallback;
    const v: unknown = JSON.parse(raw);
    return valid(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

export function writePref(key: string, value: unknown): void {
  try {
    storage()?.setItem(`rigsolve.${key}`, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: the preference is simply not kept.
  }
}

export const isStringRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
