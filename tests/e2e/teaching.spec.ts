// What a teacher found missing, checked in Chromium with the real engine. Each engineer adds a
// describe block of their own. Regenerate the pictures after a deliberate UI change with
// `npx playwright test --project=renderer tests/e2e/teaching --update-snapshots`, then LOOK at them.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness';
import { openLesson, settle } from './fixtures/lesson';

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
      await expect(slider).toHaveAttribute('aria-valuenow', '56');
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
      '25',
    );
    await expect(left.getByTestId('compare-running')).toHaveText('main #1, blocked in a call on line 25');
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

  test('the timeline seeks by keyboard as a slider', async ({ page, loopscope }) => {
    void loopscope;
    await openLesson(page, '02b-async-waits');
    const slider = page.getByRole('slider', { name: /^Timeline/ });
    await slider.focus();
    await expect(slider).toHaveAttribute('aria-valuenow', '0');
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuenow', '1');
    await expect(page.getByTestId('stage-mirror')).toHaveAttribute('data-step', '1');
    await page.keyboard.press('PageDown');
    await expect(slider).toHaveAttribute('aria-valuenow', '11');
    await page.keyboard.press('ArrowLeft');
    await expect(slider).toHaveAttribute('aria-valuenow', '10');
    await page.keyboard.press('End');
    await expect(slider).toHaveAttribute('aria-valuenow', '56');
    await expect(slider).toHaveAttribute('aria-valuetext', 'step 56 of 56, t = 3.210 s');
    await page.keyboard.press('PageUp');
    await expect(slider).toHaveAttribute('aria-valuenow', '46');
    await page.keyboard.press('Home');
    await expect(slider).toHaveAttribute('aria-valuenow', '0');
    // The player's other keys still work with the timeline focused: J jumps to the next clock jump.
    await page.keyboard.press('J');
    await expect(slider).toHaveAttribute('aria-valuetext', /t = 0\.100 s$/);
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
