// A teacher's pass over the app with the real engine: what a class sees while a lesson plays and
// while it is projected. Each describe block is one part of that pass.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness';
import { openLesson, settle } from './fixtures/lesson';
import type { DrawnLabel as Drawn } from '../../renderer/src/stage/labels';

interface StageProbe {
  drawnText(): { labels: Drawn[]; names: number[] };
  layout: { lanes: { key: string; x: number; w: number; h: number }[]; world: unknown } | null;
}
type ProbeWindow = { __loopscopeStage: StageProbe };

const marks = (page: Page) => page.getByTestId('code-marks');
const step = (page: Page) => page.getByTestId('stage-mirror');

/** The running task's mark in the code panel: "label@line", or null at a step nothing runs. */
async function runningMark(page: Page): Promise<string | null> {
  const li = marks(page).locator('li[data-running="true"]');
  if ((await li.count()) === 0) return null;
  return `${await li.getAttribute('data-label')}@${await li.getAttribute('data-line')}`;
}

/** Whether source line `n` is drawn wholly inside the editor's visible rect. */
function lineInView(page: Page, n: number): Promise<boolean> {
  return page.evaluate((line) => {
    const scroller = document.querySelector('[data-testid="code-editor"] .cm-scroller');
    const number = [
      ...document.querySelectorAll('[data-testid="code-editor"] .cm-lineNumbers .cm-gutterElement'),
    ].find((e) => e.textContent === String(line));
    if (!scroller || !number) return false;
    const view = scroller.getBoundingClientRect();
    const r = number.getBoundingClientRect();
    return r.height > 0 && r.top >= view.top - 1 && r.bottom <= view.bottom + 1;
  }, n);
}

async function forward(page: Page): Promise<void> {
  const before = await step(page).getAttribute('data-step');
  await page.keyboard.press('ArrowRight');
  await expect(step(page)).not.toHaveAttribute('data-step', before ?? '');
}

const lastStep = async (page: Page): Promise<number> =>
  // "step 1 of 13": the last shown step is the 13th, 12 presses of Right from the first.
  Number((await page.getByTestId('step-counter').innerText()).match(/step \d+ of (\d+)/)![1]) - 1;

async function present(page: Page, menu: (c: 'view:presentation') => Promise<void>): Promise<void> {
  await menu('view:presentation');
  await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
}

const drawn = (page: Page) =>
  page.evaluate(() => (window as unknown as ProbeWindow).__loopscopeStage.drawnText());

/** Every stage label lies inside its lane (or the world strip under the lanes). */
async function labelsOutsideTheirLanes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const stage = (window as unknown as ProbeWindow).__loopscopeStage;
    const lanes = stage.layout!.lanes;
    const out: string[] = [];
    for (const l of stage.drawnText().labels) {
      const lane = lanes.find((ln) => l.x >= ln.x && l.x < ln.x + ln.w);
      if (!lane) out.push(`${l.text}: at x=${l.x}, in no lane`);
      else if (l.y < lane.h && l.x + l.w > lane.x + lane.w + 0.5)
        out.push(
          `${l.text}: ends at ${Math.round(l.x + l.w)} past the ${lane.key} lane's ${Math.round(lane.x + lane.w)}`,
        );
    }
    return out;
  });
}

test.describe('code and presentation', () => {
  test('the code scrolls to the running line in lesson 1 where main, c and b run', async ({
    page,
    loopscope,
  }) => {
    void loopscope;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openLesson(page, '01-gather');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Not all of it fits: the test is about scrolling.
    expect(await lineInView(page, 44)).toBe(false);
    const seen = new Set<string>();
    const last = await lastStep(page);
    for (let s = 0; s < last; s++) {
      await forward(page);
      const mark = await runningMark(page);
      if (!mark) continue;
      seen.add(mark);
      const line = Number(mark.split('@')[1]);
      await expect.poll(() => lineInView(page, line), { message: `${mark} at step ${s + 1}` }).toBe(true);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['main@44', 'c@36', 'b@31']));
  });

  test("the selected task's line is kept in view", async ({ page, loopscope }) => {
    void loopscope;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openLesson(page, '01-gather');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // First clock jump: nothing runs, a, b and c sleep and main awaits gather at line 40.
    await page.keyboard.press('j');
    await expect(page.getByTestId('clock-jump')).toBeVisible();
    await expect.poll(() => runningMark(page)).toBeNull();
    const select = (label: string) =>
      page
        .getByTestId('stage-mirror')
        .locator(`li[data-label="${label}"] button`)
        .evaluate((b: HTMLElement) => b.click());
    await select('main');
    await expect.poll(() => lineInView(page, 44)).toBe(true);
    await select('a');
    await expect.poll(() => lineInView(page, 22)).toBe(true);
    // Stepping on keeps the runner in view, and the selected task with it while both fit.
    for (let i = 0; i < 5 && (await runningMark(page)) === null; i++) await forward(page);
    await expect.poll(() => runningMark(page)).toBe('b@31');
    await expect.poll(() => lineInView(page, 31)).toBe(true);
    expect(await lineInView(page, 22)).toBe(true);
  });

  test('a lesson opens with its header folded; a click unfolds it', async ({ page, loopscope }) => {
    void loopscope;
    await openLesson(page, '01-gather');
    const editor = page.getByTestId('code-editor');
    const placeholder = editor.locator('.cm-foldPlaceholder');
    await expect(placeholder).toHaveCount(1);
    // The code starts near the top: "import asyncio" (line 17) is the second line shown.
    const firstNumbers = await editor.locator('.cm-lineNumbers .cm-gutterElement').allInnerTexts();
    expect(firstNumbers.filter((t) => /^\d+$/.test(t)).slice(0, 2)).toEqual(['1', '17']);
    // The explanation is above the stage.
    await expect(page.getByTestId('lesson-bar')).toContainText('asyncio.gather starts a, b and c together');
    await placeholder.click();
    await expect(placeholder).toHaveCount(0);
    await expect(editor).toContainText('Bookmarks:');
  });

  test('presentation mode shows the code read-only with its marks, hides the toolbar, keeps the keys', async ({
    page,
    loopscope,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openLesson(page, '01-gather');
    await page.keyboard.press('ArrowRight');
    await present(page, loopscope.menu);
    const editor = page.getByTestId('code-editor');
    await expect(editor).toBeVisible();
    await expect(editor.locator('.cm-content')).toHaveAttribute('contenteditable', 'false');
    await expect(editor.locator('.cm-task-line').first()).toBeVisible();
    expect(
      await editor.locator('.cm-content').evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
    ).toBeGreaterThanOrEqual(22);
    // The toolbar is gone, the clock stays.
    await expect(page.locator('header .controls')).toBeHidden();
    await expect(page.getByTestId('lessons-button')).toBeHidden();
    await expect(page.getByTestId('clock')).toBeVisible();
    // The clicker's keys step; typing never edits the program.
    await page.keyboard.press('PageDown');
    await expect(step(page)).toHaveAttribute('data-step', '2');
    await editor.locator('.cm-content').click();
    await page.keyboard.type('xyz');
    await expect(editor).not.toContainText('xyz');
    await page.keyboard.press('PageUp');
    await expect(step(page)).toHaveAttribute('data-step', '1');
    // The player's own keys work from the read-only code too (J: the next clock jump).
    await page.keyboard.press('j');
    await expect(page.getByTestId('clock-jump')).toBeVisible();
    // Lane and sprite labels are readable from the back of the room.
    await settle(page);
    const text = await drawn(page);
    expect(Math.min(...text.labels.map((l) => l.size))).toBeGreaterThanOrEqual(18);
    expect(Math.min(...text.names)).toBeGreaterThanOrEqual(20);
    // The way back: Esc, and the button for a mouse.
    await page.keyboard.press('Escape');
    await expect(page.locator('html')).not.toHaveAttribute('data-presenting');
    await expect(editor.locator('.cm-content')).toHaveAttribute('contenteditable', 'true');
    await expect(page.locator('header .controls')).toBeVisible();
    await present(page, loopscope.menu);
    await page.mouse.move(300, 300);
    await page.getByTestId('presentation-exit').click();
    await expect(page.locator('html')).not.toHaveAttribute('data-presenting');
  });

  for (const id of ['01-gather', '18-echo-server']) {
    test(`the narration is never clipped at 1400x900: ${id}`, async ({ page, loopscope }) => {
      await openLesson(page, id);
      const narration = page.getByTestId('narration');
      const box = () =>
        narration.evaluate((e) => ({
          clipped: e.scrollHeight > e.clientHeight,
          height: e.clientHeight,
          size: parseFloat(getComputedStyle(e).fontSize),
          text: e.textContent,
        }));
      const last = Math.min(await lastStep(page), 40);
      for (const presenting of [false, true]) {
        if (presenting) await present(page, loopscope.menu);
        await page.keyboard.press('Home');
        const first = await box();
        for (let s = 0; s < last; s++) {
          await forward(page);
          const b = await box();
          expect(b.clipped, `step ${s + 1}: ${b.text}`).toBe(false);
          // It fits by setting long sentences smaller, not by growing and squeezing the stage.
          expect(b.height, `step ${s + 1}`).toBe(first.height);
          expect(b.size).toBeGreaterThanOrEqual(first.size * 0.72 - 0.01);
        }
      }
    });
  }

  test('the clock caption is whole at a clock jump, presenting or not', async ({ page, loopscope }) => {
    await openLesson(page, '01-gather');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('j');
    await expect(page.getByTestId('clock-jump')).toHaveText('jumped 0.000 → 0.100');
    const cut = () =>
      page
        .getByTestId('clock')
        .locator('.meta, .meta > span')
        .evaluateAll((es) => es.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
    expect(await cut()).toEqual([]);
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size);
      await present(page, loopscope.menu);
      expect(await cut(), `${size.width}x${size.height}`).toEqual([]);
      await page.keyboard.press('Escape');
    }
  });

  test('stage text stays in its lane; a cut wait label shows in full in its tooltip and the mirror', async ({
    page,
    loopscope,
  }) => {
    await openLesson(page, '01-gather');
    const last = await lastStep(page);
    for (const presenting of [false, true]) {
      if (presenting) await present(page, loopscope.menu);
      await page.keyboard.press('Home');
      for (let s = 0; s < last; s++) {
        await forward(page);
        await settle(page);
        expect(await labelsOutsideTheirLanes(page), `step ${s + 1}`).toEqual([]);
      }
    }
    await page.keyboard.press('Escape');
    // At the first clock jump main awaits gather: a header too long for a 1280 px window's Waiting lane.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.keyboard.press('Home');
    await page.keyboard.press('j');
    await settle(page);
    const full = 'Awaiting: asyncio.gather(a(), b(), c())';
    await expect(page.getByTestId('lane-waiting').locator(`li[data-title="${full}"]`)).toHaveCount(1);
    const header = (await drawn(page)).labels.find((l) => l.text.startsWith('Awaiting:'))!;
    expect(header.text).toMatch(/^Awaiting: asyncio\..*….* \(1\)$/);
    const stage = await page.getByTestId('stage').boundingBox();
    await page.mouse.move(stage!.x + header.x + 20, stage!.y + header.y + header.h / 2);
    await expect(page.getByTestId('stage-label-tooltip')).toHaveText(`${full} (1)`);
  });

  test('screenshots: lesson 1, and presenting at 1920x1080 and 1280x720', async ({ page, loopscope }) => {
    await openLesson(page, '01-gather');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await settle(page);
    await expect(page).toHaveScreenshot('lesson-1.png', { animations: 'disabled' });
    await present(page, loopscope.menu);
    // The exit button shows while the mouse moves; the picture is of a still room.
    await expect(page.locator('html')).toHaveAttribute('data-cursor', 'hidden');
    for (const [w, h] of [
      [1920, 1080],
      [1280, 720],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await settle(page);
      await expect(page).toHaveScreenshot(`presentation-${w}x${h}.png`, { animations: 'disabled' });
    }
  });
});

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
    // The page's own timers on a clock the test moves: the editor's debounce (800 ms) is passed
    // by moving it, not by waiting.
    await page.clock.install();
    await openLesson(page, '05-create-task');
    await page.clock.runFor(2000);
    // The example's run at start and the lesson's, no third.
    expect(runs(loopscope.calls)).toBe(2);
    await expect(page.getByTestId('run-status')).toContainText('05-create-task.py:');
  });
});

test.describe('timeline, compare and keyboard', () => {
  /** Opens lesson 2b's compare view (2a on the left) at t = 0. */
  async function openCompare(page: Page): Promise<{ view: Locator; left: Locator; right: Locator }> {
    await openLesson(page, '02b-async-waits');
    await page.getByTestId('lesson-compare').click();
    const view = page.getByTestId('compare-view');
    const left = view.getByTestId('compare-left');
    const right = view.getByTestId('compare-right');
    await expect(left).toHaveAttribute('aria-label', '02a-sync-waits.py', { timeout: 60_000 });
    await expect(view.getByTestId('compare-clock')).toHaveText('t = 0.000 s');
    return { view, left, right };
  }

  /** Pixels of a task colour (saturated) in the timeline's rows right of x (CSS px). */
  const colouredRightOf = (page: Page, x: number) =>
    page.getByTestId('timeline').evaluate((c: HTMLCanvasElement, x: number) => {
      const ctx = c.getContext('2d')!;
      const dpr = c.width / c.clientWidth;
      const x0 = Math.ceil(x * dpr);
      const top = Math.ceil(30 * dpr);
      const { data } = ctx.getImageData(x0, top, c.width - x0, c.height - top);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 60) n++;
      }
      return n;
    }, x);
  const cursorX = async (page: Page) =>
    Number(await page.getByTestId('timeline').getAttribute('data-cursor-x'));

  test('the time axis is labelled in round seconds up to the end of the run', async ({ page, loopscope }) => {
    void loopscope;
    await openLesson(page, '02b-async-waits');
    const labels = ((await page.getByTestId('timeline').getAttribute('data-ticks')) ?? '')
      .split(' ')
      .map(Number);
    expect(labels[0]).toBe(0);
    expect(labels.length).toBeGreaterThanOrEqual(4);
    const interval = labels[1] - labels[0];
    const mantissa = Number((interval / 10 ** Math.floor(Math.log10(interval) + 1e-9)).toPrecision(6));
    expect([1, 2, 5]).toContain(mantissa);
    labels.forEach((t, k) => expect(t).toBeCloseTo(k * interval, 9));
    // The run ends at t = 3.210: the last label is within one interval of it.
    expect(labels[labels.length - 1]).toBeGreaterThan(3.21 - interval);
    expect(labels[labels.length - 1]).toBeLessThanOrEqual(3.21);
  });

  test('the timeline is drawn only up to the cursor', async ({ page, loopscope }) => {
    void loopscope;
    await openLesson(page, '02b-async-waits');
    const slider = page.getByTestId('timeline-slider');
    for (const keys of [
      ['ArrowRight', 'ArrowRight'],
      ['J', 'J'],
    ]) {
      await page.keyboard.press('Home');
      for (const key of keys) await page.keyboard.press(key);
      await settle(page);
      const x = await cursorX(page);
      // Left of the cursor: the spans so far; right of it: nothing of what will come.
      expect(await colouredRightOf(page, 100)).toBeGreaterThan(0);
      expect(await colouredRightOf(page, x + 2)).toBe(0);
      // At the end the same part of the rows is full of spans: the check can see them.
      await page.keyboard.press('End');
      await expect(slider).toHaveAttribute(
        'aria-valuenow',
        String(await slider.getAttribute('aria-valuemax')),
      );
      await settle(page);
      expect(await colouredRightOf(page, x + 2)).toBeGreaterThan(100);
    }
  });

  test('the compare view shows nothing of either result at step 0', async ({ page, loopscope }) => {
    void loopscope;
    const { view, left, right } = await openCompare(page);
    for (const side of [left, right]) {
      await expect(side.getByTestId('compare-state')).toHaveText('running');
      await expect(side.getByTestId('console')).not.toContainText('elapsed');
      await expect(side.getByTestId('console')).not.toContainText('200 OK');
      // No span reaches past t = 0, and no end mark stands on the axis.
      const ends = await side
        .locator('.span')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-end')));
      expect(ends.every((e) => e === '0.000')).toBe(true);
      await expect(side.locator('.end')).toHaveCount(0);
    }
    // The shared axis ends on a round time, not on the slower run's 5.630.
    await expect(view.getByTestId('compare-axis').last()).toContainText('6.0');
    await expect(view.getByTestId('compare-axis').last()).not.toContainText('5.63');
  });

  test('the compare view draws the sync side as three long blocking waits, each a span of its own', async ({
    page,
    loopscope,
  }) => {
    void loopscope;
    const { view, left } = await openCompare(page);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(view.getByTestId('compare-clock')).toHaveText('t = 1.210 s');
    // Mid-way the read of /delay/3 is still going on: drawn up to the shared time only.
    const blocked = left.locator('.span[data-state="blocked"]');
    await expect(blocked.last()).toHaveAttribute('data-end', '1.210');
    await expect(blocked.last()).toHaveClass(/open/);
    await expect(left.getByTestId('compare-code').locator('li[aria-current="step"]')).toHaveAttribute(
      'data-line',
      '29',
    );
    await expect(left.getByTestId('compare-running')).toHaveText('main, blocked in a call on line 29');
    await settle(page);
    await expect(page).toHaveScreenshot('compare-2a-2b-midway.png', { animations: 'disabled' });

    await page.keyboard.press('End');
    await expect(view.getByTestId('compare-clock')).toHaveText('t = 5.630 s');
    // Six blocking calls (three connects of 0.1 s, three reads), the reads 3.11, 1.11 and 1.11 s.
    await expect(blocked).toHaveCount(6);
    const long = await blocked.evaluateAll((els) =>
      els
        .map((e) => ({
          took: Number(e.dataset['end']) - Number(e.dataset['start']),
          text: e.textContent?.trim(),
        }))
        .filter((s) => s.took >= 1),
    );
    expect(long.map((s) => s.text)).toEqual(['blocked 3.11 s', 'blocked 1.11 s', 'blocked 1.11 s']);
    // Each is its own box: a visible gap after every call.
    const boxes = await blocked.evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
    );
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i].x - (boxes[i - 1].x + boxes[i - 1].width)).toBeGreaterThanOrEqual(1.5);
    await settle(page);
    await expect(page).toHaveScreenshot('compare-2a-2b-end.png', { animations: 'disabled' });
  });

  test('the timeline seeks by keyboard as a slider over the shown steps', async ({ page, loopscope }) => {
    void loopscope;
    await openLesson(page, '02b-async-waits');
    const slider = page.getByRole('slider', { name: /^Timeline/ });
    const counter = page.getByTestId('step-counter');
    await slider.focus();
    await expect(slider).toHaveAttribute('aria-valuemin', '1');
    await expect(slider).toHaveAttribute('aria-valuenow', '1');
    const count = Number(await slider.getAttribute('aria-valuemax'));
    // Internals hidden: fewer shown steps than the run's raw ones, counted as the clock counts.
    await expect(counter).toContainText(`step 1 of ${count} `);
    // Every → moves one shown step, even where the next raw step is a hidden internal one.
    for (let i = 2; i <= 4; i++) {
      await page.keyboard.press('ArrowRight');
      await expect(slider).toHaveAttribute('aria-valuenow', String(i));
      await expect(counter).toContainText(`step ${i} of ${count} `);
    }
    await page.keyboard.press('ArrowLeft');
    await expect(slider).toHaveAttribute('aria-valuenow', '3');
    await page.keyboard.press('End');
    await expect(slider).toHaveAttribute('aria-valuenow', String(count));
    await expect(slider).toHaveAttribute('aria-valuetext', `step ${count} of ${count}, t = 3.210 s`);
    await expect(counter).toContainText(`step ${count} of ${count} `);
    await page.keyboard.press('PageUp');
    await expect(slider).toHaveAttribute('aria-valuenow', String(count - 10));
    await page.keyboard.press('PageDown');
    await expect(slider).toHaveAttribute('aria-valuenow', String(count));
    await page.keyboard.press('Home');
    await expect(slider).toHaveAttribute('aria-valuenow', '1');
    // The player's other keys still work with the timeline focused: J jumps to the next clock jump.
    await page.keyboard.press('J');
    await expect(slider).toHaveAttribute('aria-valuetext', /t = 0\.100 s$/);
    // With internals shown, every step is one.
    await page.keyboard.press('I');
    await expect(slider).toHaveAttribute('aria-valuemax', '57');
  });

  test('Tab goes toolbar, code, stage, timeline, console', async ({ page, loopscope }) => {
    void loopscope;
    await page.goto('/index.html');
    await expect(page.getByTestId('run-status')).toContainText('steps', { timeout: 60_000 });
    await page.keyboard.press('ArrowRight');
    // From the top of the page: a click on the status bar (the editor may hold focus after a run).
    await page.getByTestId('lessons-close').click();
    await page.getByTestId('run-status').click();
    const regions: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const region = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'body';
        if (el.closest('header')) return 'toolbar';
        if (el.closest('.cm-editor')) return 'code';
        if (el.closest('[data-testid="stage-mirror"]')) return 'stage';
        if (el.closest('section[aria-label="Timeline"]')) return 'timeline';
        if (el.closest('section[aria-label="Console"]')) return 'console';
        return `other: ${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30)}`;
      });
      if (region === 'body') break;
      if (regions[regions.length - 1] !== region) regions.push(region);
    }
    expect(regions).toEqual(['toolbar', 'code', 'stage', 'timeline', 'console']);
  });

  test('screen-reader names on the stage are distinct', async ({ page, loopscope }) => {
    void loopscope;
    await openLesson(page, '07-lost-update');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const buttons = page.getByTestId('stage-mirror').getByRole('button');
    const names = await buttons.evaluateAll((els) =>
      els.map((e) => e.textContent?.trim().split(':')[0] ?? ''),
    );
    expect(names.filter((n) => n.startsWith('deposit')).length).toBe(3);
    expect(new Set(names).size).toBe(names.length);
    await expect(buttons.filter({ hasText: /^deposit #\d+: ready to run/ }).first()).toBeAttached();
  });
});
