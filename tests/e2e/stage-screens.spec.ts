// Four key moments of the a/b/c run as pictures, compared with checked-in images within a
// tolerance. Regenerate after a deliberate UI change with --update-snapshots, then LOOK at them.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Trace } from '../../common/trace';
import { fakeBridge } from './fixtures/bridge';
import { StageDriver } from './fixtures/driver';

const abc = JSON.parse(readFileSync(new URL('./fixtures/abc-gather.json', import.meta.url), 'utf8')) as Trace;
const provideBridge = fakeBridge({ trace: abc });

test.beforeEach(async ({ page }) => provideBridge(page));

const MOMENTS: [string, number][] = [
  ['01-main-creates-a-b-c', 1],
  ['02-c-runs-while-a-b-sleep', 4],
  ['03-clock-jumps-to-0.100', 5],
  ['04-all-done', 18],
];

for (const [name, step] of MOMENTS) {
  test(`screenshot: ${name}`, async ({ page }) => {
    const d = await new StageDriver(page).open();
    await (await d.forward(step)).expectStep(step);
    // Let the canvas present its frame before the capture.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(page).toHaveScreenshot(`${name}.png`);
  });
}
