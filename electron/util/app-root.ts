// The app's root folder (where package.json, models/ and resources/ are), whether running from
// source under tsx, from the esbuild bundle in dist/electron, or packaged (resources unpacked).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function appRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return (cached = dir);
    dir = dirname(dir);
  }
  return (cached = process.cwd());
}

export function rendererDistDir(): string {
  return join(appRoot(), 'dist', 'renderer');
}
