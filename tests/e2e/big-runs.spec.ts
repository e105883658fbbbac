// Big runs with the real engine, traces over a trace port in their binary form as in the app:
// a run asked for clears the old stage at once and shows its progress; Stop (and Esc) ends it,
// keeps the program text and leaves the editor usable. (The huge lane: huge-lane.spec.ts.)
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { StageDriver } from './fixtures/driver';
import type { StageRenderer } from '../../renderer/src/stage/renderer';

test.use({ traceDelivery: 'port' });

/** `n` workers that sleep three times each: about 8 n steps, long enough to stop midway. They
 * are made 250 per step (a step has a time budget, and making thousands in one can exceed
 * it on a loaded machine; the editor indents lines typed into it, so no block is dedented). */
const many = (n: number) =>
  `import asyncio


async def worker(n):
    for _ in range(3):
        await asyncio.sleep(0.1 * (n % 10))
    return n


async def spawn(first):
    await asyncio.sleep(0)
    return [asyncio.create_task(worker(n)) for n in range(first, first + 250)]


async def main():
    tasks = [t for first in range(0, ${n}, 250) for t in await spawn(first)]
    results = await asyncio.gather(*tasks)
    print(len(results))


asyncio.run(main())
`;

/** The status bar once a run is shown ("gather_abc.py: 27 steps, 4 tasks"). */
const FINISHED = /\.py: \d+ steps, \d+ tasks?$/;

async function setProgram(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

const stageLayout = (page: Page) =>
  page.evaluate(() => {
    const l = (window as unknown as { __loopscopeStage: StageRenderer }).__loopscopeStage.layout;
    return l && { lanes: l.lanes, places: [...l.places], labels: [...l.headers, ...l.overflow] };
  });

test('a big run clears the old stage at once and shows progress; Stop and Esc end it and the editor stays usable', async ({
  page,
  loopscope,
}) => {
  await new StageDriver(page).open();
  await expect(page.getByTestId('stage-mirror')).toBeAttached();
  expect(await stageLayout(page)).not.toBeNull();

  await setProgram(page, many(20_000));
  await page.keyboard.press('Control+Enter');
  // The old run's stage goes at once, canvas and mirror, before the engine has answered.
  await expect(page.getByTestId('stage-mirror')).toHaveCount(0, { timeout: 1000 });
  expect(await stageLayout(page)).toBeNull();
  const progress = page.getByTestId('run-progress');
  await expect(progress).toContainText(/[1-9][\d,]* steps simulated/, { timeout: 60_000 });
  await page.getByTestId('stop-run').click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('run-status')).toHaveText('run stopped');
  await expect(page.locator('.cm-content')).toContainText('range(0, 20000, 250)');

  // Again, stopped with Esc from the editor this time.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Enter');
  await expect(progress).toContainText(/[1-9][\d,]* steps simulated/, { timeout: 60_000 });
  await page.keyboard.press('Escape');
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('run-status')).toHaveText('run stopped');

  // The editor takes typing, and the next run works.
  await setProgram(page, 'print("after stop")\n');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('run-status')).toHaveText(FINISHED, { timeout: 60_000 });
  // How it ended shows once the run reaches its end (the menu's End: the editor keeps the focus).
  await loopscope.menu('player:end');
  await expect(page.getByTestId('run-end')).toHaveText('The program finished normally.');
});
