// The desktop workflow in the real App, through the preload API. Runs once App.svelte wires
// the DesktopController (it sets data-theme on <html> at start); until then each test skips,
// saying so. The engine is not started: these flows never need a run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type LoopscopeHarness } from './harness';

test.use({ engine: false });

async function openApp({ page }: LoopscopeHarness): Promise<void> {
  await page.goto('/index.html');
  const wired = await page
    .locator('html[data-theme]')
    .waitFor({ timeout: 5000 })
    .then(
      () => true,
      () => false,
    );
  test.skip(!wired, 'App.svelte does not wire the DesktopController yet (renderer/src/desktop)');
}

test('File > Open puts the program in the code editor; editing marks it unsaved and keeps a draft', async ({
  loopscope,
}) => {
  await openApp(loopscope);
  const path = loopscope.desktop.write('from-menu.py', 'import asyncio\n\nprint("opened from the menu")\n');
  loopscope.desktop.dialog.openAnswers.push(path);
  await loopscope.menu('file:open');
  const code = loopscope.page.locator('.cm-content');
  await expect(code).toContainText('print("opened from the menu")');
  await code.click();
  await loopscope.page.keyboard.press('End');
  await loopscope.page.keyboard.type('  # edited');
  await expect.poll(() => loopscope.desktop.session.isDirty).toBe(true);
  const draft = join(loopscope.desktop.userData, 'drafts', 'draft.json');
  await expect
    .poll(() => existsSync(draft) && JSON.parse(readFileSync(draft, 'utf8')).text, { timeout: 15_000 })
    .toContain('# edited');
});

test('a theme chosen in View > Theme applies to the App', async ({ loopscope }) => {
  await openApp(loopscope);
  await loopscope.desktop.settings.set({ theme: 'light' }); // what the menu does in main
  await expect(loopscope.page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test.describe('corrupt settings', () => {
  test.use({ userDataSeed: { 'settings.json': '{{{' } });

  test('show their notice in the App', async ({ loopscope }) => {
    await openApp(loopscope);
    await expect(loopscope.page.getByTestId('notice-text')).toHaveText(/Your settings file was damaged/);
  });
});

test('F5 from the View menu enters presentation mode and Esc leaves it', async ({ loopscope }) => {
  await openApp(loopscope);
  const html = loopscope.page.locator('html');
  await loopscope.menu('view:presentation');
  await expect(html).toHaveAttribute('data-presenting', '');
  await loopscope.page.keyboard.press('b');
  await expect(html).toHaveAttribute('data-blank', '');
  await loopscope.page.keyboard.press('Escape');
  await expect(html).not.toHaveAttribute('data-presenting');
  await expect(html).not.toHaveAttribute('data-blank');
  expect(loopscope.desktop.presentationCalls).toEqual([true, false]);
});
