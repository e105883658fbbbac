// A Waiting lane of ten thousand tasks (9,999 sleepers on one deadline and main awaiting the
// gather) is summarised: marks for what fits and one "+N more" line, every label apart from the
// others, no token on a label or out of its lane, main's group shown. Before, "+9380 more" was
// drawn over the next group's title and main fell out of the lane. Synthetic trace in the
// engine's format (fixtures/synthetic.ts): the real engine's 10,000-task run is big-runs.spec's
// kind of wait, and the layout is what is checked here.
// The picture: `npx playwright test tests/e2e/huge-lane --update-snapshots`, then LOOK at it.
import { expect, test } from '@playwright/test';
import { fakeBridge } from './fixtures/bridge';
import { StageDriver } from './fixtures/driver';
import { settle } from './fixtures/lesson';
import { syntheticTrace } from './fixtures/synthetic';
import type { StageRenderer } from '../../renderer/src/stage/renderer';

const TASKS = 10_000;

test('ten thousand waiting tasks are summarised: labels apart, tokens in their lanes, main shown', async ({
  page,
}) => {
  await fakeBridge({
    generate: { fn: syntheticTrace.toString(), arg: { tasks: TASKS, rounds: 1, same: true } },
  })(page);
  await new StageDriver(page).open();
  // Step TASKS + 1: the last worker runs; the others sleep on one deadline, main awaits them.
  await page.getByTestId('scrub').fill(String(TASKS + 1));
  const mirror = page.getByTestId('stage-mirror');
  await expect(mirror).toHaveAttribute('data-step', String(TASKS + 1));
  const groups = page.getByTestId('lane-waiting').locator(':scope > li');
  await expect(groups).toHaveCount(2);
  await settle(page);

  const l = await page.evaluate(() => {
    const layout = (window as unknown as { __loopscopeStage: StageRenderer }).__loopscopeStage.layout!;
    return {
      lanes: layout.lanes,
      places: [...layout.places],
      labels: [...layout.headers, ...layout.overflow],
    };
  });
  type Box = { x: number; y: number; w: number; h?: number };
  const overlap = (a: Box, b: Box) =>
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + (b.h ?? 0) && b.y < a.y + (a.h ?? 0);
  const waiting = l.lanes.find((x) => x.key === 'waiting')!;
  const inLane = (x: number) => x >= waiting.x && x < waiting.x + waiting.w;
  const marks = l.places.filter(([, p]) => inLane(p.x));
  const labels = l.labels.filter((x) => inLane(x.x));
  expect(labels.map((x) => x.text)).toEqual([
    `Timers, by deadline (${TASKS - 1})`,
    'Awaiting: asyncio.gather(*workers) (1)',
    expect.stringMatching(/^\+\d+ more$/),
  ]);
  for (const label of labels) expect(label.h).toBeGreaterThan(0);
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i], labels[j])).toBe(false);
  for (const [, p] of marks) {
    expect(p.y + p.h).toBeLessThanOrEqual(waiting.y + waiting.h);
    for (const label of labels) expect(overlap(p, label)).toBe(false);
  }
  // main (task 1) has its place, and the count adds up with the sleepers drawn.
  expect(marks.some(([id]) => id === 1)).toBe(true);
  expect(Number(labels[2].text.match(/\d+/)![0]) + marks.length - 1).toBe(TASKS - 1);
  await expect(page.getByTestId('stage')).toHaveScreenshot('huge-waiting-lane.png', {
    animations: 'disabled',
  });
});
