// The in-app folder picker's listing (the same in both hosts; the browser host has no native dialog).
import { readdir, realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { badInput } from '../common/api/errors';
import type { DirListing } from '../common/api/schemas';
import { isImageName, isVideoName } from '../capture/sequence';
import { isInside, type FileScope } from './file-scope';

const COUNT_LIMIT = 100_000;

/** Lists `path` (the home folder, or the scope's first folder, when null); dispatch has checked the path against the scope. */
export async function listDir(path: string | null, scope: FileScope | null = null): Promise<DirListing> {
  const dir = resolve(path ?? scope?.roots[0] ?? homedir());
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    throw badInput(`cannot read folder ${dir}`);
  }
  const visible = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  const dirs = await Promise.all(
    visible
      .filter((e) => e.isDirectory())
      .map(async (e) => ({ name: e.name, path: join(dir, e.name), kind: 'dir' as const, mediaCount: await countMedia(join(dir, e.name)) })),
  );
  const files = visible
    .filter((e) => e.isFile() && (isImageName(e.name) || isVideoName(e.name)))
    .map((e) => ({ name: e.name, path: join(dir, e.name), kind: 'file' as const, mediaCount: null }));
  const parent = dirname(dir);
  // Within a scope the picker goes no higher than an allowed folder: the parent would be refused.
  const realParent = dirname(await realpath(dir).catch(() => dir));
  const reachable = parent !== dir && (!scope || scope.roots.some((r) => isInside(r, realParent)));
  return { path: dir, parent: reachable ? parent : null, entries: [...dirs, ...files] };
}

async function countMedia(dir: string): Promise<number | null> {
  try {
    const names = await readdir(dir);
    let n = 0;
    for (const name of names.slice(0, COUNT_LIMIT)) if (isImageName(name) || isVideoName(name)) n++;
    return n;
  } catch {
    return null;
  }
}
