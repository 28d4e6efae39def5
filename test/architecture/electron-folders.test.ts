// The main process's folders stay layered (the order lives in eslint.config.js and ARCHITECTURE.md;
// lint refuses an import up or sideways). This test reads the imports themselves, as the bundler
// follows them, and holds what the order exists for:
//   - no two folders import each other, directly or round a loop (nor two tools in electron/tools/);
//   - the offline tools are the CLI's: the app reaches none of them, except the first-run demo,
//     which renders its capture through tools/synth's index.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCycle, fileImports, folderCycles, folderGraph, folderOf } from '../helpers/import-graph';

const ROOT = join(import.meta.dirname, '..', '..', 'electron');
const imports = fileImports(ROOT);

describe('the electron folder graph', () => {
  it('has no folder cycles', () => {
    const g = folderGraph(imports);
    expect(g.size).toBeGreaterThan(8); // the graph was read at all
    expect(folderCycles(g).map((c) => describeCycle(g, c))).toEqual([]);
  });

  it('has no cycles among the tools', () => {
    const g = folderGraph(fileImports(join(ROOT, 'tools')));
    expect(folderCycles(g).map((c) => describeCycle(g, c))).toEqual([]);
  });

  it('keeps the offline tools out of the app', () => {
    const allowed = (from: string, to: string) => folderOf(from) === 'cli' || (folderOf(from) === 'demo' && to === 'tools/synth/index.ts');
    const intoTools = imports.filter((i) => folderOf(i.to) === 'tools' && folderOf(i.from) !== 'tools');
    expect(intoTools.length).toBeGreaterThan(0); // the CLI's synth commands are seen
    expect(intoTools.filter((i) => !allowed(i.from, i.to)).map((i) => `${i.from} imports '${i.specifier}'`)).toEqual([]);
  });
});
