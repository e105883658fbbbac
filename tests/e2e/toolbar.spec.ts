// The toolbar is one row at any window width: what does not fit goes into its More menu (least
// used first) instead of wrapping, and presenting leaves only the clock.
import type { Page } from '@playwright/test';
import { expect, test } from './harness';

/** The rows the toolbar's visible items stand in (their distinct vertical centres). */
async function rows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const items = [
      ...document.querySelectorAll(
        '[data-testid="toolbar"] .row > *, [data-testid="toolbar"] .row .controls > *',
      ),
    ];
    const centres = new Set<number>();
    for (const e of items) {
      const r = e.getBoundingClientRect();
      if (r.width > 0 && !e.classList.contains('controls')) centres.add(Math.round((r.top + r.bottom) / 20));
    }
    return centres.size;
  });
}

/** Whether every item of the row is drawn inside it (none clipped by the row's edge). */
async function allInside(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const row = document.querySelector('[data-testid="toolbar"] .row')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-testid="toolbar"] .row > *')].every((e) => {
      const r = e.getBoundingClientRect();
      return r.left >= row.left - 0.5 && r.right <= row.right + 0.5;
    });
  });
}

test('at 1400 px the whole toolbar is one row; only the pass buttons wait in More', async ({ loopscope }) => {
  const { page } = loopscope;
  await page.goto('/index.html');
  await expect(page.getByTestId('run-status')).toContainText('steps');
  for (const id of [
    'lessons-button',
    'inspector-button',
    'predict-toggle',
    'settings-button',
    'scrub',
    'clock',
  ])
    await expect(page.getByTestId(id)).toBeVisible();
  await expect(page.getByLabel('Animate moves (M)')).toBeVisible();
  await expect(page.getByLabel('Show loop internals (I)')).toBeVisible();
  expect(await rows(page)).toBe(1);
  expect(await allInside(page)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('toolbar-1400.png') });
  await page.getByTestId('toolbar-more').click();
  await expect(page.getByTestId('toolbar-more-menu')).toContainText('clock jump');
});

test('at 1024 px the toolbar stays one row and the rest is in More, which works', async ({ loopscope }) => {
  const { page } = loopscope;
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/index.html');
  await expect(page.getByTestId('run-status')).toContainText('steps');
  expect(await rows(page)).toBe(1);
  expect(await allInside(page)).toBe(true);
  await expect(page.getByTestId('settings-button')).toHaveCount(0);
  await page.getByTestId('toolbar-more').click();
  const menu = page.getByTestId('toolbar-more-menu');
  await expect(menu.getByLabel('Show loop internals (I)')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('toolbar-1024-more.png') });
  await menu.getByTestId('settings-button').click();
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  // Wider again: the items come back into the row.
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect(page.getByTestId('settings-button')).toBeVisible();
  await expect(page.getByTestId('toolbar-more-menu')).toHaveCount(0);
});

test('presenting hides the toolbar but its clock', async ({ loopscope }) => {
  const { page } = loopscope;
  await page.goto('/index.html');
  await expect(page.getByTestId('run-status')).toContainText('steps');
  await loopscope.menu('view:presentation');
  await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
  await expect(page.getByTestId('clock')).toBeVisible();
  for (const id of ['lessons-button', 'settings-button', 'play', 'scrub', 'toolbar-more'])
    await expect(page.getByTestId(id)).toBeHidden();
});
