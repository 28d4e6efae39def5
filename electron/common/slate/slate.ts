// A shot's slate: the scene, take, actor and start timecode a stage writes on its clapperboard
// (what Faceware and MetaHuman Animator list beside each shot). One home for what a slate field
// may hold and how a file name pattern fills them in, for the import (CLI, API, dialog) and the
// shot browser alike.
import { formatTimecode, parseTimecode } from '../timecode';

export const SLATE_FIELDS = ['scene', 'captureTake', 'actor', 'startTimecode'] as const;
export type SlateField = (typeof SLATE_FIELDS)[number];
export type Slate = Record<SlateField, string | null>;

export const EMPTY_SLATE: Slate = { scene: null, captureTake: null, actor: null, startTimecode: null };

export const SLATE_LABELS: Record<SlateField, string> = { scene: 'Scene', captureTake: 'Take', actor: 'Actor', startTimecode: 'Start TC' };

export const SLATE_MAX_LENGTH = 200;

/**
 * A field's stored value: trimmed, empty as null, a timecode normalised to HH:MM:SS:FF. Throws
 * nothing: returns the problem as a sentence instead, so the API and the dialog say the same.
 */
export function normaliseSlateValue(field: SlateField, value: string | null): { value: string | null } | { problem: string } {
  const v = value?.trim() ?? '';
  if (v === '') return { value: null };
  if (v.length > SLATE_MAX_LENGTH) return { problem: `${SLATE_LABELS[field]} is longer than ${SLATE_MAX_LENGTH} characters` };
  if (field !== 'startTimecode') return { value: v };
  const tc = parseTimecode(v);
  return tc ? { value: formatTimecode(tc) } : { problem: `"${v}" is not a timecode: write HH:MM:SS:FF, e.g. 01:00:00:00` };
}

// ---- file name patterns ------------------------------------------------------------------------

/** The tokens a pattern may use: {scene} {take} {actor} {timecode}, and {*} for anything to skip. */
const TOKENS: Record<string, SlateField | null> = { scene: 'scene', take: 'captureTake', actor: 'actor', timecode: 'startTimecode', '*': null };

export interface NamePattern {
  readonly source: string;
  readonly regex: RegExp;
  readonly fields: readonly (SlateField | null)[];
}

/** Compiles "sc{scene}_tk{take}_{actor}" (case-insensitive, the whole name must match); a string problem when it is not a pattern. */
export function compileNamePattern(pattern: string): NamePattern | { problem: string } {
  const p = pattern.trim();
  if (!p) return { problem: 'the pattern is empty' };
  const fields: (SlateField | null)[] = [];
  let regex = '';
  let last = 0;
  for (const m of p.matchAll(/\{([^}]*)\}/g)) {
    const name = m[1]!.trim().toLowerCase();
    if (!(name in TOKENS)) return { problem: `unknown field {${m[1]}} in the pattern: use {scene}, {take}, {actor}, {timecode} or {*}` };
    const field = TOKENS[name]!;
    if (field && fields.includes(field)) return { problem: `{${name}} appears twice in the pattern` };
    regex += escapeRegex(p.slice(last, m.index));
    regex += field === 'startTimecode' ? '(\\d{1,2}[:;.\\-_]?\\d{2}[:;.\\-_]?\\d{2}[:;.\\-_]?\\d{2})' : '(.+?)';
    fields.push(field);
    last = m.index + m[0].length;
  }
  if (fields.every((f) => f === null)) return { problem: 'the pattern names no field: use {scene}, {take}, {actor} or {timecode}' };
  regex += escapeRegex(p.slice(last));
  return { source: p, regex: new RegExp(`^${regex}$`, 'i'), fields };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The slate fields `name` gives through the pattern (only those it names), or null when the name does not match. */
export function slateFromName(pattern: NamePattern, name: string): Partial<Slate> | null {
  const m = pattern.regex.exec(name);
  if (!m) return null;
  const out: Partial<Slate> = {};
  pattern.fields.forEach((field, i) => {
    if (!field) return;
    const r = normaliseSlateValue(field, m[i + 1] ?? null);
    if ('value' in r && r.value !== null) out[field] = r.value;
  });
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * The slate from the first of `names` the pattern matches (the shot name, then the capture's
 * folder or file names, without extensions), or null when none does.
 */
export function slateFromNames(pattern: NamePattern, names: readonly string[]): Partial<Slate> | null {
  for (const n of names) {
    const bare = n.replace(/\.[a-z0-9]{2,4}$/i, '');
    const got = slateFromName(pattern, bare) ?? (bare !== n ? slateFromName(pattern, n) : null);
    if (got) return got;
  }
  return null;
}

/** Text search over the slate: does any field contain `needle` (already lower-case)? */
export function slateMatches(slate: Slate, needle: string): boolean {
  return SLATE_FIELDS.some((f) => slate[f]?.toLowerCase().includes(needle) ?? false);
}
