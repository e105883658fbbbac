// The inspector with the real engine: a task's stack with locals, the task table and the await
// graph, stepped forward and back on lessons 7 and 15; lesson 3's blocked loop marked on the
// timeline and the stage. Screenshots: compared with checked-in images; regenerate after a
// deliberate UI change with `--update-snapshots`, then LOOK at them.
import type { Page } from '@playwright/test';
import { StageDriver } from './fixtures/driver';
import { openLesson, settle } from './fixtures/lesson';
import { expect, test } from './harness';

const step = (page: Page) => page.getByTestId('stage-mirror').getAttribute('data-step').then(Number);
const locals = (page: Page) =>
  page
    .getByTestId('inspector-task')
    .locator('tr[data-local]')
    .evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-local'), r.querySelector('td code')?.textContent?.trim()]),
    );
const graphCycles = (page: Page) => page.getByTestId('await-cycles').locator('li').allInnerTexts();
const waitingTitles = (page: Page) =>
  page
    .getByTestId('lane-waiting')
    .locator(':scope > li')
    .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-title')));

async function open(page: Page, id: string): Promise<void> {
  await StageDriver.skipWelcome(page);
  await openLesson(page, id);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('t');
  await expect(page.getByTestId('inspector')).toBeVisible();
}

test('lesson 15: the graph names each lock holder, then the cycle; stepping back undoes it', async ({
  page,
  loopscope,
}) => {
  void loopscope;
  await open(page, '15-deadlock');
  await page.getByTestId('inspector-tab-graph').click();
  // The first bookmark: each task holds one lock, and no cycle yet.
  await page.keyboard.press(']');
  const graph = page.getByTestId('await-graph');
  await expect(graph.locator('g.edge[data-kind="heldBy"]')).toHaveCount(2);
  await expect(page.getByTestId('await-cycles')).toHaveCount(0);
  const holders = await graph
    .locator('g.edge[data-kind="heldBy"]')
    .evaluateAll((es) => es.map((e) => e.getAttribute('data-to')));
  expect(new Set(holders).size).toBe(2);

  // The end: both wait for the lock the other holds.
  await page.keyboard.press(']');
  await expect.poll(() => graphCycles(page)).toHaveLength(1);
  const [cycle] = await graphCycles(page);
  expect(cycle).toMatch(/^Cycle: (alice|bob) -> lock .+ held by (bob|alice) -> lock .+ held by (alice|bob)$/);
  await expect(graph.locator('g.edge.cycle')).toHaveCount(4);
  // The waiting lane: one group per lock, named with its holder.
  const titles = await waitingTitles(page);
  expect(titles.filter((t) => / · held by (alice|bob)$/.test(t ?? ''))).toHaveLength(2);
  await settle(page);
  await expect(page).toHaveScreenshot('15-deadlock-cycle.png', { animations: 'disabled' });

  // Back, step by step, until the cycle is gone: it forms at the step bob starts to wait.
  const end = await step(page);
  let back = 0;
  while ((await graphCycles(page)).length > 0) {
    await page.keyboard.press('ArrowLeft');
    back++;
    expect(back).toBeLessThan(5);
  }
  await expect(graph.locator('g.edge.cycle')).toHaveCount(0);
  // And forward again to the same picture.
  await page.keyboard.press('End');
  expect(await step(page)).toBe(end);
  await expect.poll(() => graphCycles(page)).toEqual([cycle]);

  // The task view: alice holds one lock and awaits the other, held by bob.
  await page.getByTestId('inspector-tab-task').click();
  await page.getByTestId('inspector').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const task = page.getByTestId('inspector-task');
  await expect(task.locator('h3')).toContainText('alice');
  await expect(task.locator('dd[data-fact="holds"]')).toContainText('lock');
  await expect(task.locator('dd[data-fact="awaits"]')).toContainText('held by bob');
  await expect(task.getByTestId('frame').first()).toHaveAttribute('data-fn', /transfer/);
});

test('lesson 7: all three deposits read balance 0; the table and the stack follow each step', async ({
  page,
  loopscope,
}) => {
  void loopscope;
  await open(page, '07-lost-update');
  // The first bookmark ("balance 100 (expected 300)"): each deposit's last stack shows the
  // balance it read, 0 for all three.
  await page.keyboard.press(']');
  await expect(page.getByTestId('bookmark-caption')).toBeVisible();
  const inspector = page.getByTestId('inspector');
  await inspector.focus();
  const seen: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('ArrowDown');
    const name = (await inspector.getByTestId('inspector-task').locator('h3').innerText()).split(/\s/)[0];
    if (name !== 'deposit') continue; // main, or the lock's deposit_with_lock tasks
    seen.push(name);
    expect(Object.fromEntries(await locals(page))).toEqual({ amount: '100', current: '0' });
  }
  expect(seen).toHaveLength(3);

  // The first clock jump: all three have read the balance and sleep.
  await page.keyboard.press('Home');
  await page.keyboard.press('j');
  // The task table at this step: three sleeping deposits under main.
  await page.getByTestId('inspector-tab-tasks').click();
  const rows = page.getByTestId('task-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('task-table').locator('tbody tr[data-state="waiting"]')).toHaveCount(4);
  await settle(page);
  await expect(page).toHaveScreenshot('07-lost-update-table.png', { animations: 'disabled' });

  // From the start: main creates the deposits; the first one's first step reads the balance,
  // and its stack shows `current` as changed in that step; stepping back shows the stack it
  // was created with (its argument only).
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(rows).toHaveCount(4);
  await rows.nth(1).click();
  await page.getByTestId('inspector-tab-task').click();
  const task = page.getByTestId('inspector-task');
  await expect(task.locator('tr[data-changed]')).toHaveCount(0);
  expect(await locals(page)).toEqual([['amount', '100']]);
  await page.keyboard.press('ArrowRight');
  await expect(task.locator('tr[data-local="current"]')).toHaveAttribute('data-changed', 'true');
  expect(Object.fromEntries(await locals(page))).toEqual({ amount: '100', current: '0' });
  await settle(page);
  await expect(page).toHaveScreenshot('07-lost-update-changed.png', { animations: 'disabled' });
  await page.keyboard.press('ArrowLeft');
  await expect(task.locator('tr[data-changed]')).toHaveCount(0);
  expect(await locals(page)).toEqual([['amount', '100']]);
});

test('lesson 3: the blocked loop and the late tick are marked on the timeline and the stage', async ({
  page,
  loopscope,
}) => {
  void loopscope;
  await open(page, '03-blocking-call');
  const marks = page.getByTestId('warning-marks');
  await expect(marks.locator('[data-kind="blockedLoop"]')).toHaveCount(1);
  await expect(marks.locator('[data-kind="overdue"]').first()).toBeVisible();
  const blockedStep = Number(await marks.locator('[data-kind="blockedLoop"]').getAttribute('data-step'));
  // The first bookmark lands on the blocking step itself, before the blocked span, not after it.
  await page.keyboard.press(']');
  expect(await step(page)).toBe(blockedStep);
  const words = page.getByTestId('stage-warnings');
  await expect(words).toContainText('Blocked loop');
  await expect(marks.locator('[data-kind="blockedLoop"]')).toHaveAttribute('title', /^Blocked loop: /);
  await settle(page);
  await expect(page).toHaveScreenshot('03-blocked-loop.png', { animations: 'disabled' });
  // A step either side: no warning in words.
  await page.keyboard.press('ArrowLeft');
  await expect(words).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(words).toContainText('Blocked loop');
  // The overdue mark seeks to the late tick.
  await marks.locator('[data-kind="overdue"]').first().click();
  await expect(page.getByTestId('stage-warnings')).toContainText('Overdue');
});
