// The folder-level import graph of a source tree, for the architecture tests: which top-level
// folder imports which, with the imports behind each edge, and the cycles among folders. Imports
// are read with TypeScript's own pre-processor (static, type-only, re-exports, dynamic import(),
// side-effect and CSS imports alike), so what the bundler follows is what this sees.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import of one file: `from` and `to` relative to the tree's root, '/'-separated. */
export interface FileImport {
  from: string;
  to: string;
  specifier: string;
}

/** Files directly in the root belong to this pseudo-folder. */
export const ROOT_FOLDER = '(root)';

const SOURCE = /\.(ts|tsx)$/;
const RESOLVE_EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

const toPosix = (p: string) => p.split(sep).join('/');

/** Every .ts/.tsx file under `dir` (declarations left out), as absolute paths. */
export function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listSources(p));
    else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The file a relative specifier names (with the bundler's extension and index lookup), or null. */
function resolveRelative(fromFile: string, specifier: string, exists: (p: string) => boolean): string | null {
  const base = resolve(dirname(fromFile), specifier);
  for (const ext of RESOLVE_EXTENSIONS) if (exists(base + ext)) return base + ext;
  return null;
}

/** Every relative import inside `root` (imports leaving the tree, or of packages, are skipped). */
export function fileImports(root: string): FileImport[] {
  const files = listSources(root);
  const known = new Set(files);
  const exists = (p: string) => known.has(p) || (!SOURCE.test(p) && isFile(p));
  const out: FileImport[] = [];
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    const info = ts.preProcessFile(src, true, true);
    for (const { fileName: specifier } of info.importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(file, specifier, exists);
      if (!target) continue;
      const to = toPosix(relative(root, target));
      if (to.startsWith('..')) continue;
      out.push({ from: toPosix(relative(root, file)), to, specifier });
    }
  }
  return out;
}

function isFile(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The top-level folder a root-relative path lies in. */
export function folderOf(path: string): string {
  const i = path.indexOf('/');
  return i < 0 ? ROOT_FOLDER : path.slice(0, i);
}

/** folder → folder → the imports making that edge (a folder's imports of itself left out). */
export type FolderGraph = Map<string, Map<string, FileImport[]>>;

export function folderGraph(imports: readonly FileImport[]): FolderGraph {
  const g: FolderGraph = new Map();
  for (const imp of imports) {
    const a = folderOf(imp.from);
    const b = folderOf(imp.to);
    if (a === b) continue;
    const edges = g.get(a) ?? new Map<string, FileImport[]>();
    g.set(a, edges);
    const list = edges.get(b) ?? [];
    edges.set(b, list);
    list.push(imp);
  }
  return g;
}

/**
 * The folder cycles: each strongly connected component of more than one folder (Tarjan), its
 * folders sorted, so a failure names every folder that can reach every other.
 */
export function folderCycles(g: FolderGraph): string[][] {
  const nodes = new Set<string>(g.keys());
  for (const edges of g.values()) for (const b of edges.keys()) nodes.add(b);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1) out.push(scc.sort());
  };
  for (const v of [...nodes].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** A cycle's edges with one example import each, for a failure message a reader can act on. */
export function describeCycle(g: FolderGraph, cycle: readonly string[]): string {
  const inCycle = new Set(cycle);
  const lines: string[] = [];
  for (const a of cycle) {
    for (const [b, imps] of g.get(a) ?? []) {
      if (!inCycle.has(b)) continue;
      const first = imps[0]!;
      lines.push(`  ${a} -> ${b} (${imps.length}): ${first.from} imports '${first.specifier}'`);
    }
  }
  return `folders ${cycle.join(', ')} import each other:\n${lines.join('\n')}`;
}
