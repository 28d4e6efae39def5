// Path helpers for the folder pickers and for showing host paths (model picker, frame info). Paths
// come from the host (POSIX or Windows), so both separators are understood; no file system here.
export const VIDEO_EXTENSIONS = ['mov', 'mp4', 'm4v', 'mkv', 'avi', 'mxf', 'webm'] as const;

export function splitPath(path: string): string[] {
  return path.split(/[\\/]+/).filter((p) => p.length > 0);
}

export function baseName(path: string): string {
  const parts = splitPath(path);
  return parts[parts.length - 1] ?? path;
}

export function extension(name: string): string {
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(i + 1).toLowerCase() : '';
}

export function isVideoFile(name: string): boolean {
  return (VIDEO_EXTENSIONS as readonly string[]).includes(extension(name));
}

/** Folder names that say what a folder holds rather than which take it is. */
const GENERIC = /^(rgb|color|colour|beauty|images?|frames?|plates?|seq|sequence|src|source|jpe?g|png|exr|tiff?|normals?|normal[_-]?maps?|cam[_-]?\w*)$/i;

/** A shot name from the picked source: the folder's name, or its parent's when the folder is
 *  called something generic like "rgb"; a video's file name without extension. */
export function defaultShotName(path: string): string {
  const parts = splitPath(path);
  const last = parts[parts.length - 1] ?? '';
  if (isVideoFile(last)) return last.slice(0, last.lastIndexOf('.'));
  if (GENERIC.test(last) && parts.length >= 2) return parts[parts.length - 2] ?? last;
  return last;
}

export interface Crumb {
  label: string;
  path: string;
}

/** Breadcrumbs from the root to `path`, each with the path to list when clicked. */
export function breadcrumbs(path: string): Crumb[] {
  const parts = splitPath(path);
  const crumbs: Crumb[] = [];
  const walk = (root: Crumb, rest: string[], sep: string) => {
    crumbs.push(root);
    let acc = root.path;
    for (const p of rest) {
      acc = acc.endsWith(sep) ? `${acc}${p}` : `${acc}${sep}${p}`;
      crumbs.push({ label: p, path: acc });
    }
  };
  if (/^[A-Za-z]:/.test(path)) {
    const [drive = '', ...rest] = parts;
    walk({ label: drive, path: `${drive}\\` }, rest, '\\');
  } else if (path.startsWith('\\\\')) {
    const [server = '', share = '', ...rest] = parts;
    walk({ label: `\\\\${server}\\${share}`, path: `\\\\${server}\\${share}` }, rest, '\\');
  } else {
    walk({ label: '/', path: '/' }, parts, '/');
  }
  return crumbs;
}

/** "/stage/day1/…/sc01_t03/rgb": the root and as many trailing folders as fit in `max` chars. */
export function shortenPath(path: string, max: number): string {
  if (path.length <= max) return path;
  const sep = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  const parts = splitPath(path);
  const head = path.startsWith(sep) ? `${sep}${parts[0] ?? ''}` : (parts[0] ?? '');
  let tail = '';
  for (let i = parts.length - 1; i > 0; i--) {
    const next = `${sep}${parts[i]}${tail}`;
    if (head.length + 2 + next.length > max && tail) break;
    tail = next;
  }
  return `${head}${sep}…${tail}`;
}
