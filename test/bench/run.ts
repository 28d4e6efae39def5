// `npm run bench`: the one harness for every benchmark of the project. Prints a table and writes
// the same figures to bench-results.json. `npm run bench -- capture` runs only the named suites.
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import type { BenchFigure, BenchSuite } from './figures';
import { captureSuite } from './suites/capture';
import { dailiesSuite } from './suites/dailies';
import { exportSuite } from './suites/export';
import { fuzzSuite } from './suites/fuzz';
import { curveEditorSuite } from './suites/curve-editor';
import { modelSuite } from './suites/model';
import { registerSuite } from './suites/register';
import { rigSuite } from './suites/rig';
import { solveSuite } from './suites/solve';

const SUITES: BenchSuite[] = [captureSuite, rigSuite, modelSuite, solveSuite, registerSuite, curveEditorSuite, exportSuite, dailiesSuite, fuzzSuite];

function format(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chosen = only.length > 0 ? SUITES.filter((s) => only.includes(s.name)) : SUITES;
  if (chosen.length === 0) {
    console.error(`unknown suite(s) ${only.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const figures: BenchFigure[] = [];
  for (const suite of chosen) {
    console.error(`bench: ${suite.name}…`);
    figures.push(...(await suite.run()));
  }
  const rows = figures.map((f) => [
    f.suite,
    f.name,
    format(f.value),
    f.unit,
    f.ratio ? `${format(f.ratio.numerator.value)} / ${format(f.ratio.denominator.value)}` : '',
    f.target ?? '',
  ]);
  const head = ['suite', 'figure', 'value', 'unit', 'ratio of', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  const noted = figures.filter((f) => f.notes);
  if (noted.length > 0) console.log(`\nnotes:\n${noted.map((f) => `  ${f.suite} / ${f.name}: ${f.notes}`).join('\n')}`);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}` };
  await writeFile('bench-results.json', `${JSON.stringify({ date: new Date().toISOString(), machine, figures }, null, 2)}\n`);
  console.log('\nwritten to bench-results.json');
}

await main();
