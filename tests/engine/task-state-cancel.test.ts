// A task cancelled twice before it is done has two taskCancelled events: `sim --at`
// (common/taskState.ts) and the inspector (renderer/src/player/taskIndex.ts) both name the first
// canceller, the cancel that took effect.

import { expect, it } from 'vitest';
import { taskStateAt } from '../../common/taskState.ts';
import { indexTasks } from '../../renderer/src/player/taskIndex.ts';
import { createTestEngine } from '../support/engine-snapshot.ts';

const SOURCE = `import asyncio

async def victim():
    await asyncio.sleep(1)

async def canceller(task):
    task.cancel()

async def main():
    task = asyncio.create_task(victim(), name="victim")
    await asyncio.sleep(0)
    await asyncio.gather(asyncio.create_task(canceller(task), name="first"),
                         asyncio.create_task(canceller(task), name="second"))
    try:
        await task
    except asyncio.CancelledError:
        print("victim cancelled")

asyncio.run(main())
`;

it('a task cancelled twice shows its first canceller', async () => {
  const engine = await createTestEngine();
  const trace = await engine.run(SOURCE, 'cancel-twice.py');
  const id = (name: string) => trace.actors.find((a) => a.name === name)!.id;
  const cancels = trace.events.filter((e) => e.t === 'taskCancelled' && e.actor === id('victim'));
  expect(cancels.map((e) => (e as { by?: number }).by)).toEqual([id('first'), id('second')]);
  const end = trace.steps.length - 1;
  expect(taskStateAt(trace, end).tasks.get(id('victim'))?.cancelledBy).toBe(id('first'));
  expect(indexTasks(trace).cancels.get(id('victim'))?.by).toBe(id('first'));
}, 120_000);
