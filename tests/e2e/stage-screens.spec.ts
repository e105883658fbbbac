// Four key moments of the a/b/c run, as the real engine ran it (tests/e2e/harness.ts), as pictures
// compared with checked-in images within a tolerance. Regenerate after a deliberate UI change with
// `npx playwright test --project=renderer tests/e2e/stage-screens --update-snapshots`, then LOOK at them.
import { test, expect } from './harness';
import { StageDriver } from './fixtures/driver';

const MOMENTS: [string, number][] = [
  ['01-main-creates-a-b-c', 1],
  ['02-c-runs-while-a-b-sleep', 4],
  ['03-clock-jumps-to-0.100', 5],
  ['04-all-done', 26],
];

for (const [name, step] of MOMENTS) {
  test(`screenshot: ${name}`, async ({ page, loopscope }) => {
    void loopscope;
    const d = await new StageDriver(page).open();
    await (await d.forward(step)).expectStep(step);
    // Let the canvas present its frame before the capture.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(page).toHaveScreenshot(`${name}.png`, { animations: 'disabled' });
  });
}
