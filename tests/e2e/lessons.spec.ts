// Lessons with the real engine: each built-in lesson opened from the picker and played to the
// end prints its golden output; bookmarks are reached with ] and [; the compare view puts the
// sync and async halves of lesson 2 on one time axis.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { LESSON_IDS } from '../../lessons/lessons';
import { expect, test } from './harness';

const golden = (id: string): string[] =>
  readFileSync(new URL(`../../lessons/expected/${id}.out`, import.meta.url), 'utf8')
    .trimEnd()
    .split('\n');

/** The run of `id` is on screen (the status bar names its file). */
async function waitForRun(page: Page, id: string): Promise<void> {
  await expect(page.getByTestId('run-status')).toContainText(`${id}.py:`, { timeout: 90_000 });
}

async function pick(page: Page, id: string): Promise<void> {
  if (!(await page.getByTestId('lessons-panel').isVisible()))
    await page.getByTestId('lessons-button').click();
  await page.getByTestId(`lesson-${id}`).click();
  await expect(page.getByTestId('lessons-panel')).toBeHidden();
  await waitForRun(page, id);
  await expect(page.getByTestId('lesson-bar')).toHaveAttribute('data-lesson', id);
}

const consoleLines = (page: Page) =>
  page.locator('.console').first().getByTestId('console').locator('p:not(.more)').allInnerTexts();

test('the welcome lists every lesson on first start and can be dismissed', async ({ page, loopscope }) => {
  void loopscope;
  await page.goto('/index.html');
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByTestId('lesson-picker').getByRole('button')).toHaveCount(LESSON_IDS.length);
  await page.screenshot({ path: test.info().outputPath('welcome.png') });
  await page.getByTestId('lessons-close').click();
  await expect(page.getByTestId('lessons-panel')).toBeHidden();
  // Reached again from the toolbar and from Help > Lessons…, without the greeting.
  await page.getByTestId('lessons-button').click();
  await expect(page.getByTestId('lessons-panel')).toBeVisible();
  await expect(page.getByTestId('welcome')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lessons-panel')).toBeHidden();
  await loopscope.menu('view:lessons');
  await expect(page.getByTestId('lessons-panel')).toBeVisible();
  // A reload is no longer a first start.
  await page.reload();
  await expect(page.getByTestId('run-status')).toContainText('steps');
  await expect(page.getByTestId('lessons-panel')).toBeHidden();
  // The panel follows the theme (View > Theme > Light).
  await loopscope.desktop.settings.set({ theme: 'light' });
  await page.getByTestId('lessons-button').click();
  await page.screenshot({ path: test.info().outputPath('lessons-light.png') });
});

test.describe('traces in their binary form over a trace port, as in the app', () => {
  // Lesson 14's trace is 10 MB of JSON: handed to the page as an object through Playwright's
  // binding it took 96 s on a loaded machine (the run itself 9 s), past waitForRun's 90 s.
  test.use({ traceDelivery: 'port' });

  test('every lesson opens from the picker and plays to its golden output', async ({ page, loopscope }) => {
    void loopscope;
    test.setTimeout(600_000);
    await page.goto('/index.html');
    for (const id of LESSON_IDS) {
      await pick(page, id);
      await page.keyboard.press('End');
      await expect.poll(() => consoleLines(page), { message: id }).toEqual(golden(id));
      if (id === '15-deadlock') await expect(page.getByTestId('run-end')).toContainText('deadlock');
      else await expect(page.getByTestId('run-end')).toHaveText('The program finished normally.');
    }
  });
});

test('] and [ jump between bookmarks and the caption shows in the narration', async ({ page, loopscope }) => {
  void loopscope;
  await page.goto('/index.html');
  await pick(page, '01-gather');
  const marks = page.getByTestId('bookmarks').getByRole('button');
  await expect(marks).toHaveCount(3);
  await expect(marks.nth(1)).toHaveAttribute('title', 'watch: b finishes first although it started second');
  const caption = page.getByTestId('bookmark-caption');
  await expect(caption).toBeHidden();
  await page.keyboard.press(']');
  await expect(caption).toHaveText('★ all three have started before any of them finishes');
  await expect(consoleLines(page).then((l) => l.at(-1))).resolves.toBe('c: started');
  await page.keyboard.press(']');
  await expect(caption).toContainText('watch: b finishes first');
  await expect(consoleLines(page).then((l) => l.at(-1))).resolves.toBe('b: finished');
  await page.screenshot({ path: test.info().outputPath('lesson-bookmark.png') });
  await page.keyboard.press(']');
  await expect(caption).toContainText('the whole run took 0.3 s');
  await page.keyboard.press('[');
  await expect(caption).toContainText('watch: b finishes first');
  // A click on a mark seeks there too.
  await page.keyboard.press('Home');
  await expect(caption).toBeHidden();
  await marks.nth(2).click();
  await expect(caption).toContainText('the whole run took 0.3 s');
});

test('compare view: lesson 2 sync and async on one time axis', async ({ page, loopscope }) => {
  void loopscope;
  await page.goto('/index.html');
  await pick(page, '02b-async-waits');
  await page.getByTestId('lesson-compare').click();
  const view = page.getByTestId('compare-view');
  const left = view.getByTestId('compare-left');
  const right = view.getByTestId('compare-right');
  await expect(left).toHaveAttribute('aria-label', '02a-sync-waits.py', { timeout: 60_000 });
  await expect(right).toHaveAttribute('aria-label', '02b-async-waits.py');
  await expect(view.getByTestId('compare-clock')).toHaveText('t = 0.000 s');
  // Step by time: 0 -> 0.1 (both connected to example.com) -> 1.21 (the 1 s pages, async) -> 3.21.
  const clock = view.getByTestId('compare-clock');
  const state = (side: typeof left) => side.getByTestId('compare-state');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(clock).toHaveText('t = 0.100 s');
  await expect(state(right)).toHaveText('running');
  await page.keyboard.press('j');
  await expect(clock).toHaveText('t = 1.210 s');
  await page.keyboard.press('j');
  await expect(clock).toHaveText('t = 3.210 s');
  await expect(right).toHaveAttribute('data-finished', 'true');
  await expect(state(right)).toHaveText('finished at t=3.210');
  await expect(left).toHaveAttribute('data-finished', 'false');
  await expect(state(left)).toHaveText('running');
  await expect(right.getByTestId('console')).toContainText('elapsed 3.210 s');
  await loopscope.desktop.settings.set({ theme: 'light' });
  await expect(left.getByTestId('console')).not.toContainText('elapsed');
  await page.screenshot({ path: test.info().outputPath('compare-light.png') });
  await loopscope.desktop.settings.set({ theme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('compare.png') });
  await page.keyboard.press('End');
  await expect(clock).toHaveText('t = 5.630 s');
  await expect(left).toHaveAttribute('data-finished', 'true');
  await expect(left.getByTestId('console')).toContainText('elapsed 5.630 s');
  // Step by step back: one run's step at a time.
  await page.keyboard.press('ArrowLeft');
  await expect(left).toHaveAttribute('data-finished', 'false');
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
});

test('View > Compare Side by Side… compares any two files chosen with the Open dialog', async ({
  page,
  loopscope,
}) => {
  await page.goto('/index.html');
  await expect(page.getByTestId('run-status')).toContainText('steps', { timeout: 60_000 });
  const fast = loopscope.desktop.write('fast.py', 'import time\ntime.sleep(1)\nprint("fast done")\n');
  const slow = loopscope.desktop.write('slow.py', 'import time\ntime.sleep(2)\nprint("slow done")\n');
  // Cancelling the first dialog changes nothing.
  loopscope.desktop.dialog.openAnswers.push(null);
  await loopscope.menu('view:compare');
  await expect.poll(() => loopscope.desktop.dialog.asked).toEqual(['open']);
  await expect(page.getByTestId('compare-view')).toBeHidden();
  loopscope.desktop.dialog.openAnswers.push(fast, slow);
  await loopscope.menu('view:compare');
  const view = page.getByTestId('compare-view');
  await expect(view.getByTestId('compare-left')).toHaveAttribute('aria-label', 'fast.py', {
    timeout: 60_000,
  });
  await expect(view.getByTestId('compare-right')).toHaveAttribute('aria-label', 'slow.py');
  await page.keyboard.press('End');
  await expect(view.getByTestId('compare-clock')).toHaveText('t = 2.000 s');
  await expect(view.getByTestId('compare-left').getByTestId('compare-state')).toHaveText(
    'finished at t=1.000',
  );
  await expect(view.getByTestId('compare-right').getByTestId('console')).toContainText('slow done');
  // The editor's program was not replaced, and the files were not added to Open Recent.
  await view.getByTestId('compare-close').click();
  await expect(view).toBeHidden();
  await expect(page.getByTestId('run-status')).toContainText('gather_abc.py');
  expect(loopscope.desktop.settings.get().recentFiles).toEqual([]);
});

test('while presenting, the clicker steps the compare view rather than the hidden player', async ({
  page,
  loopscope,
}) => {
  await page.goto('/index.html');
  await pick(page, '02b-async-waits');
  await page.getByTestId('lesson-compare').click();
  const view = page.getByTestId('compare-view');
  await expect(view.getByTestId('compare-left')).toHaveAttribute('aria-label', '02a-sync-waits.py', {
    timeout: 60_000,
  });
  await loopscope.menu('view:presentation');
  await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
  const clock = view.getByTestId('compare-clock');
  await page.keyboard.press('End'); // the clicker's "last"
  await expect(clock).toHaveText('t = 5.630 s');
  await page.keyboard.press('Home'); // "first"
  await expect(clock).toHaveText('t = 0.000 s');
});
