// The export options, in one place: the schema the API validates, the CLI's flags are parsed into,
// the dialog checks its form with and a project remembers its last export by. The registry
// (formats.ts) says which formats read which option; the writers (electron/export/) apply them.
//
// Head motion (common/head.ts) goes out with the curves when the take has it, unless headMotion is
// false; .anim and glTF put it on the node named headNode (default `head`).
import { z } from 'zod';
import { parseTimecode, timecodeToFrames } from '../timecode';
import { DEFAULT_TOLERANCE, EXPORT_FORMAT_NAMES } from './formats';

/** The blendShape node Maya's curves go on when none is given (a fresh blendShape deformer's name). */
export const DEFAULT_NODE_NAME = 'blendShape1';

/** The node the head's rotation and translation go on (.anim, glTF) when none is given. */
export const DEFAULT_HEAD_NODE = 'head';

/** Maya node names: letters, digits and _, not starting with a digit; namespaces with `:`. */
const MAYA_NODE_NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*:)*[A-Za-z_][A-Za-z0-9_]*$/;

export const NodeName = z
  .string()
  .trim()
  .min(1, 'a node name (it is empty)')
  .max(200, 'a node name of at most 200 characters')
  .regex(MAYA_NODE_NAME, 'a Maya node name: letters, digits and _, not starting with a digit (a namespace with :, as in face:blendShape1)');

/** A signed timecode, `HH:MM:SS:FF` or `-HH:MM:SS:FF`: how far the exported timecode is moved. */
const SIGNED_TIMECODE = /^\s*([+-]?)\s*(.+)$/;

export const TimecodeOffset = z
  .string()
  .trim()
  .max(20)
  .refine((s) => parseSignedTimecode(s) !== null, 'a timecode offset looks like 01:00:00:00 (or -00:00:01:00 to move it back)');

/** Frames the export's first frame is numbered from: any whole frame (1001 is the usual film start). */
export const StartFrame = z.number().int().min(-1_000_000).max(10_000_000);

/**
 * What an export remembers and reuses across shots: everything but the shot, the take, the frame
 * range and the file. null is the default in each (the shot's own frame numbers and timecode,
 * blendShape1, the default tolerance).
 */
export const ExportSettings = z
  .object({
    /** Value tolerance for key reduction (keyed formats); 0 keeps every frame. */
    tolerance: z.number().min(0).max(1).nullable().default(null),
    /** Maya: the blendShape node the curves go on. */
    nodeName: NodeName.nullable().default(null),
    /** The number the first exported frame gets; the rest follow it (null: the shot's own frame numbers). */
    startFrame: StartFrame.nullable().default(null),
    /** Added to every frame's timecode (ARKit CSV): the shot's slate start timecode, or its frame numbers counted from 00:00:00:00. */
    timecodeOffset: TimecodeOffset.nullable().default(null),
    /** The head channels go out too, when the take has them (null: yes); false exports the face alone. */
    headMotion: z.boolean().nullable().default(null),
    /** .anim and glTF: the node the head's rotation and translation go on (null: `head`). */
    headNode: NodeName.nullable().default(null),
  })
  .strict();
export type ExportSettings = z.output<typeof ExportSettings>;

/** What a project remembers of its last export: the format and the settings, for the next dialog. */
export const RememberedExport = ExportSettings.extend({ format: z.enum(EXPORT_FORMAT_NAMES) });
export type RememberedExport = z.output<typeof RememberedExport>;

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  tolerance: null,
  nodeName: null,
  startFrame: null,
  timecodeOffset: null,
  headMotion: null,
  headNode: null,
};

/** An inclusive frame range inside the shot. */
export const FrameRange = z.object({ from: z.number().int(), to: z.number().int() });

/** One shot's export: the settings plus the shot's take, frames and file. */
export const ExportShotRequest = ExportSettings.extend({
  shotId: z.number().int().positive(),
  format: z.enum(EXPORT_FORMAT_NAMES),
  out: z.string().min(1),
  range: FrameRange.nullable().default(null),
  takeId: z.number().int().positive().nullable().default(null),
}).strict();

/** Every approved shot into a folder, each with the same settings. */
export const ExportApprovedRequest = ExportSettings.extend({ format: z.enum(EXPORT_FORMAT_NAMES), outDir: z.string().min(1) }).strict();

/** "-00:00:01:00" → -fps frames; null when it is not a timecode (frames at or above the rate included). */
export function parseSignedTimecode(text: string, fps?: number): { sign: 1 | -1; hours: number; minutes: number; seconds: number; frames: number } | null {
  const m = SIGNED_TIMECODE.exec(text);
  if (!m) return null;
  const tc = parseTimecode(m[2]!, fps);
  return tc ? { sign: m[1] === '-' ? -1 : 1, ...tc } : null;
}

/** A timecode offset as a frame count at the shot's (rounded) rate; throws a sentence when it is not one at that rate. */
export function timecodeOffsetFrames(offset: string | null, fps: number): number {
  if (offset === null) return 0;
  const tc = parseSignedTimecode(offset, fps);
  if (!tc)
    throw new RangeError(
      `timecode offset "${offset}" is not a timecode at ${fps} fps (frames 00–${String(Math.max(1, Math.round(fps)) - 1).padStart(2, '0')})`,
    );
  return tc.sign * timecodeToFrames(tc, fps);
}

/** The settings with their defaults filled in, as the writers read them. */
export interface ResolvedExportSettings {
  tolerance: number;
  nodeName: string;
  startFrame: number | null;
  timecodeOffset: string | null;
  headMotion: boolean;
  headNode: string;
}

export function resolvedSettings(s: ExportSettings): ResolvedExportSettings {
  return {
    tolerance: s.tolerance ?? DEFAULT_TOLERANCE,
    nodeName: s.nodeName ?? DEFAULT_NODE_NAME,
    startFrame: s.startFrame,
    timecodeOffset: s.timecodeOffset,
    headMotion: s.headMotion ?? true,
    headNode: s.headNode ?? DEFAULT_HEAD_NODE,
  };
}
