// Writing a shot's final curves to a file in one of the animation packages' formats. The formats
// are the registry's (common/export/formats.ts); this file adds their writers on the Node side.
import { join } from 'node:path';
import { AppError, badInput, notFound } from '../common/api/errors';
import { EXPORT_FORMAT_NAMES, exportFileName, isExportFormat, type ExportFormatName } from '../common/export/formats';
import { DEFAULT_EXPORT_SETTINGS, resolvedSettings, timecodeOffsetFrames, type ExportSettings } from '../common/export/options';
import { parseTimecode, timecodeToFrames } from '../common/timecode';
import type { ProjectDb } from '../db/open';
import type { ShotDetail } from '../common/api/schemas';
import { getShot, listShots } from '../db/shots';
import { checkWriteTarget, safeWriteFile } from '../util/safe-write';
import { isHeadChannel } from '../common/head';
import type { Vec3 } from '../common/mesh/framing';
import { rigHeadPivot } from '../rig/landmarks';
import { loadShotRig, rigForShot, shotRigGlb } from '../rig/shot-rig';
import { toArkitCsv } from './arkit-csv';
import { toCsv } from './csv';
import type { CurvesTable } from './curves-table';
import { finalCurves } from './final-curves';
import { toAnimatedGlb } from './gltf-anim';
import { toJson } from './json';
import { toMayaAnim } from './maya-anim';
import { rememberExport } from './remembered';

/** One shot's export: the shared settings (common/export/options.ts) plus its take, frames and file. */
export interface ExportOptions extends Partial<ExportSettings> {
  format: ExportFormatName;
  out: string;
  range?: { from: number; to: number } | null;
  takeId?: number | null;
}

export interface ExportResult {
  path: string;
  format: ExportFormatName;
  frames: number;
  controls: number;
  takeId: number;
  /** The head's motion went out too (the take has it and it was not left out). */
  headMotion: boolean;
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
  /** The node the head's motion goes on (.anim, glTF), and where the rig's head turns (glTF). */
  headNode: string;
  headPivot: () => Promise<Vec3>;
}

/** One writer per registry format: a format listed there without one here fails type-checking. */
const WRITERS: Record<ExportFormatName, (t: CurvesTable & { takeId: number }, c: WriteContext) => Written | Promise<Written>> = {
  csv: (t) => ({ data: toCsv(t), keysAfter: null, maxError: 0 }),
  json: (t) => ({ data: toJson(t, { takeId: t.takeId }), keysAfter: null, maxError: 0 }),
  arkit: (t) => ({ data: toArkitCsv(t).text, keysAfter: null, maxError: 0 }),
  anim: (t, c) => {
    const anim = toMayaAnim(t, { nodeName: c.nodeName, tolerance: c.tolerance, headNode: c.headNode });
    return { data: anim.text, keysAfter: anim.keysAfter, maxError: anim.maxError };
  },
  glb: async (t, c) => {
    const glb = await toAnimatedGlb(await c.rigGlb(), t, c.tolerance, { node: c.headNode, pivot: await c.headPivot() });
    return { data: glb.bytes, keysAfter: glb.keysAfter, maxError: glb.maxError };
  },
};

export async function exportShot(db: ProjectDb, shotId: number, opts: ExportOptions): Promise<ExportResult> {
  if (!isExportFormat(opts.format)) throw badInput(`unknown format "${opts.format}"; one of ${EXPORT_FORMAT_NAMES.join(', ')}`);
  const shot = getShot(db, shotId);
  if (!shot) throw notFound(`no shot with id ${shotId}`);
  await checkWriteTarget(opts.out); // a bad target is refused before the curves are computed
  const settings: ExportSettings = { ...DEFAULT_EXPORT_SETTINGS, ...definedSettings(opts) };
  const resolved = resolvedSettings(settings);
  const table = renumbered(finalCurves(db, shotId, { takeId: opts.takeId ?? null, range: opts.range ?? null, head: resolved.headMotion }), shot, resolved);
  const frames = table.values[0]?.length ?? 0;
  const dense = frames * table.controls.length;
  const written = await WRITERS[opts.format](table, {
    tolerance: resolved.tolerance,
    nodeName: resolved.nodeName,
    rigGlb: () => shotRigGlb(rigForShot(shot)),
    headNode: resolved.headNode,
    headPivot: async () => rigHeadPivot(await loadShotRig(rigForShot(shot))),
  });
  // Through the safe writer: never half a file, never onto a device, FIFO, folder or /proc.
  await safeWriteFile(opts.out, written.data);
  rememberExport(db, { format: opts.format, ...settings });
  return {
    path: opts.out,
    format: opts.format,
    frames,
    controls: table.controls.filter((c) => !isHeadChannel(c)).length,
    headMotion: table.controls.some(isHeadChannel),
    takeId: table.takeId,
    keysBefore: dense,
    keysAfter: written.keysAfter ?? dense,
    maxError: written.maxError,
  };
}

/** The settings given (undefined ones left to the defaults). */
function definedSettings(opts: Partial<ExportSettings>): Partial<ExportSettings> {
  const out: Partial<ExportSettings> = {};
  if (opts.tolerance !== undefined) out.tolerance = opts.tolerance;
  if (opts.nodeName !== undefined) out.nodeName = opts.nodeName;
  if (opts.startFrame !== undefined) out.startFrame = opts.startFrame;
  if (opts.timecodeOffset !== undefined) out.timecodeOffset = opts.timecodeOffset;
  if (opts.headMotion !== undefined) out.headMotion = opts.headMotion;
  if (opts.headNode !== undefined) out.headNode = opts.headNode;
  return out;
}

/**
 * The frame numbers and timecode the export writes: the first exported frame numbered startFrame
 * (the shot's own number otherwise); its timecode the shot's (its slate start timecode counted on,
 * or its frame number counted from 00:00:00:00) moved by the offset.
 */
function renumbered(
  table: CurvesTable & { takeId: number },
  shot: Pick<ShotDetail, 'startTimecode' | 'firstFrame'>,
  s: { startFrame: number | null; timecodeOffset: string | null },
): CurvesTable & { takeId: number } {
  let offset: number;
  try {
    offset = timecodeOffsetFrames(s.timecodeOffset, table.fps);
  } catch (err) {
    throw badInput((err as Error).message);
  }
  const slate = shot.startTimecode ? parseTimecode(shot.startTimecode, table.fps) : null;
  const own = slate ? timecodeToFrames(slate, table.fps) + table.firstFrame - (shot.firstFrame ?? table.firstFrame) : table.firstFrame;
  const firstTimecode = own + offset;
  if (firstTimecode < 0) throw badInput(`timecode offset ${s.timecodeOffset} moves the first frame's timecode before 00:00:00:00`);
  return { ...table, firstFrame: s.startFrame ?? table.firstFrame, firstTimecode };
}

export interface BatchExportResult {
  exported: (ExportResult & { shot: string })[];
  failed: { shot: string; message: string }[];
}

/** Every approved shot of the project into a folder; one shot's failure does not stop the others. */
export async function exportApproved(
  db: ProjectDb,
  opts: Partial<ExportSettings> & { format: ExportFormatName; outDir: string; onProgress?: (done: number, total: number) => void },
): Promise<BatchExportResult> {
  const shots = listShots(db).filter((s) => s.status === 'approved');
  const result: BatchExportResult = { exported: [], failed: [] };
  for (const [i, shot] of shots.entries()) {
    try {
      const r = await exportShot(db, shot.id, {
        format: opts.format,
        out: join(opts.outDir, exportFileName(shot.name, opts.format)),
        ...definedSettings(opts),
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
