/// <reference types="vite/client" />
// The review's take comparison, if it has landed: renderer/src/review/compare-store.ts exposes
// compareSample(frame, out). Found through a build-time glob, so the preview builds and runs
// (with one head) before that file exists, and picks it up without an edit once it does.
import type { CompareSampler } from './values';

const found = import.meta.glob<Record<string, unknown>>('../review/compare-store.ts', { eager: true });

function isSampler(x: unknown): x is CompareSampler {
  return typeof x === 'function';
}

/** A compareSample export, or one held in a store's state (zustand: getState()). */
export function findCompareSampler(modules: Record<string, Record<string, unknown>>): CompareSampler | null {
  for (const mod of Object.values(modules)) {
    if (isSampler(mod['compareSample'])) return mod['compareSample'];
    for (const v of Object.values(mod)) {
      const getState = (v as { getState?: unknown } | null)?.getState;
      if (typeof getState !== 'function') continue;
      const state: unknown = getState();
      const s = (state as { compareSample?: unknown } | null)?.compareSample;
      if (isSampler(s)) return s;
    }
  }
  return null;
}

export function compareSampler(): CompareSampler | null {
  return findCompareSampler(found);
}

/** The compared take's name for the second head's label ("Take 3"), when the store has one. */
export function findCompareLabel(modules: Record<string, Record<string, unknown>>): string | null {
  for (const mod of Object.values(modules)) {
    for (const v of Object.values(mod)) {
      const getState = (v as { getState?: unknown } | null)?.getState;
      if (typeof getState !== 'function') continue;
      const label = (getState() as { label?: unknown } | null)?.label;
      if (typeof label === 'string' && label) return label;
    }
  }
  return null;
}

export function compareLabel(): string | null {
  return findCompareLabel(found);
}
