// What a teacher found in the app with the real engine, checked as a student would meet it.
import { expect, test } from './harness';
import { openLesson, settle } from './fixtures/lesson';
import type { Page } from '@playwright/test';

const runs = (calls: string[]): number => calls.filter((c) => c === 'sim:run').length;
/** Every token's label on the stage, from the DOM mirror the screen reader reads. */
const labels = (page: Page) =>
  page
    .getByTestId('stage-mirror')
    .locator('li[data-label]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-label') ?? ''));

/** Replaces the whole program in the editor and runs it. */
async function replaceProgram(page: Page, source: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText keeps the indentation as written (typing would auto-indent each line again).
  await page.keyboard.insertText(source);
  await page.keyboard.press('Control+Enter');
}

test.describe('names and words', () => {
  test("lesson 7's three deposits have names of their own, and CPython's on request", async ({
    page,
    loopscope,
  }) => {
    await openLesson(page, '07-lost-update');
    await page.getByTestId('step-forward').click();
    await page.getByTestId('step-forward').click();
    await settle(page);
    expect(await labels(page)).toEqual(expect.arrayContaining(['deposit #1', 'deposit #2', 'deposit #3']));
    await expect(page.getByTestId('narration')).toContainText('deposit #1');
    await page.screenshot({ path: test.info().outputPath('deposits.png') });
    // Settings › CPython task names: the same tasks as asyncio names them, kept with the settings.
    await page.getByTestId('settings-button').click();
    await page.getByTestId('setting-cpython-names').check();
    await expect.poll(() => loopscope.desktop.settings.get().cpythonNames).toBe(true);
    await page.screenshot({ path: test.info().outputPath('settings.png') });
    await page.getByTestId('settings-close').click();
    await expect(page.getByTestId('settings-dialog')).toHaveCount(0);
    expect(await labels(page)).toEqual(expect.arrayContaining(['Task-2', 'Task-3', 'Task-4']));
    await loopscope.menu('view:cpythonNames');
    await expect.poll(() => labels(page)).toEqual(expect.arrayContaining(['deposit #1', 'deposit #2']));
  });

  test('output past the cap keeps its first and last lines and says how many it dropped', async ({
    page,
    loopscope,
  }) => {
    await openLesson(page, '01-gather');
    await page.getByTestId('settings-button').click();
    await page.getByTestId('setting-output-kept').fill('10');
    await page.getByTestId('setting-output-kept').press('Tab');
    await expect.poll(() => loopscope.desktop.settings.get().outputKeptKb).toBe(10);
    await page.getByTestId('settings-close').click();
    await replaceProgram(
      page,
      'import asyncio\n\nasync def main():\n    for i in range(5000):\n        print(f"line {i}")\n\nasyncio.run(main())\n',
    );
    await expect(page.getByTestId('run-status')).toContainText('untitled.py:', { timeout: 60_000 });
    await page.getByTestId('code-editor').blur();
    await page.getByRole('button', { name: 'To end (End)' }).click();
    const console = page.getByTestId('console');
    await expect(console.locator('p').last()).toHaveText('line 4999');
    await expect(page.getByTestId('output-dropped')).toContainText(/… [\d,]+ lines not kept/);
    await expect(page.getByTestId('output-dropped')).toContainText('Settings › “Output kept”');
    await expect(page.getByTestId('run-end')).toHaveText('The program finished normally.');
    await page.screenshot({ path: test.info().outputPath('output-cap.png') });
  });

  test('replacing all the code drops the lesson, its file name and the selected task', async ({
    page,
    loopscope,
  }) => {
    void loopscope;
    await openLesson(page, '03-blocking-call');
    await expect(page.getByTestId('lesson-bar')).toBeVisible();
    await page.getByTestId('step-forward').click();
    await page.getByRole('button', { name: /^main: / }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: "To main's next step (N)" })).toBeEnabled();
    await replaceProgram(page, 'def f():\n    raise ValueError("mine")\n\nf()\n');
    await expect(page.getByTestId('run-status')).toContainText('untitled.py:', { timeout: 60_000 });
    await expect(page.getByTestId('lesson-bar')).toHaveCount(0);
    await expect(
      page.getByRole('button', { name: 'Select a task on the stage to step to its next step (N)' }),
    ).toBeDisabled();
    await page.getByRole('button', { name: 'To end (End)' }).click();
    await expect(page.getByTestId('console')).toContainText('File "untitled.py", line 2, in f');
    await expect(page.getByTestId('console')).not.toContainText('03-blocking-call');
    await expect(page.getByTestId('code-marks')).toContainText('the run failed at line 2');
    await page.screenshot({ path: test.info().outputPath('replaced.png') });
  });

  test('the end message shows once, and only when the run reaches the end', async ({ page, loopscope }) => {
    void loopscope;
    await openLesson(page, '01-gather');
    await expect(page.getByTestId('run-end')).toHaveCount(0);
    await expect(page.getByTestId('status-bar')).not.toContainText('finished');
    // asyncio's own steps are not stepped through: 13 steps, and every counter says so.
    await expect(page.getByTestId('run-status')).toHaveText('01-gather.py: 13 steps, 4 tasks');
    await expect(page.getByTestId('step-counter')).toContainText('step 1 of 13');
    await page.getByRole('button', { name: 'To end (End)' }).click();
    await expect(page.getByTestId('step-counter')).toContainText('step 13 of 13');
    await expect(page.getByTestId('run-end')).toHaveText('The program finished normally.');
    await expect(page.getByText('The program finished normally.')).toHaveCount(1);
    await expect(page.getByTestId('lane-loop')).toHaveText('the run is over');
    await page.screenshot({ path: test.info().outputPath('end.png') });
    // With the internals shown, every step is there again.
    await page.getByLabel('Show loop internals (I)').check();
    await expect(page.getByTestId('run-status')).toHaveText('01-gather.py: 27 steps, 4 tasks');
  });

  test('a lesson opens with one run, not its run and an echo of the editor', async ({ page, loopscope }) => {
    await openLesson(page, '05-create-task');
    // Past the editor's debounce (800 ms): the example's run at start and the lesson's, no third.
    await page.waitForTimeout(2000);
    expect(runs(loopscope.calls)).toBe(2);
    await expect(page.getByTestId('run-status')).toContainText('05-create-task.py:');
  });
});
