// Predict mode with the real engine: lesson 1 answered right and wrong by keyboard and by mouse
// (the score saved with the settings, the review jumping back to a wrong answer), the
// whole-output ordering by drag and by keyboard, and presentation mode's large lettered question
// revealed by the clicker's forward key.
import type { Page } from '@playwright/test';
import { openLesson, settle } from './fixtures/lesson';
import { expect, test } from './harness';

const ID = '01-gather';
const card = (page: Page) => page.getByTestId('predict-card');
const choices = (page: Page) => card(page).getByTestId('predict-choice');
const stepOf = (page: Page) => page.getByTestId('scrub').inputValue().then(Number);

test('lesson 1: questions answered right and wrong by keyboard and mouse, scored and reviewed', async ({
  page,
  loopscope,
}) => {
  await openLesson(page, ID);
  await page.keyboard.press('q');
  await expect(page.getByTestId('predict-toggle')).toHaveAttribute('aria-pressed', 'true');

  // Step 1 (main creates a, b and c) offers no choice: it plays. Step 2 asks first.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(card(page)).toHaveAttribute('data-state', 'asking');
  await expect(page.getByTestId('predict-prompt')).toHaveText('What is printed next?');
  await expect(choices(page)).toHaveText(['1a: started', '2b: finished', '3b: started', '4c: started']);
  expect(await stepOf(page)).toBe(1);
  await settle(page);
  await expect(page).toHaveScreenshot('01-question.png', { animations: 'disabled' });

  // Right, by keyboard: the step plays and the verdict says why.
  await page.keyboard.press('1');
  await expect(card(page)).toHaveAttribute('data-state', 'right');
  expect(await stepOf(page)).toBe(2);
  await expect(page.getByTestId('predict-verdict')).toHaveText(
    'Right. a is at the head of the run queue, so it runs next, and the first line it prints is "a: started".',
  );

  // Wrong, by mouse.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('predict-prompt')).toHaveText('What is printed next?');
  await choices(page).filter({ hasText: 'c: started' }).click();
  await expect(card(page)).toHaveAttribute('data-state', 'wrong');
  await expect(page.getByTestId('predict-verdict')).toContainText(
    'Not quite. b is at the head of the run queue',
  );
  expect(await stepOf(page)).toBe(3);

  // Skipped with Esc: the step does not play, and the next → plays it without asking again.
  await page.keyboard.press('ArrowRight');
  await expect(card(page)).toHaveAttribute('data-state', 'asking');
  await page.keyboard.press('Escape');
  await expect(card(page)).toBeHidden();
  expect(await stepOf(page)).toBe(3);
  await page.keyboard.press('ArrowRight');
  expect(await stepOf(page)).toBe(4);

  // The clock jump, right by mouse.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('predict-prompt')).toHaveText('What time does the clock jump to?');
  await choices(page).filter({ hasText: '0.1 s' }).click();
  await expect(page.getByTestId('predict-verdict')).toHaveText(
    "Right. b's timer, 0.1 s, is the earliest deadline: with nothing ready the loop jumps straight to it.",
  );

  // The internal timer callback that wakes b is hidden with internals off, so never asked
  // about: the next shown step is b's, and the lesson's own question comes before it.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('predict-prompt')).toHaveText(
    'a, b and c are all asleep. Which one prints "finished" first?',
  );
  await page.keyboard.press('1');
  await expect(card(page)).toHaveAttribute('data-state', 'wrong');
  await expect(page.getByTestId('predict-verdict')).toHaveText(
    "Not quite. b's timer, 0.1 s, is the earliest deadline, so b wakes first although it started second.",
  );
  await settle(page);
  await expect(page).toHaveScreenshot('02-verdict-wrong.png', { animations: 'disabled' });

  // The score, saved with the settings on this machine.
  await expect(page.getByTestId('predict-score')).toHaveText('2/4 · streak 0');
  await expect
    .poll(() => loopscope.desktop.settings.get().predict.scores[ID])
    .toEqual({ answered: 4, right: 2, streak: 0, best: 1 });

  // The review lists the wrong answers, newest first, and jumps back to try one again.
  await page.getByTestId('predict-score').click();
  await expect(page.getByTestId('predict-wrong')).toHaveCount(2);
  await expect(page.getByTestId('predict-scores')).toContainText('Three tasks share one loop');
  await settle(page);
  await expect(page).toHaveScreenshot('03-review.png', { animations: 'disabled' });
  await page.getByTestId('predict-try-again').last().click();
  expect(await stepOf(page)).toBe(2);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('predict-prompt')).toHaveText('What is printed next?');
  await page.keyboard.press('3');
  await expect(card(page)).toHaveAttribute('data-state', 'right');
  await expect(page.getByTestId('predict-score')).toHaveText('3/5 · streak 1');

  // Q again: predict mode off, → steps without asking.
  await page.keyboard.press('q');
  await page.keyboard.press('ArrowRight');
  await expect(card(page)).toBeHidden();
  expect(await stepOf(page)).toBe(4);
});

test('whole-output prediction: order the lines by drag and keyboard, then compare with the run', async ({
  page,
  loopscope,
}) => {
  void loopscope;
  await openLesson(page, ID);
  await page.getByTestId('predict-toggle').click();
  await page.getByTestId('order-open').click();
  const lines = page.getByTestId('order-line');
  // Offered alphabetically, so the order says nothing about the loop.
  await expect(lines).toHaveText([
    '1a: finished',
    '2a: started',
    '3b: finished',
    '4b: started',
    '5c: finished',
    '6c: started',
    "7Result: ['a', 'b', 'c']",
  ]);
  // Drag "a: started" to the top.
  await lines.nth(1).dragTo(lines.nth(0));
  await expect(lines.nth(0)).toHaveText('1a: started');
  // Keyboard: focus "b: started" and move it up with Alt+↑ (twice), then "c: started" up three.
  await lines.nth(3).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(lines.nth(1)).toHaveText('2b: started');
  await lines.nth(5).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+ArrowUp');
  await expect(lines).toHaveText([
    '1a: started',
    '2b: started',
    '3c: started',
    '4a: finished',
    '5b: finished',
    '6c: finished',
    "7Result: ['a', 'b', 'c']",
  ]);
  // The keys moved lines, not the player behind the dialog.
  expect(await stepOf(page)).toBe(0);
  await page.getByTestId('order-check').click();
  await expect(page.getByTestId('order-verdict')).toHaveText(
    '5 of 7 in place. Line 4: "b: finished" comes first: b printed it at t=0.1 s, while "a: finished" came from a only at t=0.2 s, when what it awaited was done.',
  );
  await expect(page.getByTestId('order-real').locator('li:not(.title)')).toHaveText([
    '1a: started',
    '2b: started',
    '3c: started',
    '4b: finished',
    '5a: finished',
    '6c: finished',
    "7Result: ['a', 'b', 'c']",
  ]);
  await expect(page).toHaveScreenshot('04-output-order.png', { animations: 'disabled' });
  await page.getByTestId('order-close').click();
  await expect(page.getByTestId('order-dialog')).toBeHidden();
});

test('presentation: the question large with A-D, revealed by the clicker, no score on screen', async ({
  page,
  loopscope,
}) => {
  await openLesson(page, ID);
  await page.getByTestId('predict-toggle').click();
  await loopscope.menu('view:presentation');
  await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
  await expect(page.getByTestId('predict-score')).toBeHidden();
  // PageDown is the clicker's forward key: step 1 plays, then step 2's question holds.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(card(page)).toHaveAttribute('data-state', 'asking');
  await expect(choices(page)).toHaveText(['Aa: started', 'Bb: finished', 'Cb: started', 'Dc: started']);
  await settle(page);
  await expect(page).toHaveScreenshot('05-presentation-question.png', { animations: 'disabled' });
  expect(await stepOf(page)).toBe(1);
  // The next forward key reveals: the step plays and the right choice is marked, unscored.
  await page.keyboard.press('PageDown');
  await expect(card(page)).toHaveAttribute('data-state', 'revealed');
  expect(await stepOf(page)).toBe(2);
  await expect(card(page).locator('button.right')).toHaveText('Aa: started');
  await settle(page);
  await expect(page).toHaveScreenshot('06-presentation-revealed.png', { animations: 'disabled' });
  expect(loopscope.desktop.settings.get().predict.scores[ID]).toBeUndefined();
  // A countdown, when chosen, counts on the question.
  await loopscope.desktop.settings.set({
    predict: { ...loopscope.desktop.settings.get().predict, countdown: 10 },
  });
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('predict-countdown')).toHaveText(/^(10|9|8)$/);
});

test('a jump forward stops before a question and asks it; a seek goes past without asking', async ({
  page,
  loopscope,
}) => {
  void loopscope;
  await openLesson(page, ID);
  await page.keyboard.press('q');
  // J (next clock jump, step 5) passes step 2's question: it stops on step 1 and asks.
  await page.keyboard.press('j');
  await expect(card(page)).toHaveAttribute('data-state', 'asking');
  await expect(page.getByTestId('predict-prompt')).toHaveText('What is printed next?');
  expect(await stepOf(page)).toBe(1);
  // Skipped, it is not asked again: the next J stops before step 3's question.
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await expect(card(page)).toHaveAttribute('data-state', 'asking');
  expect(await stepOf(page)).toBe(2);
  // Shift+→ (next pass) stops there too: the question is still the one asked.
  await page.keyboard.press('Shift+ArrowRight');
  expect(await stepOf(page)).toBe(2);
  await expect(card(page)).toHaveAttribute('data-state', 'asking');
  // End is a seek: to the end, past every question, none asked.
  await page.keyboard.press('End');
  await expect(card(page)).toBeHidden();
  expect(await stepOf(page)).toBe(12);
});

test('presenting with the read-only code focused, Q and 1-4 still reach predict mode', async ({
  page,
  loopscope,
}) => {
  await openLesson(page, ID);
  await loopscope.menu('view:presentation');
  await expect(page.locator('.cm-editor.cm-readonly')).toBeVisible();
  await page.locator('.cm-content').click();
  await page.keyboard.press('q');
  await expect(page.getByTestId('predict-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(card(page)).toHaveAttribute('data-state', 'asking');
  await page.keyboard.press('1');
  await expect(card(page)).toHaveAttribute('data-state', 'right');
  expect(await stepOf(page)).toBe(2);
});

test('compare view: which side finishes first, and when, asked before the two runs play', async ({
  page,
  loopscope,
}) => {
  await openLesson(page, '02b-async-waits');
  await page.getByTestId('predict-toggle').click();
  await page.getByTestId('lesson-compare').click();
  const view = page.getByTestId('compare-view');
  await expect(view.getByTestId('compare-left')).toHaveAttribute('aria-label', '02a-sync-waits.py', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('predict-prompt')).toHaveText('Which side finishes first, and when?');
  await expect(choices(page)).toHaveText([
    '102a-sync-waits.py first, at 5.63 s',
    '202b-async-waits.py first, at 3.21 s',
    '302b-async-waits.py first, at 5.63 s',
    '4both at the same time, 3.21 s',
  ]);
  await page.keyboard.press('3');
  await expect(card(page)).toHaveAttribute('data-state', 'wrong');
  await expect(page.getByTestId('predict-verdict')).toContainText(
    'Not quite. 02b-async-waits.py ends at 3.21 s and 02a-sync-waits.py only at 5.63 s',
  );
  await settle(page);
  await expect(page).toHaveScreenshot('07-compare.png', { animations: 'disabled' });
  // The compare view's own keys still step it.
  await page.keyboard.press('j');
  await expect(view.getByTestId('compare-clock')).not.toHaveText('t = 0.000 s');
  await expect
    .poll(() => loopscope.desktop.settings.get().predict.scores['02b-async-waits'])
    .toEqual({ answered: 1, right: 0, streak: 0, best: 0 });
});
