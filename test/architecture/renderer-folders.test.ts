// The renderer's folders stay layered: api/, state/ and ui/ at the bottom (in that order), the
// features (curves, export, keyboard, plate, preview, review, rig, solve, timeline) above them,
// views/ composing features, app/ on top. What this test holds, read from the imports themselves:
//   - no two folders import each other, directly or round a loop;
//   - the bottom layers import nothing above them;
//   - a folder with an index.ts is a feature, reached from other folders only through that index;
//   - no import.meta.glob and no window events between folders: couplings the type checker and
//     this graph cannot see.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCycle, fileImports, folderCycles, folderGraph, folderOf, listSources, type FileImport } from '../helpers/import-graph';

const ROOT = join(import.meta.dirname, '..', '..', 'renderer', 'src');
const imports = fileImports(ROOT);
const sources = listSources(ROOT).map((p) => relative(ROOT, p).split(sep).join('/'));

describe('the renderer folder graph', () => {
  it('has no folder cycles', () => {
    const g = folderGraph(imports);
    expect(g.size).toBeGreaterThan(5); // the graph was read at all
    expect(folderCycles(g).map((c) => describeCycle(g, c))).toEqual([]);
  });

  it('keeps the bottom layers below every feature', () => {
    const allowed: Record<string, readonly string[]> = { api: [], state: ['api'], ui: ['api', 'state'] };
    const up = imports.filter((i) => {
      const from = folderOf(i.from);
      const to = folderOf(i.to);
      return from in allowed && from !== to && !allowed[from]!.includes(to);
    });
    expect(up.map((i) => `${i.from} imports '${i.specifier}'`)).toEqual([]);
  });

  it('reaches a feature (a folder with an index.ts) only through its index', () => {
    const features = new Set(sources.filter((p) => /^[^/]+\/index\.tsx?$/.test(p)).map(folderOf));
    expect(features.size).toBeGreaterThan(5);
    const around = imports.filter((i) => {
      const target = folderOf(i.to);
      return features.has(target) && folderOf(i.from) !== target && !/^[^/]+\/index\.tsx?$/.test(i.to);
    });
    expect(around.map((i) => `${i.from} imports '${i.specifier}'`)).toEqual([]);
  });

  it('has no hidden couplings: no import.meta.glob, no window CustomEvent', () => {
    const hidden = sources.filter((p) => /import\.meta\.glob|new CustomEvent\b/.test(readFileSync(join(ROOT, p), 'utf8')));
    expect(hidden).toEqual([]);
  });
});

describe('the cycle finder', () => {
  const imp = (from: string, to: string): FileImport => ({ from, to, specifier: to });

  it('finds a two-way pair and a longer loop, and passes a layered tree', () => {
    const pair = folderGraph([imp('a/x.ts', 'b/y.ts'), imp('b/y.ts', 'a/z.ts'), imp('c/w.ts', 'a/x.ts')]);
    expect(folderCycles(pair)).toEqual([['a', 'b']]);
    expect(describeCycle(pair, ['a', 'b'])).toContain("a/x.ts imports 'b/y.ts'");
    const loop = folderGraph([imp('a/1.ts', 'b/1.ts'), imp('b/1.ts', 'c/1.ts'), imp('c/1.ts', 'a/2.ts')]);
    expect(folderCycles(loop)).toEqual([['a', 'b', 'c']]);
    const layered = folderGraph([imp('views/v.ts', 'ui/u.ts'), imp('views/v.ts', 'state/s.ts'), imp('ui/u.ts', 'state/s.ts'), imp('main.ts', 'views/v.ts')]);
    expect(folderCycles(layered)).toEqual([]);
  });
});
