// The head in register with the plate (issue 18): on a synthetic shot of the default head (the
// natural motion `rigsolve synth-shot` renders, head motion included), solved with the shipped
// model, the mean 2D distance in plate pixels at 256² between the facial features (eye corners,
// mouth corners, nose tip, chin: rig/landmarks.ts featureVertices) of the solved head, turned by
// the solved head channels and projected through the shot's camera (common/camera.ts, read from
// its camera.json at import), and the same features of the true face at the true pose. Beside it,
// the same distance with the solved head left at rest (what the preview showed before it moved
// the head), and with the true pose and the solved face (the face's own share of the error).
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { curvesToWeights, headFromCurves, parseCurvesCsv } from '../../../electron/capture/curves-csv';
import { importCapture } from '../../../electron/capture/import-capture';
import { HEAD_AT_REST, headTransform, plateProjection, projectPoint, type HeadMotion, type Mat34, type ShotCamera } from '../../../electron/common/camera';
import { getShot } from '../../../electron/db/shots';
import { readCurves } from '../../../electron/db/takes';
import { openProject } from '../../../electron/project/session';
import { evaluateRig } from '../../../electron/rig/evaluate';
import { featureVertices, rigHeadPivot, type FeatureVertex } from '../../../electron/rig/landmarks';
import type { Rig } from '../../../electron/rig/types';
import { SolverClient } from '../../../electron/solver/client';
import { loadModelInfo } from '../../../electron/solver/manifest';
import { defaultModelPath } from '../../../electron/solver/models-catalog';
import { solveShot } from '../../../electron/solver/solve-shot';
import { loadDefaultRig } from '../../../electron/tools/synth/default-rig';
import { writeSynthShot } from '../../../electron/tools/synth/shot/write-shot';
import type { BenchFigure, BenchSuite } from '../figures';

const FRAMES = 120;
const SIZE = 256;
const SEED = 18;

/** Each feature's plate position (x, y per feature) with the face at `weights` and the head moved by `head`. */
function featuresOnPlate(rig: Rig, features: readonly FeatureVertex[], weights: Float32Array, head: Mat34, cam: ShotCamera): number[] {
  const ev = evaluateRig(rig, weights);
  const proj = plateProjection(cam, SIZE, SIZE);
  return features.flatMap((f) => {
    const p = ev.positions[f.part]!;
    const q = projectPoint(proj, [p[f.vertex * 3]!, p[f.vertex * 3 + 1]!, p[f.vertex * 3 + 2]!], head);
    return q ? [q.x, q.y] : [Number.NaN, Number.NaN];
  });
}

function meanDistance(a: readonly number[][], b: readonly number[][]): { mean: number; max: number } {
  let s = 0,
    n = 0,
    max = 0;
  a.forEach((row, r) => {
    for (let k = 0; k < row.length; k += 2) {
      const d = Math.hypot(row[k]! - b[r]![k]!, row[k + 1]! - b[r]![k + 1]!);
      s += d;
      n++;
      max = Math.max(max, d);
    }
  });
  return { mean: s / n, max };
}

async function run(): Promise<BenchFigure[]> {
  // The natural motion synth-shot renders, then the same shot with three times its head motion (turns past 10°).
  return [...(await runShot(1, '')), ...(await runShot(3, ', head motion ×3'))];
}

async function runShot(headMotion: number, label: string): Promise<BenchFigure[]> {
  const suite = 'register';
  const modelPath = defaultModelPath();
  if (!existsSync(modelPath)) throw new Error(`the register bench needs the shipped model (${modelPath})`);
  const rig = await loadDefaultRig();
  const features = featureVertices(rig);
  if (!features) throw new Error('the default head has no eye and lip landmarks');
  const work = join(tmpdir(), `rigsolve-bench-register-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  const shotDir = join(work, 'synth');
  const client = new SolverClient();
  try {
    await writeSynthShot({ outDir: shotDir, rig, frames: FRAMES, seed: SEED, size: SIZE, motion: { headMotion } });
    const project = openProject(join(work, 'bench.rigsolve'));
    try {
      const imported = await importCapture(
        project.db,
        { shotName: 'register', rgbSource: join(shotDir, 'rgb'), normalSource: join(shotDir, 'normal'), fps: 30, normalConvention: 'opengl' },
        { cacheDir: project.cacheDir },
      );
      const shot = getShot(project.db, imported.shot.id)!;
      const cam = shot.camera;
      if (!cam) throw new Error('the synthetic shot came in without its camera');
      const model = await loadModelInfo(modelPath);
      const cores = availableParallelism();
      await client.load(modelPath, 'auto', cores);
      const solved = await solveShot(project.db, shot.id, { model, client, rigControls: rig.controls, batch: 16, threads: cores });
      const curves = readCurves(project.db, solved.takeId);
      const truth = parseCurvesCsv(await readFile(join(shotDir, 'truth.csv'), 'utf8'));
      const trueWeights = curvesToWeights(truth, rig.controls).weights;
      const trueHead = headFromCurves(truth);
      if (!trueHead) throw new Error('truth.csv has no head columns');
      const pivot = cam.headPivot ?? rigHeadPivot(rig);
      const C = rig.controls.length;
      const solvedRows: number[][] = [],
        restRows: number[][] = [],
        truePoseRows: number[][] = [],
        trueRows: number[][] = [];
      const motionAt = (v: (k: number) => number): HeadMotion => ({ yaw: v(0), pitch: v(1), roll: v(2), tx: v(3), ty: v(4), tz: v(5) });
      const HEAD = ['headYaw', 'headPitch', 'headRoll', 'headTx', 'headTy', 'headTz'];
      let yawMax = 0,
        faceMax = 0;
      for (let r = 0; r < FRAMES; r++) {
        const solvedWeights = Float32Array.from(rig.controls, (c) => curves.get(c)?.[r] ?? 0);
        const solvedHead = motionAt((k) => curves.get(HEAD[k]!)?.[r] ?? 0);
        const trueMotion = motionAt((k) => trueHead.values[r * 6 + k]!);
        yawMax = Math.max(yawMax, Math.abs(trueMotion.yaw));
        const tw = trueWeights.subarray(r * C, (r + 1) * C);
        for (let c = 0; c < C; c++) faceMax = Math.max(faceMax, Math.abs(tw[c]! - solvedWeights[c]!));
        trueRows.push(featuresOnPlate(rig, features, tw, headTransform(trueMotion, pivot), cam));
        solvedRows.push(featuresOnPlate(rig, features, solvedWeights, headTransform(solvedHead, pivot), cam));
        restRows.push(featuresOnPlate(rig, features, solvedWeights, headTransform(HEAD_AT_REST, pivot), cam));
        truePoseRows.push(featuresOnPlate(rig, features, solvedWeights, headTransform(trueMotion, pivot), cam));
      }
      const reg = meanDistance(solvedRows, trueRows);
      const rest = meanDistance(restRows, trueRows);
      const face = meanDistance(truePoseRows, trueRows);
      const what =
        `${FRAMES} frames at ${SIZE}², natural motion seed ${SEED} (|yaw| up to ${yawMax.toFixed(1)}°; ` +
        `solved controls up to ${faceMax.toFixed(2)} from the truth), model ${model.manifest.id}`;
      return [
        {
          suite,
          name: `landmark registration: solved head (solved pose) vs true, mean${label}`,
          value: reg.mean,
          unit: 'px',
          target: '≤ 1.5',
          notes: `${what}; max ${reg.max.toFixed(2)} px; features ${features.map((f) => f.name).join(', ')}`,
        },
        {
          suite,
          name: `landmark registration: solved head left at rest vs true, mean${label}`,
          value: rest.mean,
          unit: 'px',
          notes: `max ${rest.max.toFixed(2)} px`,
        },
        {
          suite,
          name: `landmark registration: solved face at the true pose vs true, mean${label}`,
          value: face.mean,
          unit: 'px',
          notes: `max ${face.max.toFixed(2)} px`,
        },
      ];
    } finally {
      project.close();
    }
  } finally {
    client.dispose();
    await rm(work, { recursive: true, force: true });
  }
}

export const registerSuite: BenchSuite = { name: 'register', run };
