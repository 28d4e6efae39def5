// Animation curves from a CSV (the truth.csv layout: `frame,<names…>`, one row per frame) mapped
// onto a rig's controls. Names match exactly, then through the ARKit alias table (electron/rig),
// then case-insensitively with Left/Right suffixes read as _L/_R. Controls the file lacks stay at 0.
// Read when a curves file is imported as a take (curves-take.ts), and by the synthetic shot writer
// when a CSV drives its motion. The head channels (common/head.ts: headYaw… headTz) match by their
// exact names only and are read apart from the controls (headFromCurves): Live Link Face's HeadYaw
// is radians in another convention, and would be wrong read as degrees.
import { HEAD_CHANNELS, isHeadChannel, type HeadChannel } from '../common/head';
import { ARKIT_TO_CONTROLS, arkitNameOf } from '../rig/arkit-aliases';

export interface CurveTable {
  /** Column names after the frame column. */
  readonly columns: readonly string[];
  /** Frame number per row (1..N when the file has no frame column). */
  readonly frames: readonly number[];
  /** rows × columns, row-major. */
  readonly values: Float32Array;
}

export function parseCurvesCsv(text: string): CurveTable {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
  const headerLine = lines[0];
  if (headerLine === undefined) throw new Error('curves CSV is empty');
  const sep = headerLine.includes(',') ? ',' : headerLine.includes('\t') ? '\t' : ';';
  const header = headerLine.split(sep).map((h) => h.trim().replace(/^"|"$/g, ''));
  const hasFrame = /^(frame|frames|time|#)$/i.test(header[0] ?? '');
  const columns = hasFrame ? header.slice(1) : header;
  const rows = lines.slice(1);
  const off = hasFrame ? 1 : 0;
  const cellsOf = rows.map((line) => line.split(sep).map((c) => c.trim()));
  const isNumber = (cell: string): boolean => cell !== '' && Number.isFinite(Number(cell));
  // A column whose cells are all text (Live Link Face's Timecode, a name column) is not a curve:
  // it reads as 0 and matches no control. Text among numbers is a broken file, and reading it as 0
  // would make a wrong take look right.
  const textColumn = columns.map(
    (_, c) => cellsOf.every((cells) => (cells[c + off] ?? '') === '' || !isNumber(cells[c + off]!)) && cellsOf.some((cells) => (cells[c + off] ?? '') !== ''),
  );
  const values = new Float32Array(rows.length * columns.length);
  const frames: number[] = [];
  cellsOf.forEach((cells, r) => {
    if (hasFrame) {
      const f = Number(cells[0]);
      if (!Number.isFinite(f)) throw new Error(`curves CSV row ${r + 2}: bad frame '${cells[0]}'`);
      frames.push(f);
    } else {
      frames.push(r + 1);
    }
    for (let c = 0; c < columns.length; c++) {
      if (textColumn[c]) continue;
      const cell = cells[c + off] ?? '';
      // an empty or missing cell is a control at rest
      const v = cell === '' ? 0 : Number(cell);
      if (!Number.isFinite(v)) throw new Error(`curves CSV row ${r + 2}, column ${columns[c]}: '${cell.slice(0, 40)}' is not a number`);
      values[r * columns.length + c] = v;
    }
  });
  return { columns, frames, values };
}

export interface ColumnTarget {
  readonly control: number;
  readonly scale: number;
}

function sideNormalised(name: string): string {
  return name
    .replace(/[_-]?left$/i, '_L')
    .replace(/[_-]?right$/i, '_R')
    .toLowerCase();
}

/** The rig controls a CSV column drives (empty when it matches none). */
export function resolveCurveColumn(name: string, controls: readonly string[]): ColumnTarget[] {
  const exact = controls.indexOf(name);
  if (exact >= 0) return [{ control: exact, scale: 1 }];
  // An ARKit curve drives every control it stands for at its own value (browInnerUp → _L and _R).
  const arkit = arkitNameOf(name);
  if (arkit) {
    const hits = ARKIT_TO_CONTROLS[arkit].flatMap((c) => {
      const i = controls.indexOf(c);
      return i >= 0 ? [{ control: i, scale: 1 }] : [];
    });
    if (hits.length > 0) return hits;
  }
  const lower = name.toLowerCase();
  const ci = controls.findIndex((c) => c.toLowerCase() === lower);
  if (ci >= 0) return [{ control: ci, scale: 1 }];
  const norm = sideNormalised(name);
  const si = controls.findIndex((c) => c.toLowerCase() === norm);
  return si >= 0 ? [{ control: si, scale: 1 }] : [];
}

export interface MappedCurves {
  readonly frames: readonly number[];
  /** frames × controls, row-major, clamped to [0, 1]. */
  readonly weights: Float32Array;
  /** Columns that matched no control. */
  readonly unmatched: readonly string[];
}

export function curvesToWeights(table: CurveTable, controls: readonly string[]): MappedCurves {
  const C = controls.length,
    K = table.columns.length,
    N = table.frames.length;
  const weights = new Float32Array(N * C);
  const unmatched: string[] = [];
  const targets = table.columns.map((name) => {
    if (isHeadChannel(name)) return [];
    const t = resolveCurveColumn(name, controls);
    if (t.length === 0) unmatched.push(name);
    return t;
  });
  for (let r = 0; r < N; r++) {
    for (let k = 0; k < K; k++) {
      const v = table.values[r * K + k]!;
      for (const t of targets[k]!) weights[r * C + t.control] = weights[r * C + t.control]! + v * t.scale;
    }
    for (let c = 0; c < C; c++) weights[r * C + c] = Math.min(1, Math.max(0, weights[r * C + c]!));
  }
  return { frames: table.frames, weights, unmatched };
}

export interface HeadCurves {
  /** The head channels the file names (the others read 0). */
  readonly channels: readonly HeadChannel[];
  /** rows × 6 (HEAD_CHANNELS order), row-major: degrees and millimetres as the file holds them. */
  readonly values: Float32Array;
}

/** The head channels of a curves table (truth.csv's headYaw… headTz, by exact name), or null when it has none. */
export function headFromCurves(table: CurveTable): HeadCurves | null {
  const K = table.columns.length;
  const N = table.frames.length;
  const cols = HEAD_CHANNELS.map((h) => table.columns.indexOf(h));
  if (cols.every((c) => c < 0)) return null;
  const values = new Float32Array(N * HEAD_CHANNELS.length);
  for (let r = 0; r < N; r++) cols.forEach((c, h) => (values[r * HEAD_CHANNELS.length + h] = c >= 0 ? table.values[r * K + c]! : 0));
  return { channels: HEAD_CHANNELS.filter((_, h) => cols[h]! >= 0), values };
}
