// What the API accepts as a shot's data, checked against the shot itself and not only the schema:
// keys on the controls of the shot's rig, at frames of the shot (with a margin), finite values,
// bounded sizes. The handlers of both hosts call these, so Electron and the browser host agree.
import { badInput } from '../common/api/errors';
import type { RigMapping, ShotDetail } from '../common/api/schemas';
import { REGIONS } from '../common/controls';
import { HEAD_CHANNELS, HEAD_GROUP, channelUnit, keyValueLimit } from '../common/head';
import type { EditTransaction } from '../common/edits';
import { CAMERA_FILE } from '../common/camera';
import { rigForShot } from '../rig/shot-rig';

/**
 * Keys may sit this many frames beyond either end of the shot: room for a key that shapes the
 * curve into the first or last frame (a handle), or a drag or paste that runs a little past the
 * end. Farther out a key is a mistake or a flood, and only grows the project.
 */
export const KEY_FRAME_MARGIN = 100;

/** Keys one transaction may carry in all (a dense key on every control of a 2,000-frame shot). */
export const MAX_KEYS_PER_TRANSACTION = 200_000;

/** Entries of a rig's manual mapping (a rig has one per morph target: hundreds, not thousands). */
export const MAX_MAPPING_ENTRIES = 5_000;

/** Filter scopes: the rig's regions and the head's group (region:head). */
const REGION_NAMES: ReadonlySet<string> = new Set([...REGIONS, HEAD_GROUP]);

/** The frames a key of `shot` may sit at, or null when the shot has no frames yet. */
export function keyFrameBounds(shot: Pick<ShotDetail, 'firstFrame' | 'lastFrame'>): { lo: number; hi: number } | null {
  if (shot.firstFrame === null || shot.lastFrame === null) return null;
  return { lo: shot.firstFrame - KEY_FRAME_MARGIN, hi: shot.lastFrame + KEY_FRAME_MARGIN };
}

/** Refuses (badInput, nothing written) a transaction that does not fit `shot`. */
export function checkEditTransaction(shot: ShotDetail, tx: EditTransaction): void {
  // Every shot's channels: its rig's controls and the head's six (common/head.ts), keyed and filtered alike.
  const rigControls = rigForShot(shot).controls;
  const controls = new Set([...rigControls, ...HEAD_CHANNELS]);
  const rigName = shot.rigPath === null ? 'the default head' : 'its rig';
  const unknownControl = (name: string): Error =>
    badInput(`"${name}" is not a control of shot "${shot.name}" (${rigName} has ${rigControls.length} controls, e.g. jawOpen); nothing was changed`);
  const bounds = keyFrameBounds(shot);
  let total = 0;
  for (const op of tx.ops) {
    if (op.op === 'setKeys') {
      if (!controls.has(op.control)) throw unknownControl(op.control);
      if (op.keys.length === 0) continue;
      if (!bounds) throw badInput(`shot "${shot.name}" has no frames yet: there is nothing to key; nothing was changed`);
      total += op.keys.length;
      if (total > MAX_KEYS_PER_TRANSACTION) {
        throw badInput(`one edit may carry at most ${MAX_KEYS_PER_TRANSACTION.toLocaleString('en')} keys; split it; nothing was changed`);
      }
      checkKeys(shot, bounds, op.control, op.keys);
    } else if (op.op === 'setFilter') {
      const [kind, name] = op.scope.split(':') as [string, string];
      if (kind === 'control' && !controls.has(name)) throw unknownControl(name);
      if (kind === 'region' && !REGION_NAMES.has(name)) {
        throw badInput(`"${name}" is not a region (${[...REGIONS, HEAD_GROUP].join(', ')}); nothing was changed`);
      }
      if (op.filter && !Number.isFinite(op.filter.strength)) throw badInput(`the filter strength on ${op.scope} is not a number; nothing was changed`);
    } else if (op.op === 'setFalloff') {
      if (!Number.isFinite(op.frames)) throw badInput('the falloff is not a number of frames; nothing was changed');
    } else if (shot.camera) throw fovRefusal(shot, shot.camera);
  }
}

/** A shot whose capture's camera file gives its lens has no field of view to set by hand. */
export function fovRefusal(shot: Pick<ShotDetail, 'name'>, camera: NonNullable<ShotDetail['camera']>): Error {
  return badInput(
    `shot "${shot.name}" has its camera from its capture's ${CAMERA_FILE} (a ${camera.focalMm.toFixed(1)} mm lens): ` +
      'its field of view is not set by hand; nothing was changed',
  );
}

function checkKeys(shot: ShotDetail, bounds: { lo: number; hi: number }, control: string, keys: readonly { frame: number; value: number }[]): void {
  // The schema already refuses these; checked again because a host that skipped it must not store them.
  const seen = new Set<number>();
  let outLo = Infinity;
  let outHi = -Infinity;
  let outside = 0;
  for (const k of keys) {
    if (!Number.isInteger(k.frame)) throw badInput(`a key on "${control}" is at frame ${k.frame}, not a whole frame; nothing was changed`);
    if (!Number.isFinite(k.value)) throw badInput(`a key on "${control}" at frame ${k.frame} has no finite value (${k.value}); nothing was changed`);
    if (Math.abs(k.value) > keyValueLimit(control)) {
      const unit = channelUnit(control);
      const u = unit ? ` ${unit}` : '';
      throw badInput(`a key on "${control}" at frame ${k.frame} is ${k.value}${u}, beyond ±${keyValueLimit(control)}${u}; nothing was changed`);
    }
    if (seen.has(k.frame)) throw badInput(`two keys on "${control}" at frame ${k.frame}; nothing was changed`);
    seen.add(k.frame);
    if (k.frame < bounds.lo || k.frame > bounds.hi) {
      outside++;
      outLo = Math.min(outLo, k.frame);
      outHi = Math.max(outHi, k.frame);
    }
  }
  if (outside > 0) {
    const where = outside === 1 ? `a key at frame ${outLo} on "${control}" falls` : `${outside} keys at frames ${outLo}–${outHi} on "${control}" fall`;
    const shotFrames = `frames ${shot.firstFrame}–${shot.lastFrame}`;
    const allowed = `keys may sit up to ${KEY_FRAME_MARGIN} frames beyond either end, ${bounds.lo}–${bounds.hi}`;
    throw badInput(`${where} outside shot "${shot.name}" (${shotFrames}; ${allowed}); nothing was changed`);
  }
}

/** A rig's manual mapping: bounded (its targets are checked against the rig when it is imported). */
export function checkRigMapping(mapping: RigMapping | undefined): void {
  if (mapping && Object.keys(mapping).length > MAX_MAPPING_ENTRIES) {
    throw badInput(`a rig mapping may hold at most ${MAX_MAPPING_ENTRIES.toLocaleString('en')} targets; nothing was changed`);
  }
}
