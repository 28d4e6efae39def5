// Writing a shot's final curves to a file in one of the animation packages' formats.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { join } from 'node:path';
import { AppError, badInput } from '../common/api/errors';
import { listShots } from '../db/shots';
import type { ProjectDb } from '../db/open';
import { toArkitCsv } from './arkit-csv';
import { toCsv } from './csv';
import { defaultRigPath } from '../frames/serve-rig';
import { toAnimatedGlb } from './gltf-anim';
import { finalCurves } from './final-curves';
import { toJson } from './json';
import { toMayaAnim } from './maya-anim';

export const EXPORT_FORMATS = ['csv', 'json', 'anim', 'arkit', 'glb'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const DEFAULT_TOLERANCE = 0.002;

export interface ExportOptions {
  format: ExportFormat;
  out: string;
  /** Value tolerance for key reduction (formats with keys); 0 keeps every frame. */
  tolerance?: number;
  range?: { from: number; to: number } | null;
  takeId?: number | null;
  /** Maya: the node the curves go on. */
  nodeName?: string;
}

export interface ExportResult {
  path: string;
  format: ExportFormat;
  frames: number;
  controls: number;
  takeId: number;
  keysBefore: number;
  keysAfter: number;
  maxError: number;
}

export async function exportShot(db: ProjectDb, shotId: number, opts: ExportOptions): Promise<ExportResult> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) throw badInput(`unknown format "${opts.format}"; one of ${EXPORT_FORMATS.join(', ')}`);
  const table = finalCurves(db, shotId, { takeId: opts.takeId ?? null, range: opts.range ?? null });
  const frames = table.values[0]?.length ?? 0;
  const dense = frames * table.controls.length;
  let text: string | Uint8Array;
  let keysAfter = dense;
  let maxError = 0;
  if (opts.format === 'glb') {
    const glb = await toAnimatedGlb(new Uint8Array(await readFile(defaultRigPath())), table, opts.tolerance ?? DEFAULT_TOLERANCE);
    text = glb.bytes;
    keysAfter = glb.keysAfter;
    maxError = glb.maxError;
  } else if (opts.format === 'csv') text = toCsv(table);
  else if (opts.format === 'json') text = toJson(table, { takeId: table.takeId });
  else if (opts.format === 'arkit') text = toArkitCsv(table).text;
  else {
    const anim = toMayaAnim(table, { nodeName: opts.nodeName ?? 'blendShape1', tolerance: opts.tolerance ?? DEFAULT_TOLERANCE });
    text = anim.text;
    keysAfter = anim.keysAfter;
    maxError = anim.maxError;
  }
  // Written beside and renamed: an export never leaves half a file where the old one was.
  await mkdir(dirname(opts.out), { recursive: true });
  const tmp = `${opts.out}.partial`;
  await writeFile(tmp, text);
  await rename(tmp, opts.out);
  return { path: opts.out, format: opts.format, frames, controls: table.controls.length, takeId: table.takeId, keysBefore: dense, keysAfter, maxError };
}

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', json: 'json', anim: 'anim', arkit: 'arkit.csv', glb: 'glb' };

export function exportFileName(shotName: string, format: ExportFormat): string {
  return `${shotName.replace(/[^A-Za-z0-9._-]+/g, '_') || 'shot'}.${EXTENSIONS[format]}`;
}

export interface BatchExportResult {
  exported: (ExportResult & { shot: string })[];
  failed: { shot: string; message: string }[];
}

/** Every approved shot of the project into a folder; one shot's failure does not stop the others. */
export async function exportApproved(db: ProjectDb, opts: { format: ExportFormat; outDir: string; tolerance?: number; onProgress?: (done: number, total: number) => void }): Promise<BatchExportResult> {
  const shots = listShots(db).filter((s) => s.status === 'approved');
  const result: BatchExportResult = { exported: [], failed: [] };
  for (const [i, shot] of shots.entries()) {
    try {
      const r = await exportShot(db, shot.id, { format: opts.format, out: join(opts.outDir, exportFileName(shot.name, opts.format)), ...(opts.tolerance !== undefined ? { tolerance: opts.tolerance } : {}) });
      result.exported.push({ ...r, shot: shot.name });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result.failed.push({ shot: shot.name, message: err.message });
    }
    opts.onProgress?.(i + 1, shots.length);
  }
  return result;
}
