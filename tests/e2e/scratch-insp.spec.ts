import { StageDriver } from './fixtures/driver';
import { openLesson, settle } from './fixtures/lesson';
import { test } from './harness';

test('scratch', async ({ page, loopscope }) => {
  void loopscope;
  await StageDriver.skipWelcome(page);
  await openLesson(page, process.env.LESSON ?? '15-deadlock');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('t');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowDown');
  await settle(page);
  await page.screenshot({ path: '/tmp/insp-task.png' });
  await page.getByTestId('inspector-tab-tasks').click();
  await settle(page);
  await page.screenshot({ path: '/tmp/insp-tasks.png' });
  await page.getByTestId('inspector-tab-graph').click();
  await settle(page);
  await page.screenshot({ path: '/tmp/insp-graph.png' });
});
