import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// CI collects a JSON report beside the console one (tests/summarize-results.mjs totals them).
const resultsDir = process.env['LOOPSCOPE_RESULTS_DIR'];

// Electron 42+ downloads its binary on the first require(): unit tests must never load it.
const resolve = { alias: { electron: fileURLToPath(new URL('./tests/mocks/electron.ts', import.meta.url)) } };

/** Files whose runs are judged in wall time (see the projects below). */
const WALL_CLOCK = ['tests/host/**/*.test.ts', 'tests/engine/native-real.test.ts'];

export default defineConfig({
  resolve,
  test: {
    // The engine bundle and its snapshot, once, before any file starts an engine.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: resultsDir ? ['default', 'json'] : ['default'],
    outputFile: resultsDir ? { json: `${resultsDir}/vitest.json` } : undefined,
    // Two groups, one after the other. Vitest's default on two cores is one worker for all.
    projects: [
      {
        extends: true,
        // Engines in the test's own process, on the virtual clock (CPU-bound, nothing judged in
        // wall time): one file per core.
        test: {
          name: 'in-process',
          include: ['tests/unit/**/*.test.ts', 'tests/engine/**/*.test.ts', 'tests/lessons/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...WALL_CLOCK],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        // Judged in wall time: contained engine processes with step budgets (and a standby
        // starting beside each run), and real programs on native CPython whose printed times
        // are compared. One file at a time, after the others, so no other file starves them.
        test: {
          name: 'wall-clock',
          include: [...WALL_CLOCK],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
