// End-to-end tests. `renderer`: the built renderer in Debian's Chromium (LOOPSCOPE_CHROMIUM
// overrides /usr/bin/chromium) behind the test bridge. `electron`: the real app through
// Playwright's _electron, which skips with its reason where Electron's binary is absent.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.LOOPSCOPE_E2E_PORT ?? 4179);
export const chromiumPath = process.env.LOOPSCOPE_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  timeout: 120_000,
  expect: { timeout: 15_000, toHaveScreenshot: { maxDiffPixelRatio: 0.02 } },
  // One: measured with two on two cores, each spec took about twice as long (CPU-bound: Chromium
  // draws in software), and wall-time step budgets stopped programs that were merely starved.
  workers: 1,
  // CI collects a JSON report beside the list (tests/summarize-results.mjs totals them).
  reporter: process.env.LOOPSCOPE_RESULTS_DIR
    ? [['list'], ['json', { outputFile: `${process.env.LOOPSCOPE_RESULTS_DIR}/playwright.json` }]]
    : 'list',
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  webServer: {
    command: 'node tests/e2e/serve-renderer.mjs',
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: !process.env.CI,
    env: { LOOPSCOPE_E2E_PORT: String(port) },
  },
  projects: [
    {
      name: 'renderer',
      testDir: 'tests/e2e',
      use: {
        baseURL: `http://127.0.0.1:${port}`,
        viewport: { width: 1400, height: 900 },
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
            '--use-angle=swiftshader',
            '--enable-unsafe-swiftshader',
          ],
        },
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
    // The Chromium engine host (engine/chromium) in Debian's Chromium, driven by main's own
    // SimService; these specs serve the built engine page themselves (tests/chromium-engine/server.ts).
    { name: 'chromium-engine', testDir: 'tests/chromium-engine', timeout: 300_000 },
  ],
});
