// The export dialog's pure parts: default paths, the file name the host will use, checking the
// form before sending, and reading a result (key reduction and error).
import type { ExportFormat } from '../../../electron/common/api/schemas';
import { NodeName, StartFrame, TimecodeOffset, type ExportSettings } from '../../../electron/common/export/options';
import { formatInfo } from './formats';

// The tolerance and batch file names are the host's own (the export-format registry).
export { DEFAULT_TOLERANCE, exportFileName } from '../../../electron/common/export/formats';
export { DEFAULT_HEAD_NODE, DEFAULT_NODE_NAME } from '../../../electron/common/export/options';

/** The separator the host's paths use (Windows paths come from a Windows host). */
export function pathSeparator(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

export function joinPath(dir: string, name: string): string {
  const sep = pathSeparator(dir);
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

export function parentDir(path: string): string {
  const sep = pathSeparator(path);
  const i = path.replace(/[\\/]+$/, '').lastIndexOf(sep);
  if (i < 0) return path;
  if (i === 0) return sep;
  return /^[A-Za-z]:$/.test(path.slice(0, i)) ? `${path.slice(0, i)}${sep}` : path.slice(0, i);
}

/** Exports go beside the project, in exports/, unless the user picks another folder. */
export function defaultExportDir(projectPath: string | null): string | null {
  return projectPath ? joinPath(parentDir(projectPath), 'exports') : null;
}

export interface RangeChoice {
  kind: 'all' | 'marked' | 'custom';
  from: number;
  to: number;
}

export interface ExportFormState {
  format: ExportFormat;
  dir: string;
  fileName: string;
  tolerance: string;
  range: RangeChoice;
  takeId: number | null;
  /** Maya's blendShape node; empty: the default. */
  nodeName: string;
  /** The first exported frame's number; empty: the shot's own. */
  startFrame: string;
  /** HH:MM:SS:FF added to the timecode; empty: none. */
  timecodeOffset: string;
  /** Export the take's head motion too (when it has it). */
  headMotion: boolean;
  /** .anim and glTF: the node the head's motion goes on; empty: the default (head). */
  headNode: string;
}

export interface CheckedExport extends ExportSettings {
  format: ExportFormat;
  out: string;
  range: { from: number; to: number } | null;
  takeId: number | null;
}

type FormField = 'dir' | 'fileName' | 'tolerance' | 'range' | 'format' | 'nodeName' | 'startFrame' | 'timecodeOffset' | 'headNode';

/** The request to send, or what is wrong (per field) with the form. */
export function checkExportForm(
  f: ExportFormState,
  shot: { first: number; last: number },
): { ok: true; request: CheckedExport } | { ok: false; errors: Partial<Record<FormField, string>> } {
  const errors: Partial<Record<FormField, string>> = {};
  const info = formatInfo(f.format);
  if (!info.available) errors.format = `${info.label} export is not available yet.`;
  if (!f.dir.trim()) errors.dir = 'Choose a folder.';
  const name = f.fileName.trim();
  if (!name) errors.fileName = 'Type a file name.';
  else if (/[\\/]/.test(name)) errors.fileName = 'A file name, without folders.';
  let tolerance: number | null = null;
  if (info.keyed) {
    const t = Number(f.tolerance);
    if (f.tolerance.trim() === '' || !Number.isFinite(t) || t < 0 || t > 1) errors.tolerance = 'Between 0 (a key on every frame) and 1.';
    else tolerance = t;
  }
  let range: { from: number; to: number } | null = null;
  if (f.range.kind !== 'all') {
    const { from, to } = f.range;
    if (!Number.isInteger(from) || !Number.isInteger(to)) errors.range = 'Whole frame numbers.';
    else if (from > to) errors.range = 'The first frame comes after the last.';
    else if (from < shot.first || to > shot.last) errors.range = `Inside the shot: ${shot.first}–${shot.last}.`;
    else range = from === shot.first && to === shot.last ? null : { from, to };
  }
  // The settings the format does not read are sent as the defaults, so a hidden field cannot refuse an export.
  let nodeName: string | null = null;
  if (info.options.nodeName && f.nodeName.trim() !== '') {
    const r = NodeName.safeParse(f.nodeName);
    if (r.success) nodeName = r.data;
    else errors.nodeName = `Not ${r.error.issues[0]!.message}.`;
  }
  let startFrame: number | null = null;
  if (info.options.startFrame && f.startFrame.trim() !== '') {
    const r = StartFrame.safeParse(Number(f.startFrame));
    if (r.success) startFrame = r.data;
    else errors.startFrame = 'A whole frame number, such as 1001.';
  }
  let timecodeOffset: string | null = null;
  if (info.options.timecode && f.timecodeOffset.trim() !== '') {
    const r = TimecodeOffset.safeParse(f.timecodeOffset);
    if (r.success) timecodeOffset = r.data;
    else errors.timecodeOffset = 'A timecode such as 01:00:00:00, or -00:00:01:00 to move back.';
  }
  let headNode: string | null = null;
  if (info.options.headNode && f.headMotion && f.headNode.trim() !== '') {
    const r = NodeName.safeParse(f.headNode);
    if (r.success) headNode = r.data;
    else errors.headNode = `Not ${r.error.issues[0]!.message}.`;
  }
  // null: with head motion (the default); false: the face alone.
  const headMotion = f.headMotion ? null : false;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const file = name.includes('.') ? name : `${name}.${info.ext}`;
  return {
    ok: true,
    request: {
      format: f.format,
      out: joinPath(f.dir.trim(), file),
      tolerance,
      range,
      takeId: f.takeId,
      nodeName,
      startFrame,
      timecodeOffset,
      headMotion,
      headNode,
    },
  };
}

/** "10,200 → 1,340 keys (−87 %)". */
export function reductionText(before: number, after: number): string {
  const pct = before > 0 ? Math.round((1 - after / before) * 100) : 0;
  const n = (x: number) => x.toLocaleString('en-US');
  return before === after ? `${n(after)} keys (one per frame)` : `${n(before)} → ${n(after)} keys (−${pct} %)`;
}

export function formatMaxError(e: number): string {
  return e === 0 ? '0 (exact)' : e < 0.0001 ? e.toExponential(1) : e.toFixed(4);
}

/** Replaces the name's extension when the format changes, if it had the old format's. */
export function swapExtension(fileName: string, from: ExportFormat, to: ExportFormat): string {
  const oldExt = `.${formatInfo(from).ext}`;
  return fileName.endsWith(oldExt) ? `${fileName.slice(0, -oldExt.length)}.${formatInfo(to).ext}` : fileName;
}
