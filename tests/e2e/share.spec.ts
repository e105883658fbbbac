// A run shared as one HTML file (File > Export > Player): written by the app's own export path,
// opened from file:// in a browser context whose network is blocked, stepped by keyboard and
// compared with the app at the same steps. Program output in it stays text.
import type { Browser, Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runContained } from '../../main/host/run-contained';
import { playerHtml } from '../../main/export/player-html';
import { PLAYER_TEMPLATE } from './desktop-support';
import { openLesson, settle } from './fixtures/lesson';
import { expect, test } from './harness';

/** A page on `file` with every request that is not the file itself (or inline data) refused. */
async function openOffline(
  browser: Browser,
  file: string,
  fragment = '',
): Promise<{ page: Page; asked: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const asked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`file://${file}`) || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    asked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`file://${file}${fragment}`);
  await expect(page.getByTestId('stage-mirror')).toBeAttached();
  expect(problems).toEqual([]);
  return { page, asked };
}

/** What both players say at their current step. */
async function shown(page: Page): Promise<Record<string, string>> {
  await settle(page);
  const text = async (id: string) => (await page.getByTestId(id).innerText()).trim();
  return {
    clock: await text('clock-time'),
    counter: await text('step-counter'),
    narration: await text('narration'),
    console: await text('console'),
    mirror: await text('stage-mirror'),
  };
}

test('File > Export > Player writes one file that plays the run offline, step for step as the app', async ({
  loopscope,
  browser,
}) => {
  const { page } = loopscope;
  await openLesson(page, '01-gather');
  const file = loopscope.desktop.path('gather.html');
  loopscope.desktop.dialog.saveAnswers.push(file);
  await loopscope.event('file:exportRequest', 'player-html');
  await expect(page.getByTestId('notice-text').last()).toHaveText(`Exported to ${file}`);
  const html = readFileSync(file, 'utf8');
  expect(html.length).toBeLessThan(2_000_000);
  expect(html).not.toMatch(/<script[^>]*\ssrc=|<link[^>]*href="(?!data:)/);

  // #step=8: the eighth step as the counter counts them, where seven presses of Right land.
  const shared = await openOffline(browser, file, '#step=8');
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  expect(await shown(shared.page)).toEqual(await shown(page));
  for (const key of ['ArrowRight', 'ArrowRight', 'Shift+ArrowRight', 'ArrowLeft']) {
    await page.keyboard.press(key);
    await shared.page.keyboard.press(key);
    expect(await shown(shared.page)).toEqual(await shown(page));
  }
  await shared.page.keyboard.press('End');
  await expect(shared.page).toHaveURL(/#end$/);
  await expect(shared.page.getByTestId('run-end')).toHaveText('The program finished normally.');
  await expect(shared.page.getByTestId('console')).toContainText("Result: ['a', 'b', 'c']");
  expect(shared.asked).toEqual([]);
  await shared.page.context().close();
});

test('a shared run opens at #end and #t=, and shows what the program printed as text, never markup', async ({
  browser,
}, info) => {
  const source = [
    'import asyncio',
    'async def main():',
    '    print("<script>document.title = \'pwned\'</script><img src=x onerror=alert(1)>")',
    '    await asyncio.sleep(0.25)',
    '    print("\\x1b[31mred\\x1b[0m </script> & \\u2028 done")',
    'asyncio.run(main())',
  ].join('\n');
  const trace = await runContained(source, 'hostile.py');
  mkdirSync(info.outputDir, { recursive: true });
  const file = join(info.outputDir, 'hostile.html');
  writeFileSync(file, playerHtml(readFileSync(PLAYER_TEMPLATE, 'utf8'), trace));

  const { page, asked } = await openOffline(browser, file, '#end');
  let dialogs = 0;
  page.on('dialog', (d) => (dialogs++, void d.dismiss()));
  const out = page.getByTestId('console');
  await expect(out).toContainText("<script>document.title = 'pwned'</script><img src=x onerror=alert(1)>");
  await expect(out).toContainText('red');
  await expect(out).toContainText('</script> & ');
  expect(await page.locator('#app img, #app script').count()).toBe(0);
  expect(await page.title()).toBe('Loopscope run');
  expect(dialogs).toBe(0);
  expect(asked).toEqual([]);

  await page.goto(`file://${file}#t=0.25`);
  await expect(page.getByTestId('clock-time')).toHaveText('0.250');
  await page.context().close();
});

test('a player file with a damaged run says so instead of showing an empty stage', async ({
  browser,
}, info) => {
  mkdirSync(info.outputDir, { recursive: true });
  const file = join(info.outputDir, 'damaged.html');
  writeFileSync(
    file,
    readFileSync(PLAYER_TEMPLATE, 'utf8').replace(
      '<script id="loopscope-trace" type="application/json"></script>',
      '<script id="loopscope-trace" type="application/json">{"version":1,"steps":</script>',
    ),
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`file://${file}`);
  await expect(page.getByRole('alert')).toHaveText('The run in this file is damaged (it is not valid JSON).');
  await context.close();
});
