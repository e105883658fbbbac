import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// CI collects a JSON report beside the console one (tests/summarize-results.mjs totals them).
const resultsDir = process.env['LOOPSCOPE_RESULTS_DIR'];

export default defineConfig({
  resolve: {
    // Electron 42+ downloads its binary on the first require(): unit tests must never load it.
    alias: { electron: fileURLToPath(new URL('./tests/mocks/electron.ts', import.meta.url)) },
  },
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/engine/**/*.test.ts',
      'tests/host/**/*.test.ts',
      'tests/lessons/**/*.test.ts',
    ],
    // The engine bundle and its snapshot, once, before any file starts an engine.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: resultsDir ? ['default', 'json'] : ['default'],
    outputFile: resultsDir ? { json: `${resultsDir}/vitest.json` } : undefined,
  },
});
