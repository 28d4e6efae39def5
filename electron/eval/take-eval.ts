// A solved take against the truth of a synthetic shot: the check that a shot solved through the
// app (import → crop → solve → take in the database) scores what models/EVAL.md says.
import { badInput } from '../common/api/errors';
import type { ProjectDb } from '../db/open';
import { findShotByName } from '../db/shots';
import { activeTakeId, getTake, readCurves } from '../db/takes';
import { controlErrors, controlRegions, jitter, type ControlErrors } from './metrics';
import { parseTruthCsv } from './run-eval';

export interface TakeEval extends ControlErrors {
  shot: string;
  takeId: number;
  modelId: string;
  frames: number;
  jitterPredicted: number;
  jitterTruth: number;
}

/** Errors of a take (default: the shot's active take) against truth.csv text (frame + controls). */
export function evaluateTake(db: ProjectDb, shotName: string, truthCsv: string, takeId?: number): TakeEval {
  const shot = findShotByName(db, shotName);
  if (!shot) throw badInput(`no shot named "${shotName}" in the project`);
  const id = takeId ?? activeTakeId(db, shot.id);
  const take = id === null ? null : getTake(db, id);
  if (!take || take.shotId !== shot.id)
    throw badInput(id === null ? `shot "${shotName}" has no take yet: solve it first` : `take ${id} is not a take of shot "${shotName}"`);
  if (take.state !== 'complete') throw badInput(`take ${take.id} is ${take.state}, not complete`);
  const curves = readCurves(db, take.id);
  const { controls, frames, rows: truth } = parseTruthCsv(truthCsv);
  const missing = controls.filter((c) => !curves.has(c));
  if (missing.length > 0)
    throw badInput(`take ${take.id} has no curve for ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}`);
  const first = shot.firstFrame ?? 0;
  const C = controls.length;
  const pred = new Float32Array(frames.length * C);
  frames.forEach((f, i) => {
    for (let c = 0; c < C; c++) {
      const v = curves.get(controls[c]!)![f - first];
      if (v === undefined) throw badInput(`truth frame ${f} is outside shot "${shotName}" (frames ${first}–${shot.lastFrame})`);
      pred[i * C + c] = v;
    }
  });
  const errors = controlErrors(pred, truth, controlRegions(controls), controls);
  return {
    shot: shotName,
    takeId: take.id,
    modelId: take.modelId,
    frames: frames.length,
    ...errors,
    jitterPredicted: jitter(pred, C),
    jitterTruth: jitter(truth, C),
  };
}
