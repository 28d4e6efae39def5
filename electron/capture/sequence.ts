// Finding image sequences in a folder listing. Pure: names in, sequences out.
// Recognised: name.0001.png, name_0001.png, name-0001.png, name0001.png, 0001.png.

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'tif', 'tiff'] as const;
export const VIDEO_EXTENSIONS = ['mp4', 'mov', 'm4v', 'mkv', 'avi', 'webm'] as const;

export interface Sequence {
  /** Everything before the frame number, e.g. "take01." */
  prefix: string;
  /** Lower-cased extension without the dot. */
  ext: string;
  /** Frame number → file name. */
  files: Map<number, string>;
  first: number;
  last: number;
}

export interface SequenceScan {
  /** The main sequence (most frames); null when the folder holds none. */
  main: Sequence | null;
  /** Other sequences found beside it, ignored. */
  others: Sequence[];
  /** Image files with no frame number, ignored. */
  unnumbered: string[];
  /** Files whose frame number another file of the sequence already has (e.g. 01 and 001). */
  duplicates: string[];
}

const NUMBERED = /^(.*?)(\d+)\.([A-Za-z0-9]+)$/;

export function isImageName(name: string): boolean {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  return (IMAGE_EXTENSIONS as readonly string[]).includes(ext);
}

export function isVideoName(name: string): boolean {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  return (VIDEO_EXTENSIONS as readonly string[]).includes(ext);
}

export function scanSequences(names: readonly string[]): SequenceScan {
  const groups = new Map<string, Sequence>();
  const unnumbered: string[] = [];
  const duplicates: string[] = [];
  // Sorted so that, of two names for one frame number, the choice does not depend on listing order.
  for (const name of [...names].sort()) {
    if (name.startsWith('.') || !isImageName(name)) continue;
    const m = NUMBERED.exec(name);
    if (!m) {
      unnumbered.push(name);
      continue;
    }
    const prefix = m[1]!;
    const ext = normaliseExt(m[3]!);
    const frame = Number.parseInt(m[2]!, 10);
    const key = `${prefix}\u0000${ext}`;
    let seq = groups.get(key);
    if (!seq) {
      seq = { prefix, ext, files: new Map(), first: frame, last: frame };
      groups.set(key, seq);
    }
    if (seq.files.has(frame)) {
      duplicates.push(name);
      continue;
    }
    seq.files.set(frame, name);
    seq.first = Math.min(seq.first, frame);
    seq.last = Math.max(seq.last, frame);
  }
  const all = [...groups.values()].sort((a, b) => b.files.size - a.files.size || a.prefix.localeCompare(b.prefix));
  return { main: all[0] ?? null, others: all.slice(1), unnumbered, duplicates };
}

function normaliseExt(ext: string): string {
  const e = ext.toLowerCase();
  if (e === 'jpeg') return 'jpg';
  if (e === 'tiff') return 'tif';
  return e;
}

export interface FramePlan {
  frame: number;
  rgb: string | null;
  normal: string | null;
}

/**
 * Pairs RGB and normal frames by number over the whole range either covers.
 * A number inside the range with no file at all is a gap (both null).
 */
export function pairSequences(rgb: Sequence, normal: Sequence | null): FramePlan[] {
  const first = normal ? Math.min(rgb.first, normal.first) : rgb.first;
  const last = normal ? Math.max(rgb.last, normal.last) : rgb.last;
  const plan: FramePlan[] = [];
  for (let f = first; f <= last; f++) {
    plan.push({ frame: f, rgb: rgb.files.get(f) ?? null, normal: normal?.files.get(f) ?? null });
  }
  return plan;
}
