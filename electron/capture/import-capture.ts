// Capture import: a folder of RGB plates (and optionally one of normal maps), or a video file,
// becomes a shot. Frames are written in small transactions as they are checked, so a killed
// import leaves a consistent database, and importing again resumes: unchanged files already
// checked are not decoded again, and no frame is ever duplicated (frames are keyed by number).
import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { badInput, conflict } from '../common/api/errors';
import { CAMERA_FILE, parseCameraFile, type ShotCamera } from '../common/camera';
import type { ImportReport, ImportRequest, ImportWarning, NormalConvention } from '../common/api/schemas';
import { deleteFramesNotIn, listFrameRecords, upsertFrames, type FrameRecord } from '../db/frames';
import type { ProjectDb } from '../db/open';
import { compileNamePattern, slateFromNames, type NamePattern } from '../common/slate/slate';
import { createShot, findShotByName, getShot, setShotCamera, setShotFps, setShotSlate, updateShotAfterImport } from '../db/shots';
import { activeTakeId } from '../db/takes';
import { mapLimit } from '../util/map-limit';
import { dominantSize, frameIssues, frameStatus, withSizeCheck, type Probe } from './classify';
import { fileStamp, probeImage } from './probe';
import { isVideoName, pairSequences, scanSequences, type Sequence } from './sequence';
import { checkCurvesFile, importCurvesTake, truthBeside, type CurvesRole } from './curves-take';
import { extractVideoFrames } from './video';

export interface ImportProgress {
  phase: 'extract' | 'check';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Where extracted video frames go (the project's cache). */
  cacheDir: string;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Frames checked per transaction. */
  batchSize?: number;
}

export interface ImportInput {
  shotName: string;
  rgbSource: string;
  normalSource: string | null;
  fps: number | null;
  normalConvention: NormalConvention;
  /** A curves CSV recorded with the capture, imported as a take. */
  curvesPath?: string | null;
  /** Import the truth.csv beside the capture as a take named "ground truth (truth.csv)"; never done unasked. */
  truthTake?: boolean;
  /** Fills the slate (scene, take, actor, timecode) from the shot name or the capture's names: "sc{scene}_tk{take}_{actor}". */
  namePattern?: string | null;
  /** The camera's horizontal field of view (degrees) for a capture without a camera.json; null keeps the shot's (or the default). */
  fovDeg?: number | null;
}

const DEFAULT_FPS = 24;

export async function importCapture(db: ProjectDb, input: ImportRequest | ImportInput, opts: ImportOptions): Promise<ImportReport> {
  const req: ImportInput = {
    shotName: input.shotName.trim(),
    rgbSource: resolve(input.rgbSource),
    normalSource: input.normalSource ? resolve(input.normalSource) : null,
    fps: input.fps ?? null,
    normalConvention: input.normalConvention ?? 'opengl',
    curvesPath: input.curvesPath ? resolve(input.curvesPath) : null,
    truthTake: input.truthTake ?? false,
    namePattern: input.namePattern ?? null,
    fovDeg: input.fovDeg ?? null,
  };
  const notes: string[] = [];
  const pattern = namePatternOf(req.namePattern ?? null);
  // Checked before any work: a take asked for and not there is the user's mistake, said at once.
  const curves = await curvesToImport(req);
  const camera = await cameraBeside(req.rgbSource);

  let rgbDir = req.rgbSource;
  let videoFps: number | null = null;
  if (await isFile(req.rgbSource)) {
    if (!isVideoName(req.rgbSource)) throw badInput(`${req.rgbSource} is a file; give a folder of frames or a video (mp4, mov…)`);
    const out = join(opts.cacheDir, 'video', safeName(req.shotName));
    const extracted = await extractVideoFrames(req.rgbSource, out, {
      onProgress: (done, total) => opts.onProgress?.({ phase: 'extract', done, total }),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    rgbDir = extracted.dir;
    videoFps = extracted.fps;
    notes.push(`extracted ${extracted.frames} frames from ${basename(req.rgbSource)}`);
  }

  const rgbSeq = await findSequence(rgbDir, 'RGB', notes);
  const normalSeq = req.normalSource ? await findSequence(req.normalSource, 'normal-map', notes) : null;
  const plan = pairSequences(rgbSeq, normalSeq);

  const existing = findShotByName(db, req.shotName);
  let shotId: number;
  if (existing) {
    if (existing.rgbSource !== req.rgbSource || (existing.normalSource ?? null) !== req.normalSource) {
      throw conflict(`a shot named "${req.shotName}" already exists with another capture (${existing.rgbSource}); choose another name`);
    }
    shotId = existing.id;
    if (req.fps !== null && req.fps !== existing.fps) setShotFps(db, shotId, req.fps);
  } else {
    shotId = createShot(db, {
      name: req.shotName,
      fps: req.fps ?? videoFps ?? DEFAULT_FPS,
      rgbSource: req.rgbSource,
      normalSource: req.normalSource,
      normalConvention: req.normalConvention,
    });
  }

  // A camera file is the shot's camera each time the capture is imported (it may have been fixed);
  // a field of view is kept unless one is given.
  setShotCamera(db, shotId, { ...(camera ? { camera } : {}), ...(req.fovDeg !== null && req.fovDeg !== undefined ? { fovDeg: req.fovDeg } : {}) });
  if (camera) notes.push(`camera from ${CAMERA_FILE}: ${camera.focalMm.toFixed(1)} mm lens (${camera.sensorWidthMm} mm sensor)`);
  if (camera && req.fovDeg !== null && req.fovDeg !== undefined) notes.push(`the field of view given is not used: ${CAMERA_FILE} says the lens`);

  if (pattern) {
    // The shot name first, then the capture's file or folder, then the frames' common prefix ("sc01_tk3_anna.").
    const slate = slateFromNames(pattern, [req.shotName, basename(req.rgbSource), rgbSeq.prefix.replace(/[._\-\s]+$/, '')]);
    if (slate) setShotSlate(db, shotId, slate);
    else notes.push(`the name pattern ${pattern.source} matches neither the shot name nor the capture's names: the slate is left as it was`);
  }

  const known = new Map(listFrameRecords(db, shotId).map((r) => [r.frame, r]));
  const batchSize = opts.batchSize ?? 32;
  const parallel = Math.max(2, availableParallelism());
  let checked = 0;
  let skipped = 0;
  opts.onProgress?.({ phase: 'check', done: 0, total: plan.length });
  for (let i = 0; i < plan.length; i += batchSize) {
    if (opts.signal?.aborted) throw badInput('import cancelled; import again to resume');
    const batch = plan.slice(i, i + batchSize);
    const records = await mapLimit(batch, parallel, async (p): Promise<FrameRecord | null> => {
      const rgbPath = p.rgb ? join(rgbDir, p.rgb) : null;
      const normalPath = p.normal && req.normalSource ? join(req.normalSource, p.normal) : null;
      const [rgbStamp, normalStamp] = await Promise.all([rgbPath ? fileStamp(rgbPath) : null, normalPath ? fileStamp(normalPath) : null]);
      const prev = known.get(p.frame);
      if (prev && prev.rgbPath === rgbPath && prev.normalPath === normalPath && prev.rgbStamp === rgbStamp && prev.normalStamp === normalStamp) {
        return null; // checked by an earlier import and unchanged
      }
      const [rgb, normal] = await Promise.all([
        rgbPath ? probeImage(rgbPath) : Promise.resolve<Probe | null>(null),
        normalPath ? probeImage(normalPath) : Promise.resolve<Probe | null>(null),
      ]);
      const issues = frameIssues({ frame: p.frame, rgbName: p.rgb, normalName: p.normal, rgb, normal, shotHasNormals: normalSeq !== null });
      return {
        frame: p.frame,
        rgbPath,
        normalPath,
        width: rgb?.ok ? rgb.width : null,
        height: rgb?.ok ? rgb.height : null,
        status: frameStatus(issues),
        issues,
        rgbStamp,
        normalStamp,
      };
    });
    const fresh = records.filter((r): r is FrameRecord => r !== null);
    skipped += records.length - fresh.length;
    upsertFrames(db, shotId, fresh);
    checked += batch.length;
    opts.onProgress?.({ phase: 'check', done: checked, total: plan.length });
  }

  // The size check needs every frame: the shot's size is the most common plate size.
  const planned = new Set(plan.map((p) => p.frame));
  const removed = deleteFramesNotIn(db, shotId, planned);
  if (removed > 0) notes.push(`${removed} frames no longer in the folder were removed from the shot`);
  const all = listFrameRecords(db, shotId);
  const shotSize = dominantSize(all.map((r) => (r.width !== null && r.height !== null ? { width: r.width, height: r.height } : null)));
  const resized: FrameRecord[] = [];
  for (const r of all) {
    const size = r.width !== null && r.height !== null ? { width: r.width, height: r.height } : null;
    const issues = withSizeCheck(r.frame, r.issues, size, shotSize);
    if (JSON.stringify(issues) !== JSON.stringify(r.issues)) resized.push({ ...r, issues, status: frameStatus(issues) });
  }
  db.transaction(() => {
    upsertFrames(db, shotId, resized);
    updateShotAfterImport(db, shotId, {
      firstFrame: plan[0]?.frame ?? null,
      lastFrame: plan.at(-1)?.frame ?? null,
      width: shotSize?.width ?? null,
      height: shotSize?.height ?? null,
      importState: 'complete',
    });
  })();

  if (curves) {
    // An explicitly imported take becomes active only on a shot with none: it never displaces a solve.
    const activate = activeTakeId(db, shotId) === null;
    const take = await importCurvesTake(db, shotId, curves.path, { role: curves.role, activate });
    const ignored = take.unmatchedColumns.length ? ` (ignored columns: ${take.unmatchedColumns.join(', ')})` : '';
    notes.push(`${take.name} imported as take ${take.takeId}${activate ? ', the active take' : ', for comparison (the active take is unchanged)'}${ignored}`);
  }

  const warnings: ImportWarning[] = listFrameRecords(db, shotId).flatMap((r) => r.issues.map((i) => ({ frame: r.frame, code: i.code, message: i.message })));
  const shot = getShot(db, shotId)!;
  return { shot, framesImported: plan.length - skipped, framesSkipped: skipped, warnings, notes };
}

/** The camera.json beside the capture (where truth.csv sits), read and checked; null when there is none. */
async function cameraBeside(rgbSource: string): Promise<ShotCamera | null> {
  const path = join(dirname(rgbSource), CAMERA_FILE);
  if (!(await isFile(path))) return null;
  try {
    return parseCameraFile(await readFile(path, 'utf8'), path);
  } catch (e) {
    throw badInput(`${e instanceof Error ? e.message : String(e)}; fix or remove it and import again`);
  }
}

/** The curves file the import was asked to bring in as a take, if any. */
async function curvesToImport(req: ImportInput): Promise<{ path: string; role: CurvesRole } | null> {
  if (req.truthTake && req.curvesPath) throw badInput('ask for either the ground-truth take (truth.csv beside the capture) or a curves file, not both');
  if (req.curvesPath) {
    if (!(await isFile(req.curvesPath))) throw badInput(`curves file not found: ${req.curvesPath}`);
    await checkCurvesFile(req.curvesPath);
    return { path: req.curvesPath, role: 'curves' };
  }
  if (!req.truthTake) return null;
  const path = truthBeside(req.rgbSource);
  if (!(await isFile(path))) throw badInput(`no truth.csv beside the capture to import as the ground-truth take (looked for ${path})`);
  await checkCurvesFile(path);
  return { path, role: 'truth' };
}

function namePatternOf(text: string | null): NamePattern | null {
  if (text === null) return null;
  const p = compileNamePattern(text);
  if ('problem' in p) throw badInput(`name pattern: ${p.problem}`);
  return p;
}

async function findSequence(dir: string, what: string, notes: string[]): Promise<Sequence> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw badInput(`${what} folder not found or not readable: ${dir}`);
  }
  const scan = scanSequences(names);
  if (!scan.main) throw badInput(`no numbered ${what} image sequence (png, jpg, tif) in ${dir}`);
  if (scan.others.length > 0) {
    const ignored = scan.others.map((s) => `${s.prefix}####.${s.ext} (${s.files.size} files)`).join(', ');
    notes.push(`${what}: used ${scan.main.prefix}####.${scan.main.ext}; ignored ${ignored}`);
  }
  if (scan.unnumbered.length > 0) notes.push(`${what}: ignored ${scan.unnumbered.length} files without a frame number`);
  if (scan.duplicates.length > 0) notes.push(`${what}: ignored duplicate frame numbers: ${scan.duplicates.join(', ')}`);
  return scan.main;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'shot';
}
