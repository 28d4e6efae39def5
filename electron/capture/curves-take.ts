// Curves that come with a capture (a synthetic shot's truth.csv, an ARKit/Live Link recording)
// become a take of the shot when the user asks for it, so the preview can play them and solves can
// be compared with them. Such a take is named for what it is ("ground truth (truth.csv)"), so it is
// never mistaken for a solve.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { badInput } from '../common/api/errors';
import { fillGaps } from '../common/curves/fill';
import { HEAD_CHANNELS, type HeadMotionInfo } from '../common/head';
import type { ProjectDb } from '../db/open';
import { getShot } from '../db/shots';
import { completeTake, createTake, listTakes, setActiveTake, type TakeRecord } from '../db/takes';
import { defaultShotRig, rigForShot } from '../rig/shot-rig';
import { curvesToWeights, headFromCurves, parseCurvesCsv } from './curves-csv';

export const CURVES_TAKE_MODEL = 'curves-file';

/** The file a synthetic shot (`rigsolve synth-shot`) keeps its truth in, beside rgb/. */
export const TRUTH_FILE = 'truth.csv';

/** 'truth': the capture's ground truth, for comparison; 'curves': curves recorded with the capture. */
export type CurvesRole = 'truth' | 'curves';

/** The truth.csv beside a capture: next to its RGB folder (or its video file). */
export function truthBeside(rgbSource: string): string {
  return join(dirname(rgbSource), TRUTH_FILE);
}

/** What a curves take is called wherever takes are listed: "ground truth (truth.csv)", "curves (take3.csv)". */
export function curvesTakeName(role: CurvesRole, file: string): string {
  return `${role === 'truth' ? 'ground truth' : 'curves'} (${basename(file)})`;
}

/** A take's name when it is not a solve (curves from a file), else null: a solve is named by its number and model. */
export function takeName(take: Pick<TakeRecord, 'modelId' | 'settings'>): string | null {
  if (take.modelId !== CURVES_TAKE_MODEL) return null;
  const file = typeof take.settings.file === 'string' ? take.settings.file : 'file';
  // Takes imported before the role was recorded were a truth.csv found beside the capture, or --curves.
  const role: CurvesRole =
    take.settings.role === 'truth' || take.settings.role === 'curves' ? take.settings.role : basename(file) === TRUTH_FILE ? 'truth' : 'curves';
  return curvesTakeName(role, file);
}

export interface CurvesTakeResult {
  takeId: number;
  name: string;
  frames: number;
  unmatchedColumns: string[];
}

export interface CurvesTakeOptions {
  role?: CurvesRole;
  /** Make it the shot's active take (default true); a comparison take leaves the active one alone. */
  activate?: boolean;
}

/**
 * A file none of whose columns is a control (any text file, a CSV of something else) used to become
 * an all-zero take, the active one on a new shot: refused instead.
 */
function assertSomeControl(csvPath: string, columns: readonly string[], unmatched: readonly string[]): void {
  if (unmatched.length < columns.length) return;
  const cols = columns.length ? `its columns: ${columns.slice(0, 5).join(', ')}${columns.length > 5 ? ', …' : ''}` : 'it has no columns';
  throw badInput(`${basename(csvPath)}: no column names a control of the shot's rig (${cols}); expected frame,<control or ARKit names>`);
}

/** Reads and checks a curves file before an import does any work, so a bad one changes nothing. */
export async function checkCurvesFile(csvPath: string): Promise<void> {
  let table;
  try {
    table = parseCurvesCsv(await readFile(csvPath, 'utf8'));
  } catch (err) {
    throw badInput(`${basename(csvPath)}: ${(err as Error).message.split('\n')[0]}`);
  }
  assertSomeControl(csvPath, table.columns, curvesToWeights(table, defaultShotRig().controls).unmatched);
}

export async function importCurvesTake(db: ProjectDb, shotId: number, csvPath: string, opts: CurvesTakeOptions = {}): Promise<CurvesTakeResult> {
  const role = opts.role ?? 'curves';
  const activate = opts.activate ?? true;
  const name = curvesTakeName(role, csvPath);
  const shot = getShot(db, shotId);
  if (!shot || shot.firstFrame === null || shot.lastFrame === null) throw badInput('import the shot before its curves');
  let text: string;
  try {
    text = await readFile(csvPath, 'utf8');
  } catch {
    throw badInput(`curves file not found: ${csvPath}`);
  }
  let table;
  try {
    table = parseCurvesCsv(text);
  } catch (err) {
    throw badInput(`${basename(csvPath)}: ${(err as Error).message.split('\n')[0]}`);
  }
  const controls = rigForShot(shot).controls;
  const mapped = curvesToWeights(table, controls);
  assertSomeControl(csvPath, table.columns, mapped.unmatched);
  const length = shot.lastFrame - shot.firstFrame + 1;
  const curves = new Map(controls.map((c) => [c, new Float32Array(length).fill(Number.NaN)]));
  table.frames.forEach((frame, r) => {
    const i = frame - shot.firstFrame!;
    if (i < 0 || i >= length) return;
    controls.forEach((c, k) => (curves.get(c)![i] = mapped.weights[r * controls.length + k]!));
  });
  // The file's head channels (truth.csv's headYaw… headTz) become the take's; a file without them gives a take without head motion.
  const head = headFromCurves(table);
  if (head) {
    HEAD_CHANNELS.forEach((h, k) => {
      const curve = new Float32Array(length).fill(Number.NaN);
      table.frames.forEach((frame, r) => {
        const i = frame - shot.firstFrame!;
        if (i >= 0 && i < length) curve[i] = head.values[r * HEAD_CHANNELS.length + k]!;
      });
      curves.set(h, curve);
    });
  }
  for (const curve of curves.values()) fillGaps(curve);
  const source = role === 'truth' ? 'truth' : 'file';
  const missingHead = HEAD_CHANNELS.filter((h) => !head?.channels.includes(h));
  const headMotion: HeadMotionInfo = head
    ? { rotation: source, translation: source, note: missingHead.length ? `${basename(csvPath)} has no ${missingHead.join(', ')}: read as 0` : null }
    : { rotation: 'none', translation: 'none', note: `${basename(csvPath)} has no head columns: this take has no head motion` };
  // Importing the same file again replaces nothing: an identical curves take is reused.
  const existing = listTakes(db, shotId).find((t) => t.modelId === CURVES_TAKE_MODEL && t.settings.file === csvPath && t.state === 'complete');
  if (existing) {
    if (activate) setActiveTake(db, shotId, existing.id);
    return { takeId: existing.id, name: takeName(existing) ?? name, frames: table.frames.length, unmatchedColumns: [...mapped.unmatched] };
  }
  const takeId = createTake(db, {
    shotId,
    modelId: CURVES_TAKE_MODEL,
    modelHash: '-',
    provider: 'file',
    settings: { file: csvPath, role },
    settingsKey: `curves:${csvPath}`,
    notice: null,
  });
  completeTake(db, takeId, shotId, curves, [], 0, { activate, headMotion });
  return { takeId, name, frames: table.frames.length, unmatchedColumns: [...mapped.unmatched] };
}
