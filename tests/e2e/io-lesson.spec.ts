// A lesson that does real I/O (02b: three downloads from the virtual network's example.com),
// stepped through its socket waits with the real engine: the waiting lane groups the tasks by
// the socket they wait on, and a clock jump to a reply that arrives says so, not "a timer".
import type { Page } from '@playwright/test';
import { openLesson, settle } from './fixtures/lesson';
import { expect, test } from './harness';

const ID = '02b-async-waits';

const ioGroups = (page: Page) =>
  page
    .getByTestId('lane-waiting')
    .locator('li[data-kind="io"]')
    .evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-title')} ×${el.querySelectorAll('li[data-actor]').length}`),
    );

/** Steps forward (at most 200 steps) until the waiting lane has exactly this I/O group. */
async function stepUntil(page: Page, group: string): Promise<void> {
  for (let i = 0; i < 200 && !(await ioGroups(page)).includes(group); i++)
    await page.keyboard.press('ArrowRight');
  await expect.poll(() => ioGroups(page)).toContain(group);
}

test('the downloads lesson shows three tasks waiting on example.com, then a reply arriving', async ({
  page,
  loopscope,
}) => {
  void loopscope;
  await openLesson(page, ID);
  // The first bookmark: all three downloads are under way, each waiting on its socket.
  await page.keyboard.press(']');
  await expect(page.getByTestId('bookmark-caption')).toContainText('each waiting on its socket');
  // At that step the third task is still the one running; one step on, all three wait.
  await stepUntil(page, 'I/O: connect to example.com:80 ×3');
  await settle(page);
  await page.screenshot({ path: test.info().outputPath('io-waiting.png') });

  // On to the requests: each task then waits for its reply on the same connection.
  const mirror = page.getByTestId('stage-mirror');
  await stepUntil(page, 'I/O: read from example.com:80 ×3');

  // J: the next clock jump is a reply arriving (no timer is armed in this program).
  await page.keyboard.press('j');
  await expect(mirror).not.toHaveAttribute('data-time', '0.000');
  await expect(page.getByTestId('narration')).toContainText('when bytes or a connection arrive on a socket');
  await settle(page);
  await page.screenshot({ path: test.info().outputPath('io-reply-arrives.png') });
});
