// A pose library, Faceware-style: a region's final values at one frame, saved under a name and
// applied later as keys that bring that region back to those values. Kept per machine (an
// animator's library follows them across shots and projects).
import { isNumber, readPref, writePref } from './prefs';

export interface Pose {
  id: string;
  name: string;
  region: string;
  values: Record<string, number>;
}

function isPose(v: unknown): v is Pose {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return (
    typeof p.id === 'string' &&
    typeof p.name === 'string' &&
    typeof p.region === 'string' &&
    typeof p.values === 'object' &&
    p.values !== null &&
    Object.values(p.values).every(isNumber)
  );
}

const isPoseList = (v: unknown): v is Pose[] => Array.isArray(v) && v.every(isPose);

export function loadPoses(): Pose[] {
  return readPref('curves.poses', [], isPoseList);
}

export function savePoses(poses: readonly Pose[]): void {
  writePref('curves.poses', poses);
}

/** A pose of `names` from their values (rounded to what the eye can tell apart). */
export function capturePose(
  name: string,
  region: string,
  names: readonly string[],
  valueOf: (name: string) => number,
  id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`,
): Pose {
  const values: Record<string, number> = {};
  for (const n of names) values[n] = Math.round(valueOf(n) * 10000) / 10000;
  return { id, name: name.trim() || 'Pose', region, values };
}

/** Adds or replaces (same name and region) a pose. */
export function upsertPose(poses: readonly Pose[], pose: Pose): Pose[] {
  return [...poses.filter((p) => !(p.region === pose.region && p.name === pose.name)), pose];
}
