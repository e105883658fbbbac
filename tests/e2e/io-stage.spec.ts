// The stage's world strip, stepped through real I/O with the real engine: lesson 18's echo
// server (asyncio.start_server and three clients) with its messages in flight between endpoints,
// the narration of their arrival, and the worker threads with the job each runs. Screenshots are
// compared with checked-in images; motion is off, so each is one still frame. Regenerate after a
// deliberate change with `--update-snapshots`, then LOOK at them.
import type { Page } from '@playwright/test';
import { openLesson, settle } from './fixtures/lesson';
import { expect, test } from './harness';

const ID = '18-echo-server';

const packets = (page: Page) =>
  page
    .getByTestId('world-network')
    .locator('li:not([data-arrived])')
    .evaluateAll((els) =>
      els.map(
        (el) =>
          `${el.getAttribute('data-bytes')} bytes ${el.getAttribute('data-from')} -> ${el.getAttribute('data-to')} at ${el.getAttribute('data-arrives')}`,
      ),
    );

/** Senders of the messages a clock jump has just delivered. */
const arrived = (page: Page) =>
  page
    .getByTestId('world-network')
    .locator('li[data-arrived]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-from')));

const threads = (page: Page) =>
  page
    .getByTestId('world-threads')
    .locator('li')
    .evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-thread')}: ${el.getAttribute('data-job')}`),
    );

/** Steps forward (at most 150 steps) until `done` holds. */
async function stepUntil(page: Page, done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 150 && !(await done()); i++) await page.keyboard.press('ArrowRight');
  expect(await done()).toBe(true);
}

test('the echo server lesson: requests in flight, their arrival, the worker threads, the replies', async ({
  page,
  loopscope,
}) => {
  void loopscope;
  await page.addInitScript(() => localStorage.setItem('loopscope.welcomed', '1'));
  await openLesson(page, ID, 120_000);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const narration = page.getByTestId('narration');

  // The three request lines on their way to the server (ports: the listener is 32770, the
  // clients' ends 32771-32773), each client waiting on its socket.
  await stepUntil(page, async () => (await packets(page)).length === 3);
  expect(await packets(page)).toEqual([
    '15 bytes 127.0.0.1:32771 -> 127.0.0.1:32770 at 0.150',
    '15 bytes 127.0.0.1:32772 -> 127.0.0.1:32770 at 0.150',
    '15 bytes 127.0.0.1:32773 -> 127.0.0.1:32770 at 0.150',
  ]);
  await expect(narration).toContainText('cat sends 15 bytes to 127.0.0.1:32770 (arriving at t=0.150)');
  await settle(page);
  await expect(page).toHaveScreenshot('01-requests-in-flight.png', { animations: 'disabled' });

  // J: the clock jumps to their arrival, and the narration says whom they wake.
  await page.keyboard.press('j');
  await expect(narration).toContainText(
    '45 bytes from 3 senders arrive at t=0.150: handle #1, handle #2 and handle #3 wake',
  );
  expect(await packets(page)).toEqual([]);
  expect(await arrived(page)).toEqual(['127.0.0.1:32771', '127.0.0.1:32772', '127.0.0.1:32773']);
  await settle(page);
  await expect(page).toHaveScreenshot('02-requests-arrive.png', { animations: 'disabled' });

  // Each handler hands its line to a worker thread: three threads, each running shout.
  await stepUntil(page, async () => (await threads(page)).filter((t) => t.endsWith(': shout')).length === 3);
  expect(await threads(page)).toEqual(['asyncio_0: shout', 'asyncio_1: shout', 'asyncio_2: shout']);
  await expect(narration).toContainText('hands shout to thread asyncio_2 (it runs from t=0.150 to t=0.250)');
  await settle(page);
  await expect(page).toHaveScreenshot('03-threads-at-work.png', { animations: 'disabled' });

  // The replies on their way back, the threads idle again.
  await stepUntil(page, async () => (await packets(page)).length === 3);
  expect(await packets(page)).toEqual([
    '15 bytes 127.0.0.1:32770 -> 127.0.0.1:32771 at 0.300',
    '15 bytes 127.0.0.1:32770 -> 127.0.0.1:32772 at 0.300',
    '15 bytes 127.0.0.1:32770 -> 127.0.0.1:32773 at 0.300',
  ]);
  expect(await threads(page)).toEqual(['asyncio_0: ', 'asyncio_1: ', 'asyncio_2: ']);
  await settle(page);
  await expect(page).toHaveScreenshot('04-replies-in-flight.png', { animations: 'disabled' });
  await page.keyboard.press('j');
  await expect(narration).toContainText(
    '45 bytes from 127.0.0.1:32770 arrive at t=0.300: ann, bob and cat wake',
  );

  // Presentation mode: the same strip in large type, nothing overlapping.
  await loopscope.menu('view:presentation');
  await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
  await page.keyboard.press('ArrowLeft');
  await stepUntil(page, async () => (await packets(page)).length === 3);
  await settle(page);
  await expect(page).toHaveScreenshot('05-presentation.png', { animations: 'disabled' });
});
