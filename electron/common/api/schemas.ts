// Domain shapes that cross the API boundary. Each is a zod schema (validated on the main side
// for arguments, and in tests for results) with its TypeScript type inferred from it.
import { z } from 'zod';
import { FOV_MAX_DEG, FOV_MIN_DEG, ShotCamera } from '../camera';
import { EXPORT_FORMAT_NAMES } from '../export/formats';
import { NoteDrawing } from '../review/drawing';

export const ShotId = z.number().int().positive();
export const PlateKind = z.enum(['rgb', 'normal']);
export type PlateKind = z.infer<typeof PlateKind>;

export const SHOT_STATUSES = ['todo', 'solving', 'cleanup', 'review', 'approved', 'needsFixes'] as const;
export const ShotStatus = z.enum(SHOT_STATUSES);
export type ShotStatus = z.infer<typeof ShotStatus>;

/** Why a frame is not usable as it is. Recorded per frame by import; never aborts it. */
export const FrameIssueCode = z.enum([
  'gap', // no file for this frame number inside the sequence's range
  'rgbMissing', // a normal map exists for this frame but no RGB plate
  'normalMissing', // the shot has normal maps, this frame has none
  'rgbUnreadable',
  'normalUnreadable',
  'sizeMismatch', // RGB plate of another size than the shot's
  'normalSizeMismatch', // normal map of another size than its RGB plate
]);
export type FrameIssueCode = z.infer<typeof FrameIssueCode>;

export const FrameIssue = z.object({ code: FrameIssueCode, message: z.string() });
export type FrameIssue = z.infer<typeof FrameIssue>;

export const FrameStatus = z.enum(['ok', 'warning', 'missing']);
export type FrameStatus = z.infer<typeof FrameStatus>;

export const FrameInfo = z.object({
  frame: z.number().int(),
  status: FrameStatus,
  hasRgb: z.boolean(),
  hasNormal: z.boolean(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  issues: z.array(FrameIssue),
});
export type FrameInfo = z.infer<typeof FrameInfo>;

export const NormalConvention = z.enum(['opengl', 'directx']);
export type NormalConvention = z.infer<typeof NormalConvention>;

export const CropRect = z.object({ x: z.number(), y: z.number(), size: z.number().positive() });
export type CropRect = z.infer<typeof CropRect>;

export const ShotSummary = z.object({
  id: ShotId,
  name: z.string(),
  fps: z.number().positive(),
  firstFrame: z.number().int().nullable(),
  lastFrame: z.number().int().nullable(),
  frameCount: z.number().int().nonnegative(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  hasNormal: z.boolean(),
  status: ShotStatus,
  statusBy: z.string().nullable(),
  statusAt: z.string().nullable(),
  importState: z.enum(['importing', 'complete']),
  warningCount: z.number().int().nonnegative(),
  /** The take the curve editor and exports use; null until the shot is solved. */
  activeTakeId: z.number().int().nullable(),
  createdAt: z.string(),
  /** The slate (common/slate): scene, the capture's take, actor, start timecode (HH:MM:SS:FF of the first frame). */
  scene: z.string().nullable(),
  captureTake: z.string().nullable(),
  actor: z.string().nullable(),
  startTimecode: z.string().nullable(),
  /** The frame the shot's thumbnail shows (a readable plate near the middle), or null when none. */
  thumbnailFrame: z.number().int().nullable(),
});
export type ShotSummary = z.infer<typeof ShotSummary>;

export const ShotDetail = ShotSummary.extend({
  rgbSource: z.string(),
  normalSource: z.string().nullable(),
  normalConvention: NormalConvention,
  crop: CropRect.nullable(),
  /** The shot's own rig (a GLB on the host), or null for the default head. */
  rigPath: z.string().nullable(),
  /** Manual target → control mapping of that rig (null ignores a target). */
  rigMapping: z.record(z.string(), z.string().nullable()).nullable(),
  /** The camera that filmed the shot, from the camera.json beside the capture (common/camera.ts); null: not known. */
  camera: ShotCamera.nullable(),
  /** The horizontal field of view (degrees) set for a shot without a camera file; null: the default (85 mm on full frame). */
  fovDeg: z.number().nullable(),
});
export type ShotDetail = z.infer<typeof ShotDetail>;

/** Manual target → control mapping of an imported rig (null ignores the target). */
export const RigMapping = z.record(z.string().min(1).max(500), z.string().min(1).max(200).nullable());
export type RigMapping = z.infer<typeof RigMapping>;

/** How an imported rig's morph targets map to the controls (rig.inspect). */
export const RigInspectReport = z.object({
  path: z.string(),
  /** Targets that drive controls, and how they were matched. */
  mapped: z.array(z.object({ target: z.string(), controls: z.array(z.string()), how: z.enum(['exact', 'caseInsensitive', 'alias', 'manual']) })),
  /** Targets that drive nothing. */
  unmapped: z.array(z.object({ target: z.string(), reason: z.enum(['unknown', 'ignored', 'duplicate']) })),
  /** Controls no target drives. */
  missingControls: z.array(z.string()),
  /** The rig's controls, in order (what a target may be mapped to). */
  controls: z.array(z.string()),
});
export type RigInspectReport = z.infer<typeof RigInspectReport>;

export const ImportWarning = z.object({ frame: z.number().int(), code: FrameIssueCode, message: z.string() });
export type ImportWarning = z.infer<typeof ImportWarning>;

export const ImportReport = z.object({
  shot: ShotSummary,
  framesImported: z.number().int().nonnegative(),
  framesSkipped: z.number().int().nonnegative(),
  warnings: z.array(ImportWarning),
  notes: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportRequest = z.object({
  shotName: z.string().trim().min(1).max(200),
  rgbSource: z.string().min(1),
  normalSource: z.string().min(1).nullable().default(null),
  fps: z.number().positive().max(1000).nullable().default(null),
  normalConvention: NormalConvention.default('opengl'),
  /** Curves that come with the capture (CSV: frame + one column per control or ARKit name), imported as a take. */
  curvesPath: z.string().min(1).nullable().default(null),
  /** Fills the shot's slate from its name or the capture's file names: "sc{scene}_tk{take}_{actor}" (common/slate). */
  namePattern: z.string().trim().min(1).max(500).nullable().default(null),
  /** Import the truth.csv beside the capture as a take named "ground truth (truth.csv)"; never done unasked. */
  truthTake: z.boolean().default(false),
  /** The camera's horizontal field of view in degrees, for a capture without a camera.json (null: keep the shot's, or the default). */
  fovDeg: z.number().min(FOV_MIN_DEG).max(FOV_MAX_DEG).nullable().default(null),
});
export type ImportRequest = z.input<typeof ImportRequest>;

export const ProjectInfo = z.object({
  path: z.string(),
  name: z.string(),
  shotCount: z.number().int().nonnegative(),
  readOnly: z.boolean(),
  host: z.enum(['electron', 'browser']),
});
export type ProjectInfo = z.infer<typeof ProjectInfo>;

export const DirEntry = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['dir', 'file']),
  /** For folders: how many image or video files they hold (a hint in the picker). */
  mediaCount: z.number().int().nonnegative().nullable(),
});
export const DirListing = z.object({
  path: z.string(),
  parent: z.string().nullable(),
  entries: z.array(DirEntry),
});
export type DirListing = z.infer<typeof DirListing>;

export const DeviceChoice = z.enum(['auto', 'cpu', 'cuda', 'dml', 'coreml']);
export type DeviceChoice = z.infer<typeof DeviceChoice>;

/** One region's figures in a model's evaluation headline. */
export const RegionHeadline = z.object({
  mae: z.number(),
  constMae: z.number(),
  skill: z.number().nullable(),
  /** Mean Pearson r over the region's moving controls; null when none moves in the set. */
  meanR: z.number().nullable(),
});
export type RegionHeadline = z.infer<typeof RegionHeadline>;

/**
 * The figures a model's manifest leads its evaluation with (`evaluation.headline`, written by the
 * training export): MAE beside the all-zeros predictor and the best constant per control (the
 * truth's median, an oracle), skill = 1 − MAE / constant MAE, mean Pearson r, per region.
 */
export const EvaluationHeadline = z.object({
  /** What it was measured on, e.g. "3 natural-motion shots, 900 frames, seeds 9101-9103". */
  set: z.string(),
  /** Inputs fed: both, rgb or normal. */
  mode: z.string(),
  mae: z.number(),
  zeroMae: z.number(),
  constMae: z.number(),
  skill: z.number(),
  meanR: z.number().nullable(),
  regions: z.record(z.string(), RegionHeadline),
});
export type EvaluationHeadline = z.infer<typeof EvaluationHeadline>;

export const ModelSummary = z.object({
  path: z.string(),
  source: z.enum(['bundled', 'user']),
  id: z.string().nullable(),
  inputSize: z.number().int().nullable(),
  controlCount: z.number().int().nullable(),
  /** Why the shot's rig cannot use it, or why it is not a usable model; null when it can be used. */
  problem: z.string().nullable(),
  evaluation: z.record(z.string(), z.unknown()),
  /** The manifest's evaluation headline (MAE, skill per region), or null when it has none or it cannot be read. */
  headline: EvaluationHeadline.nullable(),
  /** Why a headline present in the manifest cannot be read, or null. */
  headlineProblem: z.string().nullable(),
  isDefault: z.boolean(),
});
export type ModelSummary = z.infer<typeof ModelSummary>;

export const TakeSummary = z.object({
  id: z.number().int(),
  shotId: z.number().int(),
  modelId: z.string(),
  modelHash: z.string(),
  provider: z.string().nullable(),
  state: z.enum(['running', 'complete', 'cancelled', 'failed']),
  framesDone: z.number().int(),
  durationMs: z.number().nullable(),
  createdAt: z.string(),
  failedFrames: z.array(z.number().int()),
  notice: z.string().nullable(),
  /** What a take that is not a solve is (curves from a file): "ground truth (truth.csv)"; null for a solve. */
  name: z.string().nullable(),
  active: z.boolean(),
});
export type TakeSummary = z.infer<typeof TakeSummary>;

export const SolveStatus = z.object({
  running: z
    .object({ shotId: z.number().int(), done: z.number().int(), total: z.number().int(), framesPerSecond: z.number(), etaSeconds: z.number().nullable() })
    .nullable(),
  queued: z.array(z.number().int()),
  provider: z.string().nullable(),
  notice: z.string().nullable(),
});
export type SolveStatus = z.infer<typeof SolveStatus>;

/** Slate fields to set: a string sets, null clears, absent keeps. */
export const SlateEdit = z
  .object({
    scene: z.string().max(500).nullable(),
    captureTake: z.string().max(500).nullable(),
    actor: z.string().max(500).nullable(),
    startTimecode: z.string().max(500).nullable(),
  })
  .partial()
  .strict();
export type SlateEdit = z.infer<typeof SlateEdit>;

export const Note = z.object({
  id: z.number().int(),
  shotId: z.number().int(),
  frameStart: z.number().int(),
  frameEnd: z.number().int(),
  text: z.string(),
  author: z.string(),
  resolved: z.boolean(),
  resolvedBy: z.string().nullable(),
  createdAt: z.string(),
  /** Strokes and arrows drawn with the note (common/review/drawing), shown on its frames until it is resolved. */
  drawing: NoteDrawing.nullable(),
});
export type Note = z.infer<typeof Note>;

/** Who is acting (typed once in the app's settings; a reviewer gives it in the browser). */
export const UserName = z.string().trim().min(1).max(80);

/** The names in the export-format registry (common/export/formats.ts). */
export const ExportFormat = z.enum(EXPORT_FORMAT_NAMES);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const DailiesRequest = z
  .object({
    shotIds: z.array(ShotId).min(1).max(1000),
    out: z.string().min(1),
    /** Draw the open notes' drawings and words on their frames. */
    notes: z.boolean().default(false),
    /** The plate behind the head in the right half. */
    overlay: z.boolean().default(false),
    artist: z.string().trim().min(1).max(80).nullable().default(null),
    width: z.number().int().min(320).max(7680).default(1280),
    height: z.number().int().min(180).max(4320).default(720),
  })
  .strict();
export type DailiesRequest = z.input<typeof DailiesRequest>;

export const DailiesResult = z.object({
  path: z.string(),
  shots: z.array(z.string()),
  frames: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  fps: z.number(),
  renderSeconds: z.number(),
  framesPerSecond: z.number(),
});
export type DailiesResult = z.infer<typeof DailiesResult>;

export const ExportResult = z.object({
  path: z.string(),
  format: ExportFormat,
  frames: z.number().int(),
  controls: z.number().int(),
  takeId: z.number().int(),
  /** The head's motion went out too (the take has it and it was not left out). */
  headMotion: z.boolean(),
  keysBefore: z.number().int(),
  keysAfter: z.number().int(),
  maxError: z.number(),
});
export type ExportResult = z.infer<typeof ExportResult>;
