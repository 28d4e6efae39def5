// The short run of the API fuzzer (test/helpers/fuzz-api.ts) against a live browser host and a real
// project; `npm run bench -- fuzz` runs the long one. Seeded: FUZZ_SEED=N reproduces a failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type ChannelName } from '../../../electron/common/api/contract';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';
import { describeFuzz, fuzzHost, startFuzzHost } from '../../helpers/fuzz-api';
import { tempDir } from '../../helpers/temp';

let host: BrowserHost;
let project: string;
let shotId: number;
let cleanup: () => Promise<void>;
let dir: string;
const CALLS = 2000;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('rigsolve-fuzz-'));
  ({ host, project, shotId } = await startFuzzHost(dir));
});
afterAll(async () => {
  await host.close();
  await cleanup();
});

describe('API fuzzer (short run)', () => {
  it('keeps the host up, answers every readable id, never answers internal, changes the project only by valid calls', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 16);
    const report = await fuzzHost(host, { seed, calls: CALLS, project, shotId, oversizeEvery: 500 });
    console.log(describeFuzz(report));
    expect(report.failures, JSON.stringify(report.failures.slice(0, 5), null, 2)).toEqual([]);
    expect(report).toMatchObject({ calls: CALLS, internal: 0, unanswered: 0, crashes: 0, oversize: CALLS / 500 });
    expect(report.answered).toBe(report.owed);
    // The run reached the handlers, not only the validators: some calls succeeded, some wrote.
    expect(report.ok).toBeGreaterThan(0);
    expect(report.acceptedWrites).toBeGreaterThan(0);
    expect(report.truncated + report.badUtf8).toBeGreaterThan(0);
  }, 120_000);

  it('on a read-only review host, succeeds only on read and review channels', async () => {
    const review = await startBrowserHost({
      projectPath: null,
      context: host.context,
      readOnly: true,
      rendererDir: `${dir}/no-renderer`,
      sockets: { log: () => {} },
    });
    try {
      const report = await fuzzHost(review, { seed: Number(process.env.FUZZ_SEED ?? 16) + 1, calls: 500, project, shotId, oversizeEvery: 0 });
      console.log(`read-only: ${describeFuzz(report)}`);
      expect(report.failures, JSON.stringify(report.failures.slice(0, 5), null, 2)).toEqual([]);
      const allowed = Object.keys(report.okByChannel).filter((c) => {
        const access = CHANNELS[c as ChannelName]?.access;
        return access !== 'read' && access !== 'review';
      });
      expect(allowed).toEqual([]);
      expect(report.byCode.forbidden ?? 0).toBeGreaterThan(0);
    } finally {
      await review.close();
    }
  }, 60_000);
});
