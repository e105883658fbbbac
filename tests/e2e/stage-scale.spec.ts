// Big runs: past a threshold tokens become compact marks with counts, and the player still
// steps and seeks. Timings live in the benchmark (tests/bench/stage.ts), not here.
import { expect, test } from '@playwright/test';
import { fakeBridge } from './fixtures/bridge';
import { StageDriver } from './fixtures/driver';
import { syntheticTrace } from './fixtures/synthetic';

test('a thousand waiting tasks turn into compact marks and the lanes still count them all', async ({
  page,
}) => {
  await fakeBridge({
    generate: { fn: syntheticTrace.toString(), arg: { tasks: 1000, rounds: 3, same: true } },
  })(page);
  await new StageDriver(page).open();
  const mirror = page.getByTestId('stage-mirror');
  // Step 1001: the last worker runs; the other 999 sleep on the same deadline.
  await page.getByTestId('scrub').fill('1001');
  await expect(mirror).toHaveAttribute('data-step', '1001');
  await expect(page.getByTestId('stage-layout')).toHaveAttribute('data-compact', /waiting/);
  await expect(mirror.getByRole('heading', { name: 'Waiting' })).toBeAttached();
  await expect(mirror.locator('[data-group="timer"]')).toHaveAttribute('data-title', 'Timers, by deadline');
  // The mirror reads out the first 25 of a lane and counts the rest.
  await expect(mirror.locator('[data-group="timer"] > ol > li')).toHaveCount(25);
  await expect(mirror.locator('[data-group="timer"]')).toContainText('and 974 more');
  await expect(page.getByTestId('clock-time')).toHaveText('0.000');
  await page.screenshot({ path: test.info().outputPath('thousand-tasks-waiting.png') });
  await page.keyboard.press('End');
  await expect(mirror).toHaveAttribute('data-step', /\d+/);
  await expect(mirror.getByRole('heading', { name: 'Done: 1001' })).toBeAttached();
  await page.screenshot({ path: test.info().outputPath('thousand-tasks-end.png') });
});

test('seeking a 200,000-step trace lands on the requested step', async ({ page }) => {
  await fakeBridge({
    generate: { fn: syntheticTrace.toString(), arg: { tasks: 1000, rounds: 400, maxSteps: 200_000 } },
  })(page);
  await StageDriver.skipWelcome(page);
  await page.goto('/');
  const mirror = page.getByTestId('stage-mirror');
  await expect(mirror).toHaveAttribute('data-step', '0', { timeout: 30_000 });
  for (const step of [150_000, 7, 199_999, 100_000]) {
    await page.getByTestId('scrub').fill(String(step));
    await expect(mirror).toHaveAttribute('data-step', String(step));
  }
});
