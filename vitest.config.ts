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
  },
});
