// The models the app can solve with: the bundled models/ folder and the user's models folder.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadModelInfo, controlMismatch, type ModelInfo } from './manifest';
import { appRoot } from '../util/app-root';

export const DEFAULT_MODEL_FILE = 'rigsolve-default.onnx';

export interface CatalogEntry {
  path: string;
  source: 'bundled' | 'user';
  info: ModelInfo | null;
  /** Why the model cannot be used (invalid file or manifest), or null. */
  error: string | null;
}

export function bundledModelsDir(): string {
  return join(appRoot(), 'models');
}

export function defaultModelPath(): string {
  return join(bundledModelsDir(), DEFAULT_MODEL_FILE);
}

export async function listModels(userDir: string | null): Promise<CatalogEntry[]> {
  const dirs: [string, 'bundled' | 'user'][] = [[bundledModelsDir(), 'bundled']];
  if (userDir) dirs.push([userDir, 'user']);
  const entries: CatalogEntry[] = [];
  for (const [dir, source] of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.toLowerCase().endsWith('.onnx')).sort()) {
      const path = join(dir, name);
      try {
        entries.push({ path, source, info: await loadModelInfo(path), error: null });
      } catch (err) {
        entries.push({ path, source, info: null, error: (err as Error).message });
      }
    }
  }
  return entries;
}

export { controlMismatch };
