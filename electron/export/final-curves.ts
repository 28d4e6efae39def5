// A shot's final curves as the animator sees them, for every exporter:
//   final = clamp(filter(raw take) + correction keys), the same function the curve editor draws,
// the rig's controls first, then the take's head channels (common/head.ts) when it has them.
import { badInput, notFound } from '../common/api/errors';
import { DEFAULT_CONTROLS } from '../common/controls';
import { evaluateControl } from '../common/curves/evaluate';
import { filterFor } from '../common/edits';
import { channelRange, channelScale, HEAD_CHANNELS, HEAD_GROUP, isHeadChannel } from '../common/head';
import { readLayer } from '../db/layers';
import type { ProjectDb } from '../db/open';
import { getShot } from '../db/shots';
import { activeTakeId, getTake, readCurves } from '../db/takes';
import { rigForShot } from '../rig/shot-rig';
import type { CurvesTable } from './curves-table';

/** A control's region, for its region filter (the default set's regions; a control they lack has none). */
const REGIONS = new Map(DEFAULT_CONTROLS.map((c) => [c.name, c.region]));

export interface FinalCurvesOptions {
  /** A take other than the shot's active one. */
  takeId?: number | null;
  /** Inclusive frame range inside the shot; the whole shot by default. */
  range?: { from: number; to: number } | null;
  /** Raw take only, no filters or corrections (for comparing takes). */
  raw?: boolean;
  /** The head channels after the controls, when the take has them (default true); false leaves them out. */
  head?: boolean;
}

export function finalCurves(db: ProjectDb, shotId: number, opts: FinalCurvesOptions = {}): CurvesTable & { takeId: number } {
  const shot = getShot(db, shotId);
  if (!shot) throw notFound(`no shot with id ${shotId}`);
  const takeId = opts.takeId ?? activeTakeId(db, shotId);
  if (takeId === null) throw badInput(`shot "${shot.name}" has not been solved yet`);
  const take = getTake(db, takeId);
  if (!take || take.shotId !== shotId) throw notFound(`shot "${shot.name}" has no take ${takeId}`);
  if (take.state !== 'complete') throw badInput(`take ${takeId} is not complete (${take.state})`);
  const first = shot.firstFrame!;
  const last = shot.lastFrame!;
  const from = opts.range?.from ?? first;
  const to = opts.range?.to ?? last;
  // The API reaches this too: a reversed range is said to be reversed, not "outside".
  if (from > to) throw badInput(`range ${from}-${to} ends before it starts: give the first frame, then the last (${to}-${from})`);
  if (from < first || to > last) throw badInput(`range ${from}-${to} is outside the shot (${first}-${last})`);
  const raw = readCurves(db, takeId);
  const layer = readLayer(db, shotId);
  const controls: string[] = [];
  const values: Float32Array[] = [];
  // The rig's controls, then the head's six (common/head.ts) when the take has them: each with its
  // own range (0…1, degrees, mm) and its group's filter (region:head for the head).
  const head = opts.head === false ? [] : HEAD_CHANNELS.filter((h) => raw.has(h));
  for (const name of [...rigForShot(shot).controls, ...head]) {
    const curve = raw.get(name);
    if (!curve) continue;
    const group = REGIONS.get(name) ?? (isHeadChannel(name) ? HEAD_GROUP : 'other');
    controls.push(name);
    values.push(
      opts.raw
        ? curve.slice(from - first, to - first + 1)
        : evaluateControl(
            {
              raw: curve,
              filter: filterFor(layer, name, group),
              keys: layer.keys[name] ?? [],
              falloff: layer.falloff,
              ...channelRange(name),
              scale: channelScale(name),
            },
            { shotFirst: first, from, to },
            shot.fps,
          ),
    );
  }
  return { shotName: shot.name, fps: shot.fps, firstFrame: from, controls, values, takeId };
}
