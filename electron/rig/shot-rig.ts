// Which rig a shot uses, in one place: the file, its target → control mapping and the controls its
// curves are stored, solved, evaluated and exported in. Serving (the preview), the solve queue,
// the exporters and the API ask here rather than reaching for the default head themselves.
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../common/api/errors';
import type { RigMapping, ShotDetail } from '../common/api/schemas';
import { DEFAULT_CONTROL_NAMES } from '../common/controls';
import { loadRigFromGlb } from './load';
import { defaultRigPath, importRigFile } from './rig-file';
import type { Rig } from './types';
import { writeRigGlb } from './write-glb';

export interface ShotRig {
  /** The GLB: the shot's own (shot.setRig) or the default head. */
  readonly path: string;
  /** The shot's manual target → control mapping (null: names and ARKit aliases only). */
  readonly mapping: Readonly<RigMapping> | null;
  /** The default head shipped in resources/. */
  readonly isDefault: boolean;
  /** The controls, in the order curves are stored and models must solve. */
  readonly controls: readonly string[];
}

/**
 * Every rig, the default head and a studio's, is imported onto the default control set (its
 * targets mapped to those controls: rig/load.ts), so the controls are known without reading
 * the file.
 */
const RIG_CONTROLS: readonly string[] = DEFAULT_CONTROL_NAMES;

/** The default head, for work on no shot in particular (a model list without a shot, the demo's render). */
export function defaultShotRig(): ShotRig {
  return { path: defaultRigPath(), mapping: null, isDefault: true, controls: RIG_CONTROLS };
}

/** The rig `shot` uses. */
export function rigForShot(shot: Pick<ShotDetail, 'rigPath' | 'rigMapping'>): ShotRig {
  if (shot.rigPath === null) return defaultShotRig();
  return { path: shot.rigPath, mapping: shot.rigMapping, isDefault: false, controls: RIG_CONTROLS };
}

/** The rig as geometry (synthetic renders, evaluation), imported with its mapping. */
export async function loadShotRig(rig: ShotRig): Promise<Rig> {
  if (rig.isDefault) return loadRigFromGlb(await readDefaultHead(rig.path), rig.controls);
  return (await importRigFile(rig.path, rig.mapping ?? undefined)).rig;
}

/** Written GLBs of imported rigs, per (path, mtime, mapping): a few, most recent last. */
const written = new Map<string, Uint8Array>();
const CACHE_SIZE = 4;

/**
 * The rig as a GLB whose morph targets are named by control (the preview and the GLB export):
 * the default head as shipped; a studio rig imported with its mapping and written back out
 * (writeRigGlb), so readers need not know its original target names.
 */
export async function shotRigGlb(rig: ShotRig): Promise<Uint8Array> {
  if (rig.isDefault) return readDefaultHead(rig.path);
  const mtimeMs = (await stat(rig.path).catch(() => null))?.mtimeMs ?? -1;
  const key = JSON.stringify([rig.path, mtimeMs, rig.mapping ?? {}]);
  const hit = written.get(key);
  if (hit) {
    written.delete(key);
    written.set(key, hit);
    return hit;
  }
  const { rig: imported, mtimeMs: read } = await importRigFile(rig.path, rig.mapping ?? undefined);
  const bytes = await writeRigGlb(imported);
  written.set(JSON.stringify([rig.path, read, rig.mapping ?? {}]), bytes);
  while (written.size > CACHE_SIZE) written.delete(written.keys().next().value!);
  return bytes;
}

async function readDefaultHead(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    throw new AppError('internal', 'the default head rig is missing: run `npm run build:rig`');
  }
}
