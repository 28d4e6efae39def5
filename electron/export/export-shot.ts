// Writing a shot's final curves to a file in one of the animation packages' formats. The formats
// are the registry's (common/export/formats.ts); this file adds their writers on the Node side.
import { join } from 'node:path';
import { AppError, badInput, notFound } from '../common/api/errors';
import { DEFAULT_TOLERANCE, EXPORT_FORMAT_NAMES, exportFileName, isExportFormat, type ExportFormatName } from '../common/export/formats';
import type { ProjectDb } from '../db/open';
import { getShot, listShots } from '../db/shots';
import { checkWriteTarget, safeWriteFile } from '../util/safe-write';
import { rigForShot, shotRigGlb } from '../rig/shot-rig';
import { toArkitCsv } from './arkit-csv';
import { toCsv } from './csv';
import type { CurvesTable } from './curves-table';
import { finalCurves } from './final-curves';
import { toAnimatedGlb } from './gltf-anim';
import { toJson } from './json';
import { toMayaAnim } from './maya-anim';

export interface ExportOptions {
  format: ExportFormatName;
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
  format: ExportFormatName;
  frames: number;
  controls: number;
  takeId: number;
  keysBefore: number;
  keysAfter: number;
  maxError: number;
}

interface Written {
  data: string | Uint8Array;
  /** Keys written, for keyed formats (the others keep a value per frame and control). */
  keysAfter: number | null;
  maxError: number;
}

interface WriteContext {
  tolerance: number;
  nodeName: string;
  /** The shot's rig as a GLB with control-named morph targets (read only by the formats that carry the rig). */
  rigGlb: () => Promise<Uint8Array>;
}

/** One writer per registry format: a format listed there without one here fails type-checking. */
const WRITERS: Record<ExportFormatName, (t: CurvesTable & { takeId: number }, c: WriteContext) => Written | Promise<Written>> = {
  csv: (t) => ({ data: toCsv(t), keysAfter: null, maxError: 0 }),
  json: (t) => ({ data: toJson(t, { takeId: t.takeId }), keysAfter: null, maxError: 0 }),
  arkit: (t) => ({ data: toArkitCsv(t).text, keysAfter: null, maxError: 0 }),
  anim: (t, c) => {
    const anim = toMayaAnim(t, { nodeName: c.nodeName, tolerance: c.tolerance });
    return { data: anim.text, keysAfter: anim.keysAfter, maxError: anim.maxError };
  },
  glb: async (t, c) => {
    const glb = await toAnimatedGlb(await c.rigGlb(), t, c.tolerance);
    return { data: glb.bytes, keysAfter: glb.keysAfter, maxError: glb.maxError };
  },
};

export async function exportShot(db: ProjectDb, shotId: number, opts: ExportOptions): Promise<ExportResult> {
  if (!isExportFormat(opts.format)) throw badInput(`unknown format "${opts.format}"; one of ${EXPORT_FORMAT_NAMES.join(', ')}`);
  const shot = getShot(db, shotId);
  if (!shot) throw notFound(`no shot with id ${shotId}`);
  await checkWriteTarget(opts.out); // a bad target is refused before the curves are computed
  const table = finalCurves(db, shotId, { takeId: opts.takeId ?? null, range: opts.range ?? null });
  const frames = table.values[0]?.length ?? 0;
  const dense = frames * table.controls.length;
  const written = await WRITERS[opts.format](table, {
    tolerance: opts.tolerance ?? DEFAULT_TOLERANCE,
    nodeName: opts.nodeName ?? 'blendShape1',
    rigGlb: () => shotRigGlb(rigForShot(shot)),
  });
  // Through the safe writer: never half a file, never onto a device, FIFO, folder or /proc.
  await safeWriteFile(opts.out, written.data);
  return {
    path: opts.out,
    format: opts.format,
    frames,
    controls: table.controls.length,
    takeId: table.takeId,
    keysBefore: dense,
    keysAfter: written.keysAfter ?? dense,
    maxError: written.maxError,
  };
}

export interface BatchExportResult {
  exported: (ExportResult & { shot: string })[];
  failed: { shot: string; message: string }[];
}

/** Every approved shot of the project into a folder; one shot's failure does not stop the others. */
export async function exportApproved(
  db: ProjectDb,
  opts: { format: ExportFormatName; outDir: string; tolerance?: number; onProgress?: (done: number, total: number) => void },
): Promise<BatchExportResult> {
  const shots = listShots(db).filter((s) => s.status === 'approved');
  const result: BatchExportResult = { exported: [], failed: [] };
  for (const [i, shot] of shots.entries()) {
    try {
      const r = await exportShot(db, shot.id, {
        format: opts.format,
        out: join(opts.outDir, exportFileName(shot.name, opts.format)),
        ...(opts.tolerance !== undefined ? { tolerance: opts.tolerance } : {}),
      });
      result.exported.push({ ...r, shot: shot.name });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result.failed.push({ shot: shot.name, message: err.message });
    }
    opts.onProgress?.(i + 1, shots.length);
  }
  return result;
}
