// Edits of a shot's correction layer, as Theatre.js does them: every change is a transaction of
// operations; the main process stores each committed one with its inverse, so undo and redo are
// replays of stored patches and the history survives restarts. A drag is not a series of commits:
// the renderer rebuilds a temporary state from the drag's start on each move and commits once.
// The shot's camera field of view (setFov) is one of its edits too, so Ctrl+Z takes it back like a key.
import { z } from 'zod';
import { FOV_MAX_DEG, FOV_MIN_DEG } from './camera';
import type { FilterSpec } from './curves/filters';
import { KEY_MODES, TANGENT_TYPES, type Key } from './curves/keys';
import { HEAD_CHANNELS, keyValueLimit } from './head';

const HEAD_KEY_LIMIT = Math.max(...HEAD_CHANNELS.map(keyValueLimit));

const Slope = z.number().min(-1000).max(1000);

export const KeySchema = z.object({
  frame: z.number().int(),
  // The widest channel's range (the head's millimetres); each channel's own limit (a control's ±10) is checked against the shot (api/shot-input.ts).
  value: z.number().min(-HEAD_KEY_LIMIT).max(HEAD_KEY_LIMIT),
  interp: z.enum(['smooth', 'linear', 'step']),
  mode: z.enum(KEY_MODES).optional(),
  inTangent: z.enum(TANGENT_TYPES).optional(),
  outTangent: z.enum(TANGENT_TYPES).optional(),
  inSlope: Slope.optional(),
  outSlope: Slope.optional(),
  broken: z.boolean().optional(),
}) satisfies z.ZodType<Key>;

export const FilterSpecSchema = z.object({
  kind: z.enum(['none', 'oneEuro', 'gaussian', 'savitzkyGolay']),
  strength: z.number().min(0).max(1),
});

/** A filter applies to a region ('region:lips') or one control ('control:jawOpen'); the control's wins. */
export const FilterScope = z.string().regex(/^(region|control):[A-Za-z0-9_]+$/);

export const EditOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('setKeys'), control: z.string().min(1), keys: z.array(KeySchema).max(100_000) }),
  z.object({ op: z.literal('setFilter'), scope: FilterScope, filter: FilterSpecSchema.nullable() }),
  z.object({ op: z.literal('setFalloff'), frames: z.number().min(0).max(1000) }),
  /** The field of view of a shot without a camera file (null: the default lens). */
  z.object({ op: z.literal('setFov'), fovDeg: z.number().min(FOV_MIN_DEG).max(FOV_MAX_DEG).nullable() }),
]);
export type EditOp = z.infer<typeof EditOp>;

export const EditTransaction = z.object({ label: z.string().min(1).max(200), ops: z.array(EditOp).min(1).max(1000) });
export type EditTransaction = z.infer<typeof EditTransaction>;

/** The correction layer of a shot, as the curve editor and the exporters read it. */
export interface LayerState {
  keys: Record<string, Key[]>;
  filters: Record<string, FilterSpec>;
  falloff: number;
  /** The shot's field of view (shots.fov_deg; null: the default), where the state was read from a project; setFov edits it. */
  fovDeg?: number | null;
}

export const LayerStateSchema = z.object({
  keys: z.record(z.string(), z.array(KeySchema)),
  filters: z.record(z.string(), FilterSpecSchema),
  falloff: z.number(),
  fovDeg: z.number().nullable().optional(),
});

export const DEFAULT_FALLOFF = 8;

/** Applies operations to a state, returning a new state (the input is not changed). Pure. */
export function applyOps(state: LayerState, ops: readonly EditOp[]): LayerState {
  const next: LayerState = { ...state, keys: { ...state.keys }, filters: { ...state.filters } };
  for (const op of ops) {
    if (op.op === 'setKeys') {
      const sorted = [...op.keys].sort((a, b) => a.frame - b.frame);
      if (sorted.length === 0) delete next.keys[op.control];
      else next.keys[op.control] = sorted;
    } else if (op.op === 'setFilter') {
      if (op.filter === null) delete next.filters[op.scope];
      else next.filters[op.scope] = op.filter;
    } else if (op.op === 'setFalloff') next.falloff = op.frames;
    else next.fovDeg = op.fovDeg;
  }
  return next;
}

/** The operations that undo `ops` when applied after them to the state they were applied to. Pure. */
export function invertOps(before: LayerState, ops: readonly EditOp[]): EditOp[] {
  const inverse: EditOp[] = [];
  for (const op of ops) {
    if (op.op === 'setKeys') inverse.push({ op: 'setKeys', control: op.control, keys: before.keys[op.control] ?? [] });
    else if (op.op === 'setFilter') inverse.push({ op: 'setFilter', scope: op.scope, filter: before.filters[op.scope] ?? null });
    else if (op.op === 'setFalloff') inverse.push({ op: 'setFalloff', frames: before.falloff });
    else inverse.push({ op: 'setFov', fovDeg: before.fovDeg ?? null });
  }
  // Undo runs the inverses last-first, so a control touched twice ends as it began.
  return inverse.reverse();
}

/** The filter of a control: its own, else its region's, else none. */
export function filterFor(state: LayerState, control: string, region: string): FilterSpec {
  return state.filters[`control:${control}`] ?? state.filters[`region:${region}`] ?? { kind: 'none', strength: 0 };
}
