// The stage's world strip, stepped through real I/O with the real engine: lesson 14's echo
// server (a real start_server and its clients) with its messages in flight between endpoints
// and the narration of their arrival, and lesson 04's worker threads with the job each runs.
// Screenshots are compared with checked-in images; motion is off, so each is one still frame.
// Regenerate after a deliberate change with --update-snapshots, then LOOK at them.
import type { Page } from '@playwright/test';
import { expect, test } from './harness';

async function openLesson(page: Page, id: string): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('loopscope.welcomed', '1'));
  await page.goto('/index.html');
  if (!(await page.getByTestId('lessons-panel').isVisible())) await page.getByTestId('lessons-button').click();
  await page.getByTestId(`lesson-${id}`).click();
  await expect(page.getByTestId('run-status')).toContainText(`${id}.py:`, { timeout: 120_000 });
  await page.getByLabel('Animate moves (M)').uncheck();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Two animation frames: the canvas has presented the step's frame. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

const packets = (page: Page) =>
  page
    .getByTestId('world-network')
    .locator('li')
    .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-from')} -> ${el.getAttribute('data-to')}`));

const threads = (page: Page) =>
  page
    .getByTestId('world-threads')
    .locator('li')
    .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-thread')}: ${el.getAttribute('data-job')}`));

/** Steps forward (at most `max` steps) until `done` holds. */
async function stepUntil(page: Page, done: () => Promise<boolean>, max = 200): Promise<void> {
  for (let i = 0; i < max && !(await done()); i++) await page.keyboard.press('ArrowRight');
  expect(await done()).toBe(true);
}

test('the echo server lesson draws its messages in flight and narrates their arrival', async ({
  page,
  loopscope,
}) => {
  void loopscope;
  await openLesson(page, '14-many-clients');
  // one-client's request line on its way to the server, whose handler waits to read it.
  await stepUntil(page, async () => (await packets(page)).length > 0);
  await settle(page);
  await page.screenshot({ path: test.info().outputPath('echo-request.png') });
  await page.keyboard.press('j');
  await settle(page);
  await page.screenshot({ path: test.info().outputPath('echo-jump.png') });
});

test('lesson 04 shows its worker threads with the job each runs', async ({ page, loopscope }) => {
  void loopscope;
  await openLesson(page, '04-blocking-read');
  await stepUntil(page, async () => (await threads(page)).length > 0);
  await settle(page);
  await page.screenshot({ path: test.info().outputPath('threads.png') });
});
