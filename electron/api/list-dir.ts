// The in-app folder picker's listing (the same in both hosts; the browser host has no native dialog).
import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { badInput } from '../common/api/errors';
import type { DirListing } from '../common/api/schemas';
import { isImageName, isVideoName } from '../capture/sequence';

const COUNT_LIMIT = 100_000;

export async function listDir(path: string | null): Promise<DirListing> {
  const dir = resolve(path ?? homedir());
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
  return { path: dir, parent: parent === dir ? null : parent, entries: [...dirs, ...files] };
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
