// The rigsolve command line as the tests run it: the shipped entry point, under this Node.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';

/** bin/rigsolve.mjs, the CLI's entry point. */
export const CLI = join(process.cwd(), 'bin', 'rigsolve.mjs');

/** The small pooled fixture solver (fast; its figures are not meaningful, their computation is). */
export const FIXTURE_MODEL = join(process.cwd(), 'test/fixtures/models/fixture-pooled.onnx');

/** Runs `rigsolve ...args` to completion; stdout and stderr as text. */
export function runCli(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}
