// The real app through Playwright's _electron: window, sandbox, one IPC round trip, a bad
// payload refused. Skips, saying why, where Electron's binary is not installed.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { electronBinary } from './electron-binary';

const binary = electronBinary();
const skipReason = 'missing' in binary ? binary.missing : '';
if (skipReason) console.log(`[electron suite] skipped: ${skipReason}`);

test.describe('the real Electron app', () => {
  test.skip(skipReason !== '', skipReason);

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    app = await electron.launch({
      // No --no-sandbox: the sandbox check below reads the renderer's own command line.
      args: ['out/main/index.js'],
      executablePath: 'path' in binary ? binary.path : undefined,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('opens one window from the app:// protocol', async () => {
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^app:\/\/loopscope\//);
  });

  test('runs the renderer sandboxed, isolated and without Node', async () => {
    const { pid, metric } = await app.evaluate(({ app, BrowserWindow }) => {
      const pid = BrowserWindow.getAllWindows()[0].webContents.getOSProcessId();
      return { pid, metric: app.getAppMetrics().find((m) => m.pid === pid) };
    });
    // Electron gives an unsandboxed renderer --no-sandbox; macOS and Windows also report it.
    if (metric?.sandboxed !== undefined) expect(metric.sandboxed).toBe(true);
    if (process.platform === 'linux') {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(cmdline).toContain('--type=renderer');
      expect(cmdline).not.toContain('--no-sandbox');
    }
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  test('answers one IPC round trip', async () => {
    const info = await page.evaluate(() => window.loopscope.app.info());
    expect(info.name).toBeTruthy();
    expect(typeof info.contained).toBe('boolean');
  });

  test('refuses a wrongly shaped payload with an error and keeps working', async () => {
    const error = await page.evaluate(() =>
      window.loopscope.sim.run({ nonsense: 1 } as never).then(
        () => 'resolved',
        (e: Error) => e.message,
      ),
    );
    expect(error).toMatch(/^sim:run: invalid request/);
    const info = await page.evaluate(() => window.loopscope.app.info());
    expect(info.name).toBeTruthy();
  });
});

test.describe('presentation mode in the real window', () => {
  test.skip(skipReason !== '', skipReason);

  test('enters full screen and Esc restores the window exactly as it was', async () => {
    const app = await electron.launch({
      args: ['out/main/index.js'],
      executablePath: 'path' in binary ? binary.path : undefined,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      const before = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getBounds());
      expect(await page.evaluate(() => window.loopscope.app.presentation(true))).toBe(true);
      await expect
        .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].isFullScreen()))
        .toBe(true);
      await page.keyboard.press('Escape');
      await expect
        .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].isFullScreen()))
        .toBe(false);
      await expect
        .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getBounds()))
        .toEqual(before);
    } finally {
      await app.close();
    }
  });
});
