// The Chromium host: the built engine page in Debian's Chromium with the app's CSP/COOP/COEP,
// driven by the app's own SimService (main/engine-window). Runs, containment of the page and
// its worker, forged messages, and fresh state between runs.
import { expect, test } from '@playwright/test';
import { GATHER, run, startEngine, stdout, type EngineFixture } from './fixture';

let f: EngineFixture;
test.beforeAll(async () => {
  f = await startEngine();
  await f.service.warm();
});
test.afterAll(async () => {
  await f?.close();
});

test('gather a/b/c prints the chapter output on the virtual clock', async () => {
  const { trace } = await run(f.service, GATHER, 'gather.py');
  expect(stdout(trace)).toBe(
    "a started\nb started\nc started\nb finished\na finished\nc finished\nResult: ['a', 'b', 'c']\n",
  );
  expect(trace.end).toMatchObject({ kind: 'ok', exitCode: 0 });
  const tasks = trace.actors.filter((a) => a.kind === 'task').map((a) => a.name);
  expect(tasks).toEqual(expect.arrayContaining(['Task-1', 'Task-2', 'Task-3', 'Task-4']));
  const end = trace.steps.at(-1)!;
  expect(end.time).toBeCloseTo(0.3, 6);
});

test('the page reports itself contained and cross-origin isolated (interrupts in place)', async () => {
  expect(await f.service.containment()).toEqual({ contained: true, problems: [], interrupts: true });
  expect(f.service.contained()).toBe(true);
});
