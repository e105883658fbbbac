// The renderer's side of trace delivery, as in the app: main answers sim:run with a receipt,
// the trace itself arrives on a port the preload posted to the window (the harness plays the
// engine page, the preload and main). The run plays as one that came whole; the end shown is
// main's, never the one in the bytes; another program's trace is refused with a clear error.
import { expect, MAIN_END, test } from './harness';
import { StageDriver } from './fixtures/driver';

test.describe('over the trace port', () => {
  test.use({ traceDelivery: 'port' });
  test('the a/b/c run plays to its end', async ({ page, loopscope }) => {
    const d = await new StageDriver(page).open();
    expect(loopscope.calls.filter((c) => c === 'sim:run')).toHaveLength(1);
    await d.press('End');
    const state = await d.read();
    expect(state.console.at(-1)).toBe("Result: ['a', 'b', 'c']");
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
  });
});

test.describe("main's end counts", () => {
  test.use({ traceDelivery: 'port-main-end' });
  test('the end message says what main said, not what the bytes said', async ({ page, loopscope }) => {
    await StageDriver.skipWelcome(page);
    await page.goto('/');
    // Each run gets a fresh engine: on a busy machine its start takes a while.
    await expect(page.getByTestId('run-status')).toContainText('steps', { timeout: 120_000 });
    await page.getByRole('button', { name: 'To end (End)' }).click();
    await expect(page.getByTestId('run-end')).toContainText(MAIN_END.message);
    expect(loopscope.calls.filter((c) => c === 'sim:run')).toHaveLength(1);
  });
});

test.describe('a foreign trace', () => {
  test.use({ traceDelivery: 'port-foreign' });
  test('is refused with a clear error, never shown as the run', async ({ page, loopscope }) => {
    await StageDriver.skipWelcome(page);
    await page.goto('/');
    await expect(page.getByTestId('error-banner')).toContainText(
      'the engine sent the trace of another program',
      { timeout: 120_000 },
    );
    await expect(page.getByTestId('stage-mirror')).toHaveCount(0);
    expect(loopscope.calls.filter((c) => c === 'sim:run')).toHaveLength(1);
  });
});
