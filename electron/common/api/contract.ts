// The typed API between the renderer and the main process. Both hosts (Electron IPC, and the
// browser host's WebSocket) carry exactly these channels; the main side validates every call's
// arguments with these schemas before a handler sees them.
import { z } from 'zod';
import {
  CropRect,
  DeviceChoice,
  DirListing,
  FrameInfo,
  ImportReport,
  ImportRequest,
  ProjectInfo,
  RigInspectReport,
  RigMapping,
  ShotDetail,
  ShotId,
  ShotSummary,
  SlateEdit,
  DailiesRequest,
  DailiesResult,
  ExportResult,
  ModelSummary,
  Note,
  ShotStatus,
  UserName,
  SolveStatus,
  TakeSummary,
} from './schemas';
import { FOV_MAX_DEG, FOV_MIN_DEG } from '../camera';
import { EditTransaction, LayerStateSchema } from '../edits';
import { ExportApprovedRequest, ExportShotRequest, RememberedExport } from '../export/options';
import { NoteDrawing } from '../review/drawing';

/** A shot's correction layer with where its undo history stands. */
export const LayerWithHistory = LayerStateSchema.extend({ undoLabel: z.string().nullable(), redoLabel: z.string().nullable() });

const none = z.object({}).strict();

/**
 * Who may call a channel: 'read' anyone with the token; 'review' changes a reviewer may make too
 * (notes, shot status); 'write' changes the project (curve edits, solves: refused to read-only
 * reviewers); 'host' reaches the host's files outside the project (refused to reviewers too).
 */
export type ChannelAccess = 'read' | 'review' | 'write' | 'host';

function channel<A extends z.ZodType, R extends z.ZodType>(args: A, result: R, access: ChannelAccess) {
  return { args, result, access };
}

export const CHANNELS = {
  'project.info': channel(none, ProjectInfo, 'read'),
  'project.open': channel(z.object({ path: z.string().min(1), create: z.boolean().default(false) }).strict(), ProjectInfo, 'host'),
  'shots.list': channel(none, z.array(ShotSummary), 'read'),
  'shot.get': channel(z.object({ shotId: ShotId }).strict(), ShotDetail, 'read'),
  'shot.frames': channel(z.object({ shotId: ShotId }).strict(), z.array(FrameInfo), 'read'),
  'capture.import': channel(ImportRequest.strict(), ImportReport, 'host'),
  'fs.listDir': channel(z.object({ path: z.string().nullable().default(null) }).strict(), DirListing, 'host'),
  'shot.setCrop': channel(z.object({ shotId: ShotId, crop: CropRect.nullable() }).strict(), ShotDetail, 'write'),
  /** A real shot's camera lens as a horizontal field of view in degrees (null: the default); refused on a shot whose camera.json says its lens. */
  'shot.setFov': channel(z.object({ shotId: ShotId, fovDeg: z.number().min(FOV_MIN_DEG).max(FOV_MAX_DEG).nullable() }).strict(), ShotDetail, 'write'),
  'shot.setSlate': channel(z.object({ shotId: ShotId, slate: SlateEdit }).strict(), ShotDetail, 'write'),
  'shots.applyNamePattern': channel(
    z.object({ shotIds: z.array(ShotId).min(1).max(10_000), pattern: z.string().trim().min(1).max(500) }).strict(),
    z.object({ updated: z.array(ShotId), unmatched: z.array(z.string()) }),
    'write',
  ),
  'models.list': channel(z.object({ shotId: ShotId.nullable().default(null) }).strict(), z.array(ModelSummary), 'read'),
  'solve.start': channel(
    z.object({ shotIds: z.array(ShotId).min(1).max(10_000), modelPath: z.string().nullable().default(null), device: DeviceChoice.default('auto') }).strict(),
    z.object({ queued: z.number().int() }),
    'write',
  ),
  'solve.cancel': channel(z.object({ shotId: ShotId.nullable().default(null) }).strict(), SolveStatus, 'write'),
  'solve.status': channel(none, SolveStatus, 'read'),
  'takes.list': channel(z.object({ shotId: ShotId }).strict(), z.array(TakeSummary), 'read'),
  'layer.get': channel(z.object({ shotId: ShotId }).strict(), LayerWithHistory, 'read'),
  'edits.apply': channel(z.object({ shotId: ShotId, transaction: EditTransaction }).strict(), LayerWithHistory, 'write'),
  'edits.undo': channel(z.object({ shotId: ShotId }).strict(), LayerWithHistory, 'write'),
  'edits.redo': channel(z.object({ shotId: ShotId }).strict(), LayerWithHistory, 'write'),
  'shot.setStatus': channel(
    z.object({ shotId: ShotId, status: ShotStatus, by: UserName, note: z.string().trim().max(4000).nullable().default(null) }).strict(),
    ShotDetail,
    'review',
  ),
  'notes.list': channel(z.object({ shotId: ShotId }).strict(), z.array(Note), 'read'),
  'notes.add': channel(
    z
      .object({
        shotId: ShotId,
        frameStart: z.number().int(),
        frameEnd: z.number().int(),
        text: z.string().trim().min(1).max(4000),
        author: UserName,
        drawing: NoteDrawing.nullable().default(null),
      })
      .strict(),
    z.array(Note),
    'review',
  ),
  'notes.resolve': channel(z.object({ noteId: z.number().int().positive(), resolved: z.boolean(), by: UserName }).strict(), z.array(Note), 'review'),
  'export.shot': channel(ExportShotRequest, ExportResult, 'host'),
  'export.approved': channel(
    ExportApprovedRequest,
    z.object({ exported: z.array(ExportResult.extend({ shot: z.string() })), failed: z.array(z.object({ shot: z.string(), message: z.string() })) }),
    'host',
  ),
  /** The project's last export (format and settings), which the export dialogs open with; null before its first. */
  'export.remembered': channel(none, RememberedExport.nullable(), 'read'),
  /** Dailies of the shots (plate | head, burn-ins, H.264) written to `out`, with job.progress (kind 'dailies', with an ETA). */
  'dailies.render': channel(DailiesRequest, DailiesResult, 'host'),
  /** Stops a dailies render (its job.progress jobId; null: every one running): it fails as cancelled and leaves no file. */
  'dailies.cancel': channel(z.object({ jobId: z.string().max(100).nullable().default(null) }).strict(), z.object({ cancelled: z.number().int() }), 'host'),
  'take.setActive': channel(z.object({ shotId: ShotId, takeId: z.number().int().positive() }).strict(), z.array(TakeSummary), 'write'),
  'rig.inspect': channel(z.object({ path: z.string().min(1), mapping: RigMapping.optional() }).strict(), RigInspectReport, 'host'),
  'shot.setRig': channel(z.object({ shotId: ShotId, path: z.string().min(1).nullable(), mapping: RigMapping.optional() }).strict(), ShotDetail, 'write'),
} as const;

export type ChannelName = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];
/** What a caller passes (defaults may be omitted). */
export type ChannelArgs<C extends ChannelName> = z.input<(typeof CHANNELS)[C]['args']>;
/** What a handler receives (defaults filled in). */
export type ChannelParsedArgs<C extends ChannelName> = z.output<(typeof CHANNELS)[C]['args']>;
export type ChannelResult<C extends ChannelName> = z.output<(typeof CHANNELS)[C]['result']>;

export const EVENTS = {
  /** Progress of a long job (import, video extraction, later solves and exports). */
  'job.progress': z.object({
    jobId: z.string(),
    kind: z.enum(['import', 'extract', 'export', 'dailies']),
    label: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    finished: z.boolean(),
    /** Seconds left at the rate so far, where the job measures it (dailies). */
    etaSeconds: z.number().nonnegative().nullable().optional(),
  }),
  'solve.progress': z.object({
    shotId: ShotId,
    takeId: z.number().int(),
    done: z.number().int(),
    total: z.number().int(),
    framesPerSecond: z.number(),
    etaSeconds: z.number().nullable(),
    provider: z.string(),
  }),
  'solve.finished': z.object({
    shotId: ShotId,
    takeId: z.number().int().nullable(),
    ok: z.boolean(),
    message: z.string(),
    failedFrames: z.array(z.number().int()),
  }),
  /** A shot's review notes changed. */
  'notes.changed': z.object({ shotId: ShotId }),
  /** A shot's correction layer changed (an edit, undo or redo, from any window or reviewer). */
  'layer.changed': z.object({ shotId: ShotId }),
  /** A shot was created, changed or removed: lists refresh. */
  'shots.changed': z.object({ shotId: ShotId.nullable() }),
} as const;

export type EventName = keyof typeof EVENTS;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;

export const ApiErrorCode = z.enum(['invalidArgs', 'unknownChannel', 'notFound', 'badInput', 'forbidden', 'conflict', 'internal']);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;
export const ApiError = z.object({ code: ApiErrorCode, message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiError };

/** Messages on the browser host's WebSocket. */
export const WireRequest = z.object({ id: z.number().int(), channel: z.string(), args: z.unknown() });
export type WireRequest = z.infer<typeof WireRequest>;
export type WireMessage = { type: 'response'; id: number; response: ApiResponse<unknown> } | { type: 'event'; event: EventName; payload: unknown };

/** The API as the renderer sees it, whichever host carries it. */
export interface RigsolveApi {
  call<C extends ChannelName>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** URL of a plate image: rigsolve://frame/… under Electron, /frame/… in the browser host. */
  frameUrl(shotId: number, kind: 'rgb' | 'normal', frame: number, width?: number): string;
  /**
   * URL of other binary data both hosts serve beside frames: 'take/<id>/curves' (a take's curves,
   * see common/curves/take-blob) and 'rig/<shotId>' (the shot's rig as GLB).
   */
  dataUrl(path: string): string;
  readonly host: 'electron' | 'browser';
}
