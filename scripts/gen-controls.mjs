// Regenerates electron/common/controls.ts from resources/rigs/controls.tsv.
// Run after the design card's control set changes: node scripts/gen-controls.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const rows = readFileSync('resources/rigs/controls.tsv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));
const src = readFileSync('electron/common/controls.ts', 'utf8');
const start = src.indexOf('export const DEFAULT_CONTROLS');
const end = src.indexOf('];', start) + 2;
const body = rows
  .map(([index, name, facs, region, side]) => `  { index: ${index}, name: '${name}', facs: '${facs}', region: '${region}', side: '${side}' },`)
  .join('\n');
writeFileSync('electron/common/controls.ts', `${src.slice(0, start)}export const DEFAULT_CONTROLS: readonly ControlDef[] = [\n${body}\n];${src.slice(end)}`);
console.log(`wrote ${rows.length} controls`);
