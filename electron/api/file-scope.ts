// Which folders the API's file-system channels may reach. The Electron app serves its own user
// and has no scope (full access); `rigsolve serve` is reached by anyone with its link, so its
// channels that read or write paths stay inside the folders the person who started it allowed:
// the project's folder and each `--allow DIR`. Checked once, in dispatch, for every channel.
import { realpathSync, statSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ChannelName } from '../common/api/contract';
import { badInput, forbidden } from '../common/api/errors';
import { truthBeside } from '../capture/curves-take';
import { bundledModelsDir } from '../solver/models-catalog';

export interface FileScope {
  /** The allowed folders, resolved through symlinks; the first is where the folder picker opens. */
  readonly roots: readonly string[];
}

/** A scope of existing folders (badInput, naming it, for one that is not a folder). */
export function fileScope(dirs: readonly string[]): FileScope {
  const roots: string[] = [];
  for (const dir of dirs) {
    let real: string;
    try {
      real = realpathSync(resolve(dir));
    } catch {
      throw badInput(`cannot allow ${resolve(dir)}: no such folder`);
    }
    if (!statSync(real).isDirectory()) throw badInput(`cannot allow ${resolve(dir)}: not a folder`);
    if (!roots.includes(real)) roots.push(real);
  }
  return { roots };
}

/** Whether `path` (already resolved through symlinks) is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The path as the file system will reach it: its deepest existing ancestor resolved through
 * symlinks, the rest appended (a new export file, a project not created yet). A symlink inside an
 * allowed folder that points out of it is therefore outside.
 */
async function realTarget(path: string): Promise<string> {
  let head = resolve(path);
  const tail: string[] = [];
  for (;;) {
    try {
      return join(await realpath(head), ...tail.reverse());
    } catch {
      const up = dirname(head);
      if (up === head) return resolve(path);
      tail.push(basename(head));
      head = up;
    }
  }
}

interface PathArg {
  path: string;
  /** Folders this path may also be in (solver models: the bundled and the user's models folders). */
  also?: readonly (string | null)[];
}

type PathsOf = (args: Record<string, unknown>, userModelsDir: string | null) => PathArg[];

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const only = (...paths: (string | null)[]): PathArg[] => paths.filter((p): p is string => p !== null).map((path) => ({ path }));

/**
 * Every channel that takes a path, and the paths it reads or writes. A channel not listed takes
 * none (a test holds every channel with a path-like argument to this list).
 */
export const PATH_CHANNELS: Partial<Record<ChannelName, PathsOf>> = {
  'project.open': (a) => only(str(a.path)),
  'capture.import': (a) => {
    const rgb = str(a.rgbSource);
    return only(rgb, str(a.normalSource), str(a.curvesPath), a.truthTake === true && rgb ? truthBeside(resolve(rgb)) : null);
  },
  'fs.listDir': (a) => only(str(a.path)),
  'export.shot': (a) => only(str(a.out)),
  'export.approved': (a) => only(str(a.outDir)),
  'dailies.render': (a) => only(str(a.out)),
  'rig.inspect': (a) => only(str(a.path)),
  'shot.setRig': (a) => only(str(a.path)),
  'solve.start': (a, userModelsDir) => {
    const model = str(a.modelPath);
    return model ? [{ path: model, also: [bundledModelsDir(), userModelsDir] }] : [];
  },
};

/** Refuses (forbidden) a call whose paths reach outside the scope; no scope, no check. */
export async function checkPaths(scope: FileScope | null, channel: ChannelName, args: unknown, userModelsDir: string | null): Promise<void> {
  const of = PATH_CHANNELS[channel];
  if (!scope || !of) return;
  for (const arg of of(args as Record<string, unknown>, userModelsDir)) {
    const target = await realTarget(arg.path);
    if (scope.roots.some((r) => isInside(r, target))) continue;
    const extra = await Promise.all((arg.also ?? []).filter((d): d is string => d !== null).map((d) => realTarget(d)));
    if (extra.some((r) => isInside(r, target))) continue;
    throw forbidden(
      `${channel}: ${resolve(arg.path)} is outside the folders this server may use (${scope.roots.join(', ')}); ` +
        'whoever started `rigsolve serve` can add one with --allow DIR',
    );
  }
}
