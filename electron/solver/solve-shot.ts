// Solving a shot: decode → crop → resize (sharp, on the thread pool, one batch ahead) → normalise
// and infer in the solver process → each batch committed to the take in one transaction. Batches
// are aligned to the shot's frame list, so a solve resumed after a kill computes exactly the
// batches an uninterrupted one would, and ends with the same values; resumed with another batch
// size it continues the same take, each frame's values the model's on that frame (equal to 1e-5).
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { AppError, badInput } from '../common/api/errors';
import type { CropRect } from '../common/api/schemas';
import { fillGaps } from '../common/curves/fill';
import { HEAD_CHANNELS, type HeadMotionInfo } from '../common/head';
import { listFrameRecords, upsertFrames, type FrameRecord } from '../db/frames';
import type { ProjectDb } from '../db/open';
import { getShot } from '../db/shots';
import {
  addTakeDuration,
  completeTake,
  createTake,
  doneTakeFrames,
  findResumableTake,
  readTakeFrames,
  setTakeRunning,
  setTakeState,
  writeTakeBatch,
} from '../db/takes';
import { frameStatus } from '../capture/classify';
import { clampCrop, decodeForModel, defaultCrop } from './decode';
import { SolverCrashedError, type SolverClient } from './client';
import { controlMismatch, modelInput, type ModelInfo } from './manifest';
import { directxToOpenGl, emptyFrameBatch } from './preprocess';
import type { FrameBatch } from './protocol';
import type { Device, Provider } from './providers';

export interface SolveProgress {
  takeId: number;
  done: number;
  total: number;
  framesPerSecond: number;
  etaSeconds: number | null;
  provider: Provider;
}

export interface SolveOptions {
  model: ModelInfo;
  client: SolverClient;
  /** The shot rig's controls, in the order curves are stored. */
  rigControls: readonly string[];
  device?: Device;
  batch?: number;
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (p: SolveProgress) => void;
  /** Told once the provider is known (status bar), and of any fallback notice. */
  onProvider?: (provider: Provider, notice: string | null) => void;
}

export interface SolveResult {
  takeId: number;
  provider: Provider;
  notice: string | null;
  frames: number;
  resumedFrames: number;
  failedFrames: number[];
  durationMs: number;
  framesPerSecond: number;
}

export class SolveCancelledError extends AppError {
  constructor(readonly takeId: number) {
    super('badInput', 'solve cancelled; solve again to resume where it stopped');
  }
}

interface DecodedBatch {
  frames: FrameRecord[];
  /** Which of `frames` go to the model, by index, and their decoded plates. */
  solvable: number[];
  plates: FrameBatch;
  failures: Map<number, string>;
}

export async function solveShot(db: ProjectDb, shotId: number, opts: SolveOptions): Promise<SolveResult> {
  const shot = getShot(db, shotId);
  if (!shot) throw new AppError('notFound', `no shot with id ${shotId}`);
  if (shot.importState !== 'complete') throw badInput(`shot "${shot.name}" has not finished importing; import it again to complete it`);
  if (shot.width === null || shot.height === null) throw badInput(`shot "${shot.name}" has no readable frames`);
  const { manifest } = opts.model;
  const mismatch = controlMismatch(manifest, opts.rigControls);
  if (mismatch) throw badInput(mismatch);

  const size = manifest.inputSize;
  const batchSize = Math.max(1, Math.min(256, opts.batch ?? 16));
  const crop: CropRect = clampCrop(shot.crop ?? defaultCrop(shot.width, shot.height), shot.width, shot.height);
  const useNormals = shot.hasNormal;
  const device = opts.device ?? 'auto';
  const settings = { crop, batch: batchSize, inputSize: size, normals: useNormals, device };
  // What the values depend on: the batch size is not part of it (each frame's values are the
  // model's on that frame alone), so a solve killed at --batch 8 resumes into the same take at
  // --batch 32. Takes started before this keyed on the batch too: `legacyKey` still finds them.
  const keyOf = (extra: Record<string, unknown>): string =>
    createHash('sha256')
      .update(JSON.stringify({ model: opts.model.hash, crop, ...extra, normals: useNormals, convention: shot.normalConvention }))
      .digest('hex');
  const settingsKey = keyOf({});
  const legacyKey = (batch: number): string => keyOf({ batch });

  const threads = opts.threads ?? Math.max(1, availableParallelism());
  const loaded = await opts.client.load(opts.model.path, device, threads);
  opts.onProvider?.(loaded.provider, loaded.notice);

  const resumable = findResumableTake(db, shotId, settingsKey, legacyKey);
  const takeId =
    resumable?.id ??
    createTake(db, { shotId, modelId: manifest.id, modelHash: opts.model.hash, provider: loaded.provider, settings, settingsKey, notice: loaded.notice });
  if (resumable) setTakeRunning(db, takeId, loaded.provider, loaded.notice);

  const records = listFrameRecords(db, shotId);
  const done = doneTakeFrames(db, takeId);
  const batches: FrameRecord[][] = [];
  for (let i = 0; i < records.length; i += batchSize) batches.push(records.slice(i, i + batchSize));
  const todo = batches.filter((b) => b.some((r) => !done.has(r.frame)));
  const resumedFrames = records.length - todo.reduce((n, b) => n + b.length, 0);
  const outIndex = manifest.controls.map((name) => opts.rigControls.indexOf(name));
  const input = modelInput(manifest);

  const started = performance.now();
  let solvedNow = 0;
  const report = (): void => {
    const secs = (performance.now() - started) / 1000;
    const fps = secs > 0 ? solvedNow / secs : 0;
    const doneTotal = resumedFrames + solvedNow;
    opts.onProgress?.({
      takeId,
      done: doneTotal,
      total: records.length,
      framesPerSecond: fps,
      etaSeconds: fps > 0 ? (records.length - doneTotal) / fps : null,
      provider: loaded.provider,
    });
  };
  report();

  const decode = async (frames: FrameRecord[]): Promise<DecodedBatch> => {
    const candidates = frames.map((r, i) => ({ r, i })).filter(({ r }) => r.status !== 'missing' && r.rgbPath !== null);
    const bytes = size * size * 3;
    const plates = emptyFrameBatch(candidates.length, size);
    const failures = new Map<number, string>();
    const ok: boolean[] = await Promise.all(
      candidates.map(async ({ r }, slot) => {
        try {
          const [plate, nmap] = await Promise.all([
            decodeForModel(r.rgbPath!, crop, size),
            useNormals && r.normalPath && !r.issues.some((x) => x.code === 'normalUnreadable' || x.code === 'normalSizeMismatch')
              ? decodeForModel(r.normalPath, crop, size).catch(() => null)
              : Promise.resolve(null),
          ]);
          plates.rgb.set(plate, slot * bytes);
          plates.hasRgb[slot] = 1;
          if (nmap) {
            if (shot.normalConvention === 'directx') directxToOpenGl(nmap);
            plates.normal.set(nmap, slot * bytes);
            plates.hasNormal[slot] = 1;
          }
          return true;
        } catch (err) {
          failures.set(r.frame, String((err as Error).message ?? err).split('\n')[0]!);
          return false;
        }
      }),
    );
    // Frames that failed to decode leave their slot; compact the batch so the model sees only real frames.
    const keep = candidates.map((c, slot) => ({ ...c, slot })).filter((_, k) => ok[k]);
    if (keep.length === candidates.length) return { frames, solvable: candidates.map((c) => c.i), plates, failures };
    const kept = emptyFrameBatch(keep.length, size);
    keep.forEach((c, k) => {
      kept.rgb.set(plates.rgb.subarray(c.slot * bytes, (c.slot + 1) * bytes), k * bytes);
      kept.normal.set(plates.normal.subarray(c.slot * bytes, (c.slot + 1) * bytes), k * bytes);
      kept.hasRgb[k] = plates.hasRgb[c.slot]!;
      kept.hasNormal[k] = plates.hasNormal[c.slot]!;
    });
    return { frames, solvable: keep.map((c) => c.i), plates: kept, failures };
  };

  let next: Promise<DecodedBatch> | null = todo.length > 0 ? decode(todo[0]!) : null;
  try {
    for (let b = 0; b < todo.length; b++) {
      if (opts.signal?.aborted) throw new SolveCancelledError(takeId);
      const batch = await next!;
      // Decode the next batch while this one is inferred.
      next = b + 1 < todo.length ? decode(todo[b + 1]!) : null;
      const rows: { frame: number; params: Float32Array | null }[] = batch.frames.map((r) => ({ frame: r.frame, params: null }));
      if (batch.solvable.length > 0) {
        const out = await opts.client.infer(opts.model.path, batch.plates, input);
        if (out.controls !== manifest.controls.length)
          throw new AppError('internal', `the model gave ${out.controls} values per frame, its manifest lists ${manifest.controls.length}`);
        // A frame's row: the rig's controls, then (when the model has a pose stage) the head
        // channels: yaw, pitch, roll from the pose, translation 0 (see SOLVED_HEAD).
        const C = opts.rigControls.length;
        batch.solvable.forEach((frameIdx, k) => {
          const values = new Float32Array(out.pose ? C + HEAD_CHANNELS.length : C);
          for (let c = 0; c < outIndex.length; c++) values[outIndex[c]!] = out.params[k * out.controls + c]!;
          if (out.pose) values.set(out.pose.subarray(k * 3, k * 3 + 3), C);
          rows[frameIdx]!.params = values;
        });
      }
      if (batch.failures.size > 0) recordDecodeFailures(db, shotId, batch.frames, batch.failures);
      writeTakeBatch(db, takeId, rows);
      solvedNow += rows.length;
      report();
    }
  } catch (err) {
    await next?.catch(() => undefined);
    // A crashed solver process is not a failed take: its committed batches stand, and the queue's
    // retry (or the next solve) resumes it; only an error of the solve itself fails the take.
    setTakeState(db, takeId, err instanceof SolveCancelledError || err instanceof SolverCrashedError ? 'cancelled' : 'failed');
    addTakeDuration(db, takeId, performance.now() - started);
    throw err;
  }

  // Gather: one curve per control over the shot's frames; unreadable frames filled from neighbours.
  const first = shot.firstFrame!;
  const length = shot.lastFrame! - first + 1;
  const perFrame = readTakeFrames(db, takeId);
  const C = opts.rigControls.length;
  const withHead = [...perFrame.values()].some((p) => p !== null && p.length >= C + HEAD_CHANNELS.length);
  const names = withHead ? [...opts.rigControls, ...HEAD_CHANNELS] : opts.rigControls;
  const curves = new Map(names.map((c) => [c, new Float32Array(length).fill(Number.NaN)]));
  const failed: number[] = [];
  for (let i = 0; i < length; i++) {
    const params = perFrame.get(first + i);
    if (!params) {
      failed.push(first + i);
      continue;
    }
    names.forEach((c, k) => (curves.get(c)![i] = params[k] ?? Number.NaN));
  }
  for (const curve of curves.values()) fillGaps(curve);
  const durationMs = performance.now() - started;
  completeTake(db, takeId, shotId, curves, failed, durationMs, { headMotion: withHead ? SOLVED_HEAD : NO_SOLVED_HEAD });
  return {
    takeId,
    provider: loaded.provider,
    notice: loaded.notice,
    frames: records.length,
    resumedFrames,
    failedFrames: failed,
    durationMs,
    framesPerSecond: solvedNow / (durationMs / 1000),
  };
}

/**
 * A solved take's head: rotation from the model's pose stage (yaw, pitch, roll of the head as the
 * camera sees it: the rig's rotation when the camera faces the actor, as on a synthetic shot).
 * Translation is not solved: the pose stage's anchors (eyes, mouth in the crop's pixels) would
 * give it only through the shot's camera (focal length, distance), which an imported shot does
 * not carry yet, so it is stored as 0 and the take says so.
 */
export const SOLVED_HEAD: HeadMotionInfo = {
  rotation: 'solved',
  translation: 'none',
  note: 'head translation is not solved yet (it needs the shot’s camera): headTx/Ty/Tz are 0',
};

const NO_SOLVED_HEAD: HeadMotionInfo = {
  rotation: 'none',
  translation: 'none',
  note: 'the model has no pose stage: this take has no head motion',
};

/** A plate that fails to decode at solve time is recorded on its frame, as import would have. */
function recordDecodeFailures(db: ProjectDb, shotId: number, frames: FrameRecord[], failures: Map<number, string>): void {
  const updated = frames
    .filter((r) => failures.has(r.frame))
    .map((r) => {
      const issues = [
        ...r.issues.filter((i) => i.code !== 'rgbUnreadable'),
        { code: 'rgbUnreadable' as const, message: `unreadable image (${failures.get(r.frame)})` },
      ];
      return { ...r, issues, status: frameStatus(issues) };
    });
  upsertFrames(db, shotId, updated);
}
