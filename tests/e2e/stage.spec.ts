// The stage and player on the a/b/c gather example, read from the DOM mirror the stage keeps.
// The bridge comes from one provider: swap `provideBridge` for the real-engine harness.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Trace } from '../../common/trace';
import { fakeBridge } from './fixtures/bridge';
import { StageDriver, type StageState } from './fixtures/driver';

const abc = JSON.parse(readFileSync(new URL('./fixtures/abc-gather.json', import.meta.url), 'utf8')) as Trace;
const provideBridge = fakeBridge({ trace: abc });

const GATHER = 'Awaiting: asyncio.gather(a(), b(), c())';
const TIMERS = 'Timers, by deadline';
type Expected = Omit<StageState, 'step' | 'loop' | 'newest'> & { loop?: RegExp };

// What a teacher would say at each step of the a/b/c run (internals hidden).
const STEPS: Expected[] = [
  {
    clock: '0.000',
    ready: ['main'],
    running: null,
    waiting: [],
    done: [],
    console: [],
    marks: [],
    ran: [],
    loop: /program starts/,
  },
  {
    clock: '0.000',
    ready: ['a', 'b', 'c'],
    running: 'main',
    waiting: [],
    done: [],
    console: [],
    marks: ['main@22'],
    ran: [22],
  },
  {
    clock: '0.000',
    ready: ['b', 'c'],
    running: 'a',
    waiting: [[GATHER, ['main']]],
    done: [],
    console: ['a started'],
    marks: ['a@5', 'main@22'],
    ran: [4, 5],
  },
  {
    clock: '0.000',
    ready: ['c'],
    running: 'b',
    waiting: [
      [TIMERS, ['a']],
      [GATHER, ['main']],
    ],
    done: [],
    console: ['a started', 'b started'],
    marks: ['a@5', 'b@11', 'main@22'],
    ran: [10, 11],
  },
  {
    clock: '0.000',
    ready: [],
    running: 'c',
    waiting: [
      [TIMERS, ['b', 'a']],
      [GATHER, ['main']],
    ],
    done: [],
    console: ['a started', 'b started', 'c started'],
    marks: ['a@5', 'b@11', 'c@17', 'main@22'],
    ran: [16, 17],
  },
  {
    clock: '0.100',
    ready: [],
    running: null,
    waiting: [
      [TIMERS, ['b', 'a', 'c']],
      [GATHER, ['main']],
    ],
    done: [],
    console: ['a started', 'b started', 'c started'],
    marks: ['a@5', 'b@11', 'c@17', 'main@22'],
    ran: [],
    loop: /clock jumps to 0\.100/,
  },
  {
    clock: '0.100',
    ready: ['b'],
    running: null,
    waiting: [
      [TIMERS, ['a', 'c']],
      [GATHER, ['main']],
    ],
    done: [],
    console: ['a started', 'b started', 'c started'],
    marks: ['a@5', 'b@11', 'c@17', 'main@22'],
    ran: [],
    loop: /internals/,
  },
  {
    clock: '0.100',
    ready: [],
    running: 'b',
    waiting: [
      [TIMERS, ['a', 'c']],
      [GATHER, ['main']],
    ],
    done: [],
    console: ['a started', 'b started', 'c started', 'b finished'],
    marks: ['a@5', 'b@13', 'c@17', 'main@22'],
    ran: [12, 13],
  },
  {
    clock: '0.100',
    ready: [],
    running: null,
    waiting: [
      [TIMERS, ['a', 'c']],
      [GATHER, ['main']],
    ],
    done: ['b'],
    console: ['a started', 'b started', 'c started', 'b finished'],
    marks: ['a@5', 'c@17', 'main@22'],
    ran: [],
  },
  {
    clock: '0.200',
    ready: [],
    running: null,
    waiting: [
      [TIMERS, ['a', 'c']],
      [GATHER, ['main']],
    ],
    done: ['b'],
    console: ['a started', 'b started', 'c started', 'b finished'],
    marks: ['a@5', 'c@17', 'main@22'],
    ran: [],
    loop: /clock jumps to 0\.200/,
  },
  {
    clock: '0.200',
    ready: ['a'],
    running: null,
    waiting: [
      [TIMERS, ['c']],
      [GATHER, ['main']],
    ],
    done: ['b'],
    console: ['a started', 'b started', 'c started', 'b finished'],
    marks: ['a@5', 'c@17', 'main@22'],
    ran: [],
  },
  {
    clock: '0.200',
    ready: [],
    running: 'a',
    waiting: [
      [TIMERS, ['c']],
      [GATHER, ['main']],
    ],
    done: ['b'],
    console: ['a started', 'b started', 'c started', 'b finished', 'a finished'],
    marks: ['a@7', 'c@17', 'main@22'],
    ran: [6, 7],
  },
  {
    clock: '0.200',
    ready: [],
    running: null,
    waiting: [
      [TIMERS, ['c']],
      [GATHER, ['main']],
    ],
    done: ['b', 'a'],
    console: ['a started', 'b started', 'c started', 'b finished', 'a finished'],
    marks: ['c@17', 'main@22'],
    ran: [],
  },
  {
    clock: '0.300',
    ready: [],
    running: null,
    waiting: [
      [TIMERS, ['c']],
      [GATHER, ['main']],
    ],
    done: ['b', 'a'],
    console: ['a started', 'b started', 'c started', 'b finished', 'a finished'],
    marks: ['c@17', 'main@22'],
    ran: [],
    loop: /clock jumps to 0\.300/,
  },
  {
    clock: '0.300',
    ready: ['c'],
    running: null,
    waiting: [[GATHER, ['main']]],
    done: ['b', 'a'],
    console: ['a started', 'b started', 'c started', 'b finished', 'a finished'],
    marks: ['c@17', 'main@22'],
    ran: [],
  },
  {
    clock: '0.300',
    ready: [],
    running: 'c',
    waiting: [[GATHER, ['main']]],
    done: ['b', 'a'],
    console: ['a started', 'b started', 'c started', 'b finished', 'a finished', 'c finished'],
    marks: ['c@19', 'main@22'],
    ran: [18, 19],
  },
  {
    clock: '0.300',
    ready: ['main'],
    running: null,
    waiting: [],
    done: ['b', 'a', 'c'],
    console: ['a started', 'b started', 'c started', 'b finished', 'a finished', 'c finished'],
    marks: ['main@22'],
    ran: [],
  },
  {
    clock: '0.300',
    ready: [],
    running: 'main',
    waiting: [],
    done: ['b', 'a', 'c'],
    console: [
      'a started',
      'b started',
      'c started',
      'b finished',
      'a finished',
      'c finished',
      "Result: ['a', 'b', 'c']",
    ],
    marks: ['main@23'],
    ran: [22, 23],
  },
  {
    clock: '0.300',
    ready: [],
    running: null,
    waiting: [],
    done: ['b', 'a', 'c', 'main'],
    console: [
      'a started',
      'b started',
      'c started',
      'b finished',
      'a finished',
      'c finished',
      "Result: ['a', 'b', 'c']",
    ],
    marks: [],
    ran: [],
    loop: /run finished/,
  },
];

function expectState(actual: StageState, step: number): void {
  const { loop, ...want } = STEPS[step];
  const { step: at, loop: loopText, newest, ...got } = actual;
  expect(at, 'mirror step').toBe(step);
  expect(got, `lanes, clock, console and marks at step ${step}`).toEqual(want);
  expect(newest, `newest console line at step ${step}`).toBe(want.console.at(-1) ?? null);
  if (loop) expect(loopText, `loop lane at step ${step}`).toMatch(loop);
}

test.beforeEach(async ({ page }) => provideBridge(page));

test('stepping forward through the a/b/c run shows every step as the loop ran it', async ({ page }) => {
  expect(abc.steps.length).toBe(STEPS.length);
  const d = await new StageDriver(page).open();
  for (let step = 0; step < STEPS.length; step++) {
    if (step > 0) await d.forward();
    await d.expectStep(step);
    expectState(await d.read(), step);
  }
  // Past the end the cursor stays on the last step.
  await (await d.forward()).expectStep(STEPS.length - 1);
});

test('stepping back to the start shows each step exactly as the first visit did', async ({ page }) => {
  const d = await new StageDriver(page).open();
  const firstVisit: StageState[] = [await d.read()];
  for (let step = 1; step < STEPS.length; step++)
    firstVisit.push(await (await (await d.forward()).expectStep(step)).read());
  for (let step = STEPS.length - 2; step >= 0; step--) {
    await (await d.back()).expectStep(step);
    expect(await d.read(), `step ${step} on the way back`).toEqual(firstVisit[step]);
  }
});

test('keyboard and jump controls move the cursor by step, loop pass, clock jump and task', async ({
  page,
}) => {
  const d = await new StageDriver(page).open();
  await (await d.press('End')).expectStep(18);
  await (await d.press('Home')).expectStep(0);
  await (await d.press('j')).expectStep(5);
  await (await d.press('j')).expectStep(9);
  await (await d.press('Shift+ArrowLeft')).expectStep(8);
  await (await d.press('Shift+ArrowRight')).expectStep(9);
  // Select c through the stage's DOM mirror, the way a keyboard user does.
  await page.getByRole('button', { name: /^c: / }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: "To c's next step (N)" })).toBeEnabled();
  await (await d.press('n')).expectStep(15);
  await page.getByTestId('scrub').fill('3');
  await d.expectStep(3);
  await (await d.press('+')).press('+');
  await expect(page.getByLabel('Playback speed (+/-)')).toHaveValue('4');
  await d.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await d.expectStep(18);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
});

test("the internals toggle shows asyncio's own timers and callbacks", async ({ page }) => {
  const d = await new StageDriver(page).open();
  await (await d.forward(5)).expectStep(5);
  expect((await d.read()).waiting.map(([title]) => title)).toEqual([TIMERS, GATHER]);
  await d.press('i');
  const withInternals = await d.read();
  expect(withInternals.ready).toEqual(['_set_result_u… → b']);
  expect(withInternals.waiting.map(([title]) => title)).toEqual([
    TIMERS,
    GATHER,
    'Timer heap (loop._scheduled)',
  ]);
});

test('a clock jump is its own step: the big clock says where it jumped', async ({ page }) => {
  const d = await new StageDriver(page).open();
  await d.forward(5);
  await expect(page.getByTestId('clock-jump')).toHaveText('jumped 0.000 → 0.100');
  await expect(page.getByTestId('narration')).toContainText('the virtual clock jumps from 0.000 to 0.100');
});

test('a rejected run shows its message and keeps the app usable', async ({ browser }) => {
  const page = await browser.newPage();
  await fakeBridge({ fail: 'SyntaxError: invalid syntax (line 3, column 5)' })(page);
  await page.goto('/');
  await expect(page.getByTestId('error-banner')).toHaveText('SyntaxError: invalid syntax (line 3, column 5)');
  await expect(page.getByTestId('run-error')).toContainText('line 3');
  await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'Run the program (Ctrl+Enter)' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __runs: unknown[] }).__runs.length))
    .toBe(2);
  await expect(page.getByTestId('error-banner')).toBeVisible();
  await page.close();
});

test('editing the code reruns it after a pause, and Ctrl+Enter reruns at once', async ({ page }) => {
  const d = await new StageDriver(page).open();
  const runs = () => page.evaluate(() => (window as unknown as { __runs: unknown[] }).__runs.length);
  expect(await runs()).toBe(1);
  await page.locator('.cm-content').click();
  await page.keyboard.press('End');
  await page.keyboard.type('  # edited');
  await expect.poll(runs, { timeout: 5000 }).toBe(2);
  await page.keyboard.press('Control+Enter');
  await expect.poll(runs).toBe(3);
  await d.expectStep(0);
});

test('focusing a task shows what it awaits beside its sprite', async ({ page }) => {
  const d = await new StageDriver(page).open();
  await d.forward(4);
  await page.getByRole('button', { name: /^a: / }).focus();
  const tip = page.getByTestId('stage-tooltip');
  await expect(tip).toContainText('waiting: asyncio.sleep(0.2) → 0.200');
  await expect(tip).toContainText('line 5');
  await page.screenshot({ path: test.info().outputPath('tooltip-a.png') });
  await page.getByRole('button', { name: /^a: / }).blur();
  await expect(tip).toHaveCount(0);
});

test('prefers-reduced-motion turns every move into a cut, whatever the motion setting', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await expect(page.getByLabel('Animate moves (M)')).toBeChecked();
  await expect(page.getByTestId('stage-layout')).toHaveAttribute('data-motion-ms', '0');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(page.getByTestId('stage-layout')).not.toHaveAttribute('data-motion-ms', '0');
});

test('a step pressed mid-move finishes the move at once and starts the next', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('stage-mirror')).toHaveAttribute('data-step', '0');
  await page.getByLabel('Playback speed (+/-)').selectOption('0.25');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(150);
  await page.screenshot({ path: test.info().outputPath('mid-move.png') });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('stage-mirror')).toHaveAttribute('data-step', '3');
  // The stage lands where the mirror says, whatever was in flight.
  await page.waitForTimeout(600);
  const onStage = await page.evaluate(() => {
    const stage = (window as unknown as { __loopscopeStage: { layout: { places: Map<number, unknown> } } })
      .__loopscopeStage;
    return [...stage.layout.places.keys()].sort();
  });
  expect(onStage).toEqual([1, 2, 3, 4]);
});

test('the stage exports itself as a PNG of what it shows', async ({ page }) => {
  await (await new StageDriver(page).open()).forward(4);
  const head = await page.evaluate(async () => {
    const stage = (window as unknown as { __loopscopeStage: { exportPng(): Promise<Uint8Array> } })
      .__loopscopeStage;
    const bytes = await stage.exportPng();
    return [...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('') + ':' + bytes.length;
  });
  expect(head).toMatch(/^PNG:\d{4,}$/);
});

test('a trace recorded by the real engine plays to the end with asyncio’s own tasks hidden', async ({
  browser,
}) => {
  const recorded = JSON.parse(
    readFileSync(new URL('./fixtures/abc-gather.engine.json', import.meta.url), 'utf8'),
  );
  const page = await browser.newPage();
  await fakeBridge({ trace: recorded })(page);
  const d = await new StageDriver(page).open();
  await (await d.press('End')).expectStep(recorded.steps.length - 1);
  const end = await d.read();
  expect(end.done).toEqual(['b', 'a', 'c', 'main']);
  expect(end.console.at(-1)).toBe("Result: ['a', 'b', 'c']");
  expect(end.loop).toBe('the run finished: The program finished normally.');
  await page.screenshot({ path: test.info().outputPath('engine-trace-end.png') });
  await (await d.press('Home')).forward(7);
  expect(await d.read()).toMatchObject({ running: 'b', ran: [11, 12, 13], done: [] });
  await page.screenshot({ path: test.info().outputPath('engine-trace-step-7.png') });
  await page.close();
});
