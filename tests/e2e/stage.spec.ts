// The stage and player on the a/b/c gather example, run by the real engine (tests/e2e/harness.ts:
// the app's own window.loopscope over the main-side handlers and the contained engine) and read
// from the DOM mirror the stage keeps.
import { test, expect } from './harness';
import { StageDriver, type StageState } from './fixtures/driver';

const GATHER = 'Awaiting: asyncio.gather(a(), b(), c())';
const TIMERS = 'Timers, by deadline';
type Expected = Omit<StageState, 'step' | 'newest'>;

/** The program's output, in the order the engine's run prints it. */
const OUTPUT = [
  'a started',
  'b started',
  'c started',
  'b finished',
  'a finished',
  'c finished',
  "Result: ['a', 'b', 'c']",
];
const printed = (lines: number): string[] => OUTPUT.slice(0, lines);

// What a teacher would say at each of the engine's 27 steps (internals hidden): `npm run sim --
// gather_abc.py --steps` lists them. The step shown is in progress: its task sits in the Loop lane;
// asyncio's own callbacks (a sleep's timer, gather's done-callback, asyncio.run's clean-up) run
// hidden, so their steps show only the loop's note and what they changed; with internals hidden
// the player steps over them (SHOWN), and the internals-on specs reach them.
const STEPS: Expected[] = [
  // 0: asyncio.run() creates main; the top level ran its def lines
  {
    clock: '0.000',
    loop: 'the loop has not started yet',
    ready: ['main'],
    running: null,
    waiting: [],
    done: [],
    console: printed(0),
    marks: [],
    ran: [1, 3, 9, 15, 21, 25],
  },
  // 1: main spawns a, b, c and awaits gather
  {
    clock: '0.000',
    loop: 'main runs line 22, then awaits asyncio.gather(a(), b(), c())',
    ready: ['a', 'b', 'c'],
    running: 'main',
    waiting: [],
    done: [],
    console: printed(0),
    marks: ['main@22'],
    ran: [22],
  },
  // 2: a prints, sleeps until 0.2 (its timer is asyncio's own)
  {
    clock: '0.000',
    loop: 'a runs lines 4–5, then awaits asyncio.sleep(0.2) → 0.200',
    ready: ['b', 'c'],
    running: 'a',
    waiting: [[GATHER, ['main']]],
    done: [],
    console: printed(1),
    marks: ['a@5', 'main@22'],
    ran: [4, 5],
  },
  // 3: b prints, sleeps until 0.1
  {
    clock: '0.000',
    loop: 'b runs lines 10–11, then awaits asyncio.sleep(0.1) → 0.100',
    ready: ['c'],
    running: 'b',
    waiting: [
      [TIMERS, ['a']],
      [GATHER, ['main']],
    ],
    done: [],
    console: printed(2),
    marks: ['a@5', 'b@11', 'main@22'],
    ran: [10, 11],
  },
  // 4: c prints, sleeps until 0.3
  {
    clock: '0.000',
    loop: 'c runs lines 16–17, then awaits asyncio.sleep(0.3) → 0.300',
    ready: [],
    running: 'c',
    waiting: [
      [TIMERS, ['b', 'a']],
      [GATHER, ['main']],
    ],
    done: [],
    console: printed(3),
    marks: ['a@5', 'b@11', 'c@17', 'main@22'],
    ran: [16, 17],
  },
  // 5: nothing ready: the clock jumps to 0.1; b's timer callback is ready (internal)
  {
    clock: '0.100',
    loop: 'nothing is ready: the clock jumps to 0.100',
    ready: [],
    running: null,
    waiting: [
      [TIMERS, ['b', 'a', 'c']],
      [GATHER, ['main']],
    ],
    done: [],
    console: printed(3),
    marks: ['a@5', 'b@11', 'c@17', 'main@22'],
    ran: [],
  },
  // 6: the timer callback wakes b
  {
    clock: '0.100',
    loop: 'asyncio internals: _set_result_unless_cancelled for b',
    ready: ['b'],
    running: null,
    waiting: [
      [TIMERS, ['a', 'c']],
      [GATHER, ['main']],
    ],
    done: [],
    console: printed(3),
    marks: ['a@5', 'b@11', 'c@17', 'main@22'],
    ran: [],
  },
  // 7: b finishes and returns 'b'
  {
    clock: '0.100',
    loop: "b runs lines 11–13, then returns 'b'",
    ready: [],
    running: 'b',
    waiting: [
      [TIMERS, ['a', 'c']],
      [GATHER, ['main']],
    ],
    done: [],
    console: printed(4),
    marks: ['a@5', 'b@13', 'c@17', 'main@22'],
    ran: [11, 12, 13],
  },
  // 8: gather's done-callback notes b (internal); b is done
  {
    clock: '0.100',
    loop: 'asyncio internals: gather.<locals>._done_callback for b',
    ready: [],
    running: null,
    waiting: [
      [TIMERS, ['a', 'c']],
      [GATHER, ['main']],
    ],
    done: ['b'],
    console: printed(4),
    marks: ['a@5', 'c@17', 'main@22'],
    ran: [],
  },
  // 9: clock jumps to 0.2
  {
    clock: '0.200',
    loop: 'nothing is ready: the clock jumps to 0.200',
    ready: [],
    running: null,
    waiting: [
      [TIMERS, ['a', 'c']],
      [GATHER, ['main']],
    ],
    done: ['b'],
    console: printed(4),
    marks: ['a@5', 'c@17', 'main@22'],
    ran: [],
  },
  // 10: a's timer callback wakes a
  {
    clock: '0.200',
    loop: 'asyncio internals: _set_result_unless_cancelled for a',
    ready: ['a'],
    running: null,
    waiting: [
      [TIMERS, ['c']],
      [GATHER, ['main']],
    ],
    done: ['b'],
    console: printed(4),
    marks: ['a@5', 'c@17', 'main@22'],
    ran: [],
  },
  // 11: a finishes
  {
    clock: '0.200',
    loop: "a runs lines 5–7, then returns 'a'",
    ready: [],
    running: 'a',
    waiting: [
      [TIMERS, ['c']],
      [GATHER, ['main']],
    ],
    done: ['b'],
    console: printed(5),
    marks: ['a@7', 'c@17', 'main@22'],
    ran: [5, 6, 7],
  },
  // 12: gather's done-callback for a
  {
    clock: '0.200',
    loop: 'asyncio internals: gather.<locals>._done_callback for a',
    ready: [],
    running: null,
    waiting: [
      [TIMERS, ['c']],
      [GATHER, ['main']],
    ],
    done: ['b', 'a'],
    console: printed(5),
    marks: ['c@17', 'main@22'],
    ran: [],
  },
  // 13: clock jumps to 0.3
  {
    clock: '0.300',
    loop: 'nothing is ready: the clock jumps to 0.300',
    ready: [],
    running: null,
    waiting: [
      [TIMERS, ['c']],
      [GATHER, ['main']],
    ],
    done: ['b', 'a'],
    console: printed(5),
    marks: ['c@17', 'main@22'],
    ran: [],
  },
  // 14: c's timer callback wakes c
  {
    clock: '0.300',
    loop: 'asyncio internals: _set_result_unless_cancelled for c',
    ready: ['c'],
    running: null,
    waiting: [[GATHER, ['main']]],
    done: ['b', 'a'],
    console: printed(5),
    marks: ['c@17', 'main@22'],
    ran: [],
  },
  // 15: c finishes
  {
    clock: '0.300',
    loop: "c runs lines 17–19, then returns 'c'",
    ready: [],
    running: 'c',
    waiting: [[GATHER, ['main']]],
    done: ['b', 'a'],
    console: printed(6),
    marks: ['c@19', 'main@22'],
    ran: [17, 18, 19],
  },
  // 16: gather's last done-callback wakes main
  {
    clock: '0.300',
    loop: 'asyncio internals: gather.<locals>._done_callback for c',
    ready: ['main'],
    running: null,
    waiting: [],
    done: ['b', 'a', 'c'],
    console: printed(6),
    marks: ['main@22'],
    ran: [],
  },
  // 17: main prints the result and returns
  {
    clock: '0.300',
    loop: 'main runs lines 22–23, then returns None',
    ready: [],
    running: 'main',
    waiting: [],
    done: ['b', 'a', 'c'],
    console: printed(7),
    marks: ['main@23'],
    ran: [22, 23],
  },
  // 18: _run_until_complete_cb stops the loop
  {
    clock: '0.300',
    loop: 'asyncio internals: _run_until_complete_cb for main',
    ready: [],
    running: null,
    waiting: [],
    done: ['b', 'a', 'c', 'main'],
    console: printed(7),
    marks: [],
    ran: [],
  },
  // 19: asyncio.run's clean-up: the top level spawns shutdown_asyncgens (internal)
  {
    clock: '0.300',
    loop: "the loop is not running: the program's top level runs",
    ready: [],
    running: null,
    waiting: [],
    done: ['b', 'a', 'c', 'main'],
    console: printed(7),
    marks: [],
    ran: [],
  },
  // 20: shutdown_asyncgens runs (internal)
  {
    clock: '0.300',
    loop: 'asyncio internals: BaseEventLoop.shutdown_asyncgens',
    ready: [],
    running: null,
    waiting: [],
    done: ['b', 'a', 'c', 'main'],
    console: printed(7),
    marks: [],
    ran: [],
  },
  // 21: its _run_until_complete_cb
  {
    clock: '0.300',
    loop: 'asyncio internals: _run_until_complete_cb for BaseEventLoop.shutdown_asyncgens',
    ready: [],
    running: null,
    waiting: [],
    done: ['b', 'a', 'c', 'main'],
    console: printed(7),
    marks: [],
    ran: [],
  },
  // 22: the top level spawns shutdown_default_executor (internal)
  {
    clock: '0.300',
    loop: "the loop is not running: the program's top level runs",
    ready: [],
    running: null,
    waiting: [],
    done: ['b', 'a', 'c', 'main'],
    console: printed(7),
    marks: [],
    ran: [],
  },
  // 23: shutdown_default_executor runs (internal)
  {
    clock: '0.300',
    loop: 'asyncio internals: BaseEventLoop.shutdown_default_executor',
    ready: [],
    running: null,
    waiting: [],
    done: ['b', 'a', 'c', 'main'],
    console: printed(7),
    marks: [],
    ran: [],
  },
  // 24: its _run_until_complete_cb
  {
    clock: '0.300',
    loop: 'asyncio internals: _run_until_complete_cb for BaseEventLoop.shutdown_default_executor',
    ready: [],
    running: null,
    waiting: [],
    done: ['b', 'a', 'c', 'main'],
    console: printed(7),
    marks: [],
    ran: [],
  },
  // 25: the top level closes the loop
  {
    clock: '0.300',
    loop: "the loop is not running: the program's top level runs",
    ready: [],
    running: null,
    waiting: [],
    done: ['b', 'a', 'c', 'main'],
    console: printed(7),
    marks: [],
    ran: [],
  },
  // 26: the run ends normally
  {
    clock: '0.300',
    loop: 'the run is over',
    ready: [],
    running: null,
    waiting: [],
    done: ['b', 'a', 'c', 'main'],
    console: printed(7),
    marks: [],
    ran: [],
  },
];

function expectState(actual: StageState, step: number): void {
  const { step: at, newest, ...got } = actual;
  expect(at, 'mirror step').toBe(step);
  expect(got, `lanes, loop, clock, console and marks at step ${step}`).toEqual(STEPS[step]);
  expect(newest, `newest console line at step ${step}`).toBe(STEPS[step].console.at(-1) ?? null);
}

const LAST = STEPS.length - 1;
/** The steps stepped through with internals hidden (renderer/src/player/visibleSteps.ts). */
const SHOWN = [0, 1, 2, 3, 4, 5, 7, 9, 11, 13, 15, 17, LAST];
const runs = (calls: string[]): number => calls.filter((c) => c === 'sim:run').length;

test('stepping forward through the engine’s a/b/c run shows every step as the loop ran it', async ({
  page,
  loopscope,
}) => {
  const d = await new StageDriver(page).open();
  expect(runs(loopscope.calls)).toBe(1);
  for (const step of SHOWN) {
    if (step > 0) await d.forward();
    await d.expectStep(step);
    expectState(await d.read(), step);
  }
  // Past the end the cursor stays on the last step.
  await (await d.forward()).expectStep(LAST);
});

test('stepping back to the start shows each step exactly as the first visit did', async ({
  page,
  loopscope,
}) => {
  void loopscope;
  const d = await new StageDriver(page).open();
  const firstVisit = new Map<number, StageState>([[0, await d.read()]]);
  for (const step of SHOWN.slice(1))
    firstVisit.set(step, await (await (await d.forward()).expectStep(step)).read());
  for (const step of SHOWN.slice(0, -1).reverse()) {
    await (await d.back()).expectStep(step);
    expect(await d.read(), `step ${step} on the way back`).toEqual(firstVisit.get(step));
  }
  expectState(await d.read(), 0);
});

test('keyboard and jump controls move the cursor by step, loop pass, clock jump and task', async ({
  page,
  loopscope,
}) => {
  void loopscope;
  const d = await new StageDriver(page).open();
  await (await d.press('End')).expectStep(LAST);
  await (await d.press('Home')).expectStep(0);
  await (await d.press('j')).expectStep(5);
  await (await d.press('j')).expectStep(9);
  // The pass before starts with gather's done-callback (step 8), which internals-off steps over.
  await (await d.press('Shift+ArrowLeft')).expectStep(7);
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
  await d.expectStep(LAST);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
});

test("the internals toggle shows asyncio's own timers and callbacks", async ({ page, loopscope }) => {
  void loopscope;
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

test('a clock jump is its own step: the big clock says where it jumped', async ({ page, loopscope }) => {
  void loopscope;
  const d = await new StageDriver(page).open();
  await d.forward(5);
  await expect(page.getByTestId('clock-jump')).toHaveText('jumped 0.000 → 0.100');
  await expect(page.getByTestId('narration')).toContainText('the virtual clock jumps from 0.000 to 0.100');
});

test('a program that does not compile shows the engine’s message and the app runs the fixed program', async ({
  page,
  loopscope,
}) => {
  const d = await new StageDriver(page).open();
  const broken = '\ndef broken(:\n';
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(broken);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('code-marks')).toContainText('the run failed at line 27', {
    timeout: 60_000,
  });
  // No task was ever created: the first step says only that the program starts.
  await expect(page.getByTestId('lane-loop')).toHaveText('the program starts');
  await expect(page.getByTestId('narration')).toContainText('The program starts.');
  // How it ended shows once the run reaches its end (the menu's End: the editor keeps the focus).
  await expect(page.getByTestId('run-end')).toHaveCount(0);
  await loopscope.menu('player:end');
  await expect(page.getByTestId('run-end')).toContainText('SyntaxError: invalid syntax (line 27, column 12)');
  await expect(page.getByTestId('console')).toContainText('def broken(:');
  // Undo the edit and run again: the stage shows the a/b/c run from its start.
  for (let i = 0; i < broken.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+Enter');
  await d.expectStep(0);
  await expect(page.getByTestId('narration')).toContainText('The program starts: asyncio.run() creates main');
  expect(runs(loopscope.calls)).toBeGreaterThanOrEqual(3);
  // Out of the editor, End is the player's key again.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await (await d.press('End')).expectStep(LAST);
  expectState(await d.read(), LAST);
});

test('editing the code reruns it after a pause, and Ctrl+Enter reruns at once', async ({
  page,
  loopscope,
}) => {
  const d = await new StageDriver(page).open();
  expect(runs(loopscope.calls)).toBe(1);
  await page.locator('.cm-content').click();
  await page.keyboard.press('End');
  await page.keyboard.type('  # edited');
  await expect.poll(() => runs(loopscope.calls), { timeout: 5000 }).toBe(2);
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => runs(loopscope.calls)).toBe(3);
  await d.expectStep(0);
});

test('focusing a task shows what it awaits beside its sprite', async ({ page, loopscope }) => {
  void loopscope;
  const d = await new StageDriver(page).open();
  await d.forward(4);
  await page.getByRole('button', { name: /^a: / }).focus();
  const tip = page.getByTestId('stage-tooltip');
  await expect(tip).toContainText('waiting: asyncio.sleep(0.2) → 0.200');
  await expect(tip).toContainText('line 5');
  await page.getByRole('button', { name: /^a: / }).blur();
  await expect(tip).toHaveCount(0);
});

test('prefers-reduced-motion turns every move into a cut, whatever the motion setting', async ({
  page,
  loopscope,
}) => {
  void loopscope;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await StageDriver.skipWelcome(page);
  await page.goto('/');
  await expect(page.getByLabel('Animate moves (M)')).toBeChecked();
  await expect(page.getByTestId('stage-layout')).toHaveAttribute('data-motion-ms', '0');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(page.getByTestId('stage-layout')).not.toHaveAttribute('data-motion-ms', '0');
});

test('a step pressed mid-move finishes the move at once and starts the next', async ({ page, loopscope }) => {
  void loopscope;
  await StageDriver.skipWelcome(page);
  await page.goto('/');
  await expect(page.getByTestId('stage-mirror')).toHaveAttribute('data-step', '0');
  await page.getByLabel('Playback speed (+/-)').selectOption('0.25');
  const moving = () =>
    page.evaluate(
      () => (window as unknown as { __loopscopeStage: { moving: boolean } }).__loopscopeStage.moving,
    );
  await page.keyboard.press('ArrowRight');
  // The next press lands while the first step's move is still in flight (at 0.25x it is long).
  await expect.poll(moving, { intervals: [10] }).toBe(true);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('stage-mirror')).toHaveAttribute('data-step', '3');
  // The stage lands where the mirror says, whatever was in flight.
  await expect.poll(moving).toBe(false);
  const onStage = await page.evaluate(() => {
    const stage = (window as unknown as { __loopscopeStage: { layout: { places: Map<number, unknown> } } })
      .__loopscopeStage;
    return [...stage.layout.places.keys()].sort();
  });
  const inMirror = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="stage-mirror"] li[data-actor]')]
      .map((li) => Number(li.getAttribute('data-actor')))
      .sort(),
  );
  expect(onStage).toEqual(inMirror);
  expect(onStage).toHaveLength(4);
});

test('the stage exports itself as a PNG of what it shows', async ({ page, loopscope }) => {
  void loopscope;
  await (await new StageDriver(page).open()).forward(4);
  const head = await page.evaluate(async () => {
    const stage = (window as unknown as { __loopscopeStage: { exportPng(): Promise<Uint8Array> } })
      .__loopscopeStage;
    const bytes = await stage.exportPng();
    return [...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('') + ':' + bytes.length;
  });
  expect(head).toMatch(/^PNG:\d{4,}$/);
});

test('the light and high-contrast themes reach the stage lanes and the console', async ({
  page,
  loopscope,
}) => {
  void loopscope;
  const d = await new StageDriver(page).open();
  await d.forward(4);
  const look = () =>
    page.evaluate(() => {
      const bg = (el: Element | null) => (el ? getComputedStyle(el).backgroundColor : '');
      return {
        lane: bg(document.querySelector('[data-testid="stage"] .lane')),
        console: bg(document.querySelector('[data-testid="console"]')),
      };
    });
  const dark = await look();
  // What the desktop controller does on a theme change (applyTheme in renderer/src/desktop/theme.ts).
  await page.evaluate(() => {
    const root = document.documentElement;
    root.dataset['theme'] = 'light';
    const light = {
      surface: '#ffffff',
      fg: '#1b1d23',
      muted: '#4a5160',
      accent: '#0072b2',
      danger: '#b3261e',
    };
    for (const [name, value] of Object.entries(light)) root.style.setProperty(`--ls-${name}`, value);
  });
  const light = await look();
  expect(light.lane).toBe('rgb(238, 240, 244)');
  expect(light.console).toBe('rgb(255, 255, 255)');
  await page.screenshot({ path: test.info().outputPath('theme-light.png') });
  await page.evaluate(() => (document.documentElement.dataset['theme'] = 'high-contrast'));
  const contrast = await look();
  expect(contrast).toEqual({ lane: 'rgb(0, 0, 0)', console: 'rgb(0, 0, 0)' });
  await page.screenshot({ path: test.info().outputPath('theme-high-contrast.png') });
  await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
  expect(await look()).toEqual(dark);
});
