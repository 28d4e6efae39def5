// `rigsolve synth-shot`: a synthetic capture of the rig, as the stage would deliver it —
// rgb/frame.NNNN.png, normal/frame.NNNN.png — plus the ground truth, truth.csv, and the camera that
// filmed it, camera.json (common/camera.ts), so the solved head can be laid on the plate in register.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { curvesToWeights, headFromCurves, type CurveTable } from '../../../capture/curves-csv';
import { CAMERA_FILE, CAMERA_FORMAT, cameraFileText, fovFromFocal, SENSOR_WIDTH_MM, type ShotCamera } from '../../../common/camera';
import { HEAD_CHANNELS } from '../../../common/head';
import type { Rig } from '../../../rig/types';
import { mapLimit } from '../../../util/map-limit';
import { safeWriteFile } from '../../../util/safe-write';
import { encodePng } from '../png';
import { placeCamera } from '../render/camera';
import { compileRig } from '../render/mesh';
import type { RenderPool } from '../render/pool';
import { createRenderPool } from '../render/pool';
import type { HeadPose, RenderSettings } from '../render/types';
import { generateMotion } from './motion';
import type { MotionOptions } from './motion';

/** The look of a shot: everything of RenderSettings that is not per frame. */
export type ShotLook = Omit<RenderSettings, 'width' | 'height' | 'pose' | 'normal' | 'seed'>;

export interface SynthShotOptions {
  readonly outDir: string;
  readonly rig: Rig;
  /** Ignored when curves are given (their rows decide). Default 120. */
  readonly frames?: number;
  readonly fps?: number;
  readonly seed?: number;
  /** Square image side in pixels (default 256). */
  readonly size?: number;
  /** Write normal/ too (default true). */
  readonly normal?: boolean;
  /** Render this animation instead of generated motion. */
  readonly curves?: CurveTable;
  readonly motion?: Pick<MotionOptions, 'intensity' | 'speech' | 'headMotion'>;
  /** Camera, lights, look, sensor (defaults: the studio set-up, 2× supersampling, light sensor noise). */
  readonly look?: ShotLook;
  /** Reuse a pool (it must hold the same rig); otherwise one is made and closed. */
  readonly pool?: RenderPool;
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export interface SynthShotResult {
  readonly outDir: string;
  readonly frames: readonly number[];
  readonly rgbFiles: readonly string[];
  readonly normalFiles: readonly string[];
  readonly truthCsv: string;
  /** camera.json: the camera every frame was rendered through. */
  readonly cameraJson: string;
  /** Curve columns that matched no control (curves input only). */
  readonly unmatchedColumns: readonly string[];
}

export const DEFAULT_SHOT_LOOK: ShotLook = {
  ssaa: 2,
  sensor: { readNoise: 0.003, shotNoise: 0.002, blur: 0.35 },
};

export function frameFileName(frame: number, digits: number): string {
  return `frame.${String(frame).padStart(digits, '0')}.png`;
}

/**
 * The true head motion of each frame in the head channels' order (common/head.ts): yaw, pitch,
 * roll in degrees, then the pivot's translation in mm. The renderer turns the head about the top
 * of the neck and never moves that pivot, so translation is 0 on every synthetic frame.
 */
export function truthHeadRow(pose: HeadPose): [number, number, number, number, number, number] {
  return [pose.yaw ?? 0, pose.pitch ?? 0, pose.roll ?? 0, 0, 0, 0];
}

/**
 * truth.csv text: header `frame,<controls>,<head channels>` (headYaw, headPitch, headRoll in
 * degrees, headTx, headTy, headTz in mm: common/head.ts), one row per frame, 6 decimals. Readers
 * that know only controls ignore the head columns (they name no control).
 */
export function truthCsv(controls: readonly string[], frames: readonly number[], weights: Float32Array, poses?: readonly HeadPose[]): string {
  const C = controls.length;
  const lines = [`frame,${[...controls, ...HEAD_CHANNELS].join(',')}`];
  frames.forEach((f, r) => {
    const row = new Array<string>(C);
    for (let c = 0; c < C; c++) row[c] = weights[r * C + c]!.toFixed(6);
    for (const v of truthHeadRow(poses?.[r] ?? {})) row.push((v === 0 ? 0 : v).toFixed(6));
    lines.push(`${f},${row.join(',')}`);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * The camera of a synthetic shot as camera.json says it (common/camera.ts): the renderer's lens and
 * placement for this look and plate size, and the pivot the head turns about.
 */
export function synthShotCamera(rig: Rig, look: ShotLook, width: number, height: number): ShotCamera {
  const framing = compileRig(rig).framing;
  const c = placeCamera(look.camera, framing, width, height);
  return {
    format: CAMERA_FORMAT,
    units: 'm',
    imageWidth: width,
    imageHeight: height,
    focalMm: c.focalMm,
    sensorWidthMm: SENSOR_WIDTH_MM,
    fovDeg: fovFromFocal(c.focalMm),
    position: [...c.position],
    target: [...c.target],
    up: [...c.up],
    headPivot: [...framing.pivot],
  };
}

export async function writeSynthShot(o: SynthShotOptions): Promise<SynthShotResult> {
  const size = o.size ?? 256;
  const fps = o.fps ?? 30;
  const seed = o.seed ?? 1;
  const wantNormal = o.normal ?? true;
  const controls = o.rig.controls;
  let frames: number[];
  let weights: Float32Array;
  let poses: readonly HeadPose[];
  let unmatched: readonly string[] = [];
  if (o.curves) {
    const mapped = curvesToWeights(o.curves, controls);
    // The file's frame numbers name the images when they can (non-negative, increasing integers).
    const ok = mapped.frames.every((f, i) => Number.isInteger(f) && f >= 0 && (i === 0 || f > mapped.frames[i - 1]!));
    frames = ok ? [...mapped.frames] : mapped.frames.map((_, i) => i + 1);
    weights = mapped.weights;
    unmatched = mapped.unmatched;
    // A file with head rotation columns (a truth.csv) turns the head as it says; the renderer does
    // not move the head's pivot, so translation columns are not rendered (truth.csv writes them as 0).
    const head = headFromCurves(o.curves);
    const amount = o.motion?.headMotion ?? 0;
    if (head && head.channels.some((c) => c === 'headYaw' || c === 'headPitch' || c === 'headRoll'))
      poses = frames.map((_, r) => ({ yaw: head.values[r * 6]!, pitch: head.values[r * 6 + 1]!, roll: head.values[r * 6 + 2]! }));
    else poses = amount > 0 ? generateMotion({ frames: frames.length, fps, seed, controls, headMotion: amount }).poses : frames.map(() => ({}));
  } else {
    const n = o.frames ?? 120;
    const motion = generateMotion({ frames: n, fps, seed, controls, ...o.motion });
    frames = Array.from({ length: n }, (_, i) => i + 1);
    weights = motion.weights;
    poses = motion.poses;
  }
  const total = frames.length;
  if (total === 0) throw new Error('synth-shot: no frames to render');
  const digits = Math.max(4, String(frames[frames.length - 1]).length);
  const rgbDir = join(o.outDir, 'rgb');
  const normalDir = join(o.outDir, 'normal');
  await mkdir(rgbDir, { recursive: true });
  if (wantNormal) await mkdir(normalDir, { recursive: true });

  const pool = o.pool ?? (await createRenderPool({ rig: o.rig, workers: o.workers }));
  const look: ShotLook = { ...DEFAULT_SHOT_LOOK, ...o.look };
  const C = controls.length;
  const rgbFiles = frames.map((f) => join(rgbDir, frameFileName(f, digits)));
  const normalFiles = wantNormal ? frames.map((f) => join(normalDir, frameFileName(f, digits))) : [];
  let done = 0;
  try {
    // Enough in flight to keep every worker and sharp's threads busy, few enough to bound memory.
    await mapLimit(frames, Math.max(4, pool.workers * 6), async (_f, i) => {
      o.signal?.throwIfAborted();
      const res = await pool.render({
        weights: weights.slice(i * C, (i + 1) * C),
        settings: { ...look, width: size, height: size, pose: poses[i] ?? {}, normal: wantNormal, seed: seed * 100003 + i },
      });
      const writes = [encodePng(res.rgb, size, size).then((b) => safeWriteFile(rgbFiles[i]!, b))];
      if (res.normal) writes.push(encodePng(res.normal, size, size).then((b) => safeWriteFile(normalFiles[i]!, b)));
      await Promise.all(writes);
      done++;
      o.onProgress?.(done, total);
    });
  } finally {
    if (!o.pool) await pool.close();
  }
  const truth = join(o.outDir, 'truth.csv');
  await safeWriteFile(truth, truthCsv(controls, frames, weights, poses));
  const camera = join(o.outDir, CAMERA_FILE);
  await safeWriteFile(camera, cameraFileText(synthShotCamera(o.rig, look, size, size)));
  return { outDir: o.outDir, frames, rgbFiles, normalFiles, truthCsv: truth, cameraJson: camera, unmatchedColumns: unmatched };
}
