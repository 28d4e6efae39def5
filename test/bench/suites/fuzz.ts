// The long run of the API fuzzer (issue #16): 10,000 seeded random and mutated calls against a live
// browser host (test/helpers/fuzz-api.ts). Figures: calls, crashes, internal errors, unanswered
// calls, time. FUZZ_SEED and FUZZ_CALLS override the defaults.
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFuzz, fuzzHost, startFuzzHost } from '../../helpers/fuzz-api';
import type { BenchFigure, BenchSuite } from '../figures';

async function run(): Promise<BenchFigure[]> {
  const suite = 'fuzz';
  const dir = join(tmpdir(), `rigsolve-bench-fuzz-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  const { host, project, shotId } = await startFuzzHost(dir);
  const seed = Number(process.env.FUZZ_SEED ?? 1600);
  const calls = Number(process.env.FUZZ_CALLS ?? 10_000);
  try {
    const r = await fuzzHost(host, { seed, calls, project, shotId });
    const notes = describeFuzz(r);
    console.error(`fuzz: ${notes}`);
    for (const f of r.failures.slice(0, 10)) console.error(`  ${f.kind} at call ${f.call}: ${f.detail}\n    ${f.request}`);
    if (r.failures.length > 0) process.exitCode = 1;
    return [
      { suite, name: `calls (seed ${seed})`, value: r.calls, unit: 'calls', target: '≥ 10,000', notes },
      { suite, name: 'crashes (host down or a socket broken)', value: r.crashes, unit: 'count', target: '0' },
      { suite, name: 'internal errors', value: r.internal, unit: 'count', target: '0' },
      { suite, name: 'calls with an id left unanswered', value: r.unanswered, unit: 'count', target: '0' },
      {
        suite,
        name: 'project changes not explained by a valid call',
        value: r.failures.filter((f) => f.kind === 'unexplained change' || f.kind === 'integrity').length,
        unit: 'count',
        target: '0',
      },
      { suite, name: 'time', value: r.ms / 1000, unit: 's' },
    ];
  } finally {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export const fuzzSuite: BenchSuite = { name: 'fuzz', run };
