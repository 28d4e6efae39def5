// The shipped default head, loaded the way every other rig is (electron/rig's GLB loader).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadRigFromGlb } from '../../rig/load';
import type { Rig } from '../../rig/types';
import { appRoot } from '../../util/app-root';

export function defaultHeadPath(): string {
  return join(appRoot(), 'resources', 'rigs', 'default-head.glb');
}

export async function loadDefaultRig(): Promise<Rig> {
  return loadRigFromGlb(new Uint8Array(await readFile(defaultHeadPath())));
}
