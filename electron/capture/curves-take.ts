// Curves that come with a capture (a synthetic shot's truth.csv, an ARKit/Live Link recording)
// become a take of the shot, so the preview plays them at once and solves can be compared with them.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { badInput } from '../common/api/errors';
import { DEFAULT_CONTROL_NAMES } from '../common/controls';
import type { ProjectDb } from '../db/open';
import { getShot } from '../db/shots';
import { completeTake, createTake, listTakes } from '../db/takes';
import { fillGaps } from '../solver/fill';
import { curvesToWeights, parseCurvesCsv } from '../synth/shot/curves';

export const CURVES_TAKE_MODEL = 'curves-file';

export interface CurvesTakeResult {
  takeId: number;
  frames: number;
  unmatchedColumns: string[];
}

export async function importCurvesTake(db: ProjectDb, shotId: number, csvPath: string): Promise<CurvesTakeResult> {
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
  const controls = DEFAULT_CONTROL_NAMES;
  const mapped = curvesToWeights(table, controls);
  const length = shot.lastFrame - shot.firstFrame + 1;
  const curves = new Map(controls.map((c) => [c, new Float32Array(length).fill(Number.NaN)]));
  table.frames.forEach((frame, r) => {
    const i = frame - shot.firstFrame!;
    if (i < 0 || i >= length) return;
    controls.forEach((c, k) => (curves.get(c)![i] = mapped.weights[r * controls.length + k]!));
  });
  for (const curve of curves.values()) fillGaps(curve);
  // Importing the same file again replaces nothing: an identical curves take is reused.
  const existing = listTakes(db, shotId).find((t) => t.modelId === CURVES_TAKE_MODEL && t.settings.file === csvPath && t.state === 'complete');
  if (existing) return { takeId: existing.id, frames: table.frames.length, unmatchedColumns: [...mapped.unmatched] };
  const takeId = createTake(db, { shotId, modelId: CURVES_TAKE_MODEL, modelHash: '-', provider: 'file', settings: { file: csvPath }, settingsKey: `curves:${csvPath}`, notice: null });
  completeTake(db, takeId, shotId, curves, [], 0);
  return { takeId, frames: table.frames.length, unmatchedColumns: [...mapped.unmatched] };
}
