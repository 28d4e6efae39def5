// Loading the rig a command works on: the default head, or a GLB the user names.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadRigFromGlb } from '../rig/load';
import { defaultRigPath } from '../rig/rig-file';
import type { Rig } from '../rig/types';
import { UsageError } from './args';

export async function loadRigFile(path: string | undefined): Promise<Rig> {
  const file = path ?? defaultRigPath();
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new UsageError(path ? `rig not found: ${path}` : `the default head is missing (${file}): run npm run build:rig`);
  }
  try {
    // Onto the default control set, as every rig is imported (rig/shot-rig.ts).
    return await loadRigFromGlb(new Uint8Array(bytes));
  } catch (err) {
    throw new UsageError(`${basename(file)}: ${(err as Error).message.split('\n')[0]}`);
  }
}
