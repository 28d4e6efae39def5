import { defineConfig } from 'vitest/config';

// One runner for every test: unit (test/electron, test/renderer), integration, and the
// end-to-end tests that drive Chromium against the browser host (test/e2e).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: e2e tests start a server and a browser each; run files two at a time.
    maxWorkers: 2,
    // The e2e tests poll the UI and the API; on a loaded 2-core machine a drag's write can take
    // more than the default 1 s to land, which is slowness, not a failure.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
