// Warnings in the trace (engine/python/loop_warnings.py, warning-ops.ts), each kind from a run of a
// small program: in the step where CPython reports it, next to CPython's own text, which stays as
// CPython prints it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../engine/python/engine';
import type { Trace, TraceEvent } from '../../../common/trace';
import { cpythonLabel } from '../../../common/taskNames';
import { createTestEngine } from '../../support/engine-snapshot';
import { warningsWithSteps } from '../../../main/cli/warnings';

let engine: Engine;
beforeAll(async () => {
  engine = await createTestEngine();
});

const run = (src: string) => engine.run(src, 'main.py');
const actorId = (t: Trace, name: string) => t.actors.find((a) => a.name === name)!.id;
const stderr = (t: Trace) =>
  t.events.map((e) => (e.t === 'output' && e.stream === 'stderr' ? e.text : '')).join('');

/** The events of step `i`. */
function stepEvents(t: Trace, i: number): TraceEvent[] {
  const end = i + 1 < t.steps.length ? t.steps[i + 1].firstEvent : t.events.length;
  return t.events.slice(t.steps[i].firstEvent, end);
}

/** Each warning without its message, with its step. */
const found = (t: Trace) =>
  warningsWithSteps(t).map(({ step, warning: { message: _, t: __, ...w } }) => ({ step, ...w }));

/** The index of the step in which `actor` ran with `line` among its lines. */
const stepOf = (t: Trace, actor: number, line: number) =>
  t.steps.findIndex(
    (s, i) =>
      s.actor === actor && stepEvents(t, i).some((e) => e.t === 'afterTaskStep' && e.lines.includes(line)),
  );

describe('exceptionNeverRetrieved', () => {
  const FAILS = `import asyncio

async def fails():
    raise ValueError("nobody listens")

async def main():
    asyncio.create_task(fails(), name="doomed")
    await asyncio.sleep(0)
    print("main again")

asyncio.run(main())
`;

  it("is in the step that let go of the task, right before CPython's report, which stays as CPython prints it", async () => {
    const t = await run(FAILS);
    const doomed = actorId(t, 'doomed');
    // CPython's loop drops the failed task's handle when it takes the next one: main's wakeup.
    const step = stepOf(t, doomed, 4) + 1;
    expect(t.steps[step].actor).toBe(actorId(t, 'Task-1'));
    expect(found(t)).toEqual([{ step, kind: 'exceptionNeverRetrieved', actor: doomed, line: 4 }]);
    const events = stepEvents(t, step).map((e) => e.t);
    expect(events.indexOf('warning') + 1).toBe(events.indexOf('output'));
    expect(warningsWithSteps(t)[0].warning.message).toBe(
      "doomed raised ValueError('nobody listens') and nobody retrieved it (await the task, or call result() or exception())",
    );
    expect(stderr(t)).toBe(
      'Task exception was never retrieved\n' +
        "future: <Task finished name='doomed' coro=<fails() done, defined at main.py:3> exception=ValueError('nobody listens')>\n" +
        'Traceback (most recent call last):\n' +
        '  File "main.py", line 4, in fails\n' +
        '    raise ValueError("nobody listens")\n' +
        'ValueError: nobody listens\n',
    );
  });

  it('names a task asyncio named by its coroutine too, and a future by nothing', async () => {
    const t = await run(`import asyncio

async def fails():
    raise KeyError("k")

async def main():
    asyncio.create_task(fails())
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(OSError("disk"))
    del fut
    await asyncio.sleep(0)

asyncio.run(main())
`);
    expect(warningsWithSteps(t).map(({ warning: w }) => [w.actor, w.message])).toEqual([
      [undefined, "a future was set to OSError('disk') and nobody retrieved it"],
      [
        actorId(t, 'Task-2'),
        "Task-2 (fails) raised KeyError('k') and nobody retrieved it (await the task, or call result() or exception())",
      ],
    ]);
  });

  it('is not written for an exception that was retrieved, awaited or caught', async () => {
    const t = await run(`import asyncio

async def fails():
    raise ValueError("x")

async def main():
    a = asyncio.create_task(fails())
    await asyncio.sleep(0)
    a.exception()
    await asyncio.gather(fails(), return_exceptions=True)
    try:
        await asyncio.create_task(fails())
    except ValueError:
        pass

asyncio.run(main())
`);
    expect(found(t)).toEqual([]);
    expect(stderr(t)).toBe('');
  });
});

describe('pendingCollected', () => {
  it('is in the step whose gc.collect() destroyed the pending task, at the line it waited on', async () => {
    const t = await run(`import asyncio, gc

async def waits():
    await asyncio.get_running_loop().create_future()

async def main():
    asyncio.create_task(waits(), name="lost")
    await asyncio.sleep(0)
    gc.collect()
    print("collected")

asyncio.run(main())
`);
    const step = stepOf(t, actorId(t, 'Task-1'), 9);
    expect(found(t)).toEqual([{ step, kind: 'pendingCollected', actor: actorId(t, 'lost'), line: 4 }]);
    expect(stderr(t)).toContain('Task was destroyed but it is pending!\n');
  });
});

describe('task labels', () => {
  // A task is named in two places: loop_warnings.py's _label words Python's reports of a live task,
  // common/taskNames.ts's cpythonLabel words the host's (a blocked loop, a late timer) from the
  // trace's actor. One rule in two languages: the same tasks must come out with the same names.
  it("loop_warnings.py's _label names each task as cpythonLabel names its actor", async () => {
    const t = await run(`import asyncio, gc

async def fails():
    raise KeyError("k")

async def waits():
    await asyncio.get_running_loop().create_future()

async def main():
    async def inner():
        raise ValueError("v")
    asyncio.create_task(fails())
    asyncio.create_task(fails(), name="doomed")
    asyncio.create_task(inner())
    asyncio.create_task(fails(), name="Task-99")
    asyncio.create_task(waits())
    asyncio.create_task(waits(), name="lost")
    await asyncio.sleep(0)
    gc.collect()

asyncio.run(main())
`);
    const named = warningsWithSteps(t).map(({ warning: w }) => {
      const actor = t.actors.find((a) => a.id === w.actor)!;
      return [cpythonLabel(actor), w.message.replace(/ (raised|was destroyed) [^]*$/, '')];
    });
    expect(named.map(([label]) => label).sort()).toEqual(
      [
        'Task-2 (fails)',
        'doomed',
        'Task-3 (main.<locals>.inner)',
        'Task-99 (fails)',
        'Task-4 (waits)',
        'lost',
      ].sort(),
    );
    for (const [label, inMessage] of named) expect(inMessage).toBe(label);
  });
});

describe('neverAwaited', () => {
  it('names the running task and the line that dropped the coroutine, once per coroutine', async () => {
    const t = await run(`import asyncio

async def greet():
    pass

async def main():
    for _ in range(3):
        greet()
    c = greet()
    del c

greet()
asyncio.run(main())
`);
    const main = actorId(t, 'Task-1');
    const step = stepOf(t, main, 8);
    expect(found(t)).toEqual([
      { step: 0, kind: 'neverAwaited', line: 12 },
      { step, kind: 'neverAwaited', actor: main, line: 8 },
      { step, kind: 'neverAwaited', actor: main, line: 8 },
      { step, kind: 'neverAwaited', actor: main, line: 8 },
      { step, kind: 'neverAwaited', actor: main, line: 10 },
    ]);
    // CPython's default filter prints a line's warning once; the events count every coroutine.
    expect(stderr(t)).toBe(
      "main.py:12: RuntimeWarning: coroutine 'greet' was never awaited\n  greet()\n" +
        'RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n' +
        "main.py:8: RuntimeWarning: coroutine 'greet' was never awaited\n  greet()\n" +
        'RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n' +
        "main.py:10: RuntimeWarning: coroutine 'greet' was never awaited\n  del c\n" +
        'RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n',
    );
  });
});

describe('blockedLoop', () => {
  const BLOCKS = `import asyncio, time

async def ticker():
    await asyncio.sleep(0.1)

async def main():
    asyncio.create_task(ticker(), name="ticker")
    await asyncio.sleep(0)
    time.sleep(3)
    time.sleep(1)

time.sleep(0.5)
asyncio.run(main())
`;

  it('ends the step that blocked, with its longest call, its line and each timer made late', async () => {
    const t = await run(BLOCKS);
    const main = actorId(t, 'Task-1');
    const timer = t.actors.find((a) => a.serves === actorId(t, 'ticker'))!.id;
    const step = stepOf(t, main, 9);
    expect(warningsWithSteps(t)).toEqual([
      {
        step,
        warning: {
          t: 'warning',
          kind: 'blockedLoop',
          message:
            'Task-1 (main) blocked the loop for 4.000 s (time.sleep(3) at line 9, the longest of 2 blocking calls); the timer of ticker is 3.900 s late',
          actor: main,
          line: 9,
          overdue: [{ actor: timer, by: 3.9 }],
        },
      },
    ]);
    const events = stepEvents(t, step).map((e) => e.t);
    expect(events.indexOf('warning')).toBe(events.indexOf('afterTaskStep') + 1);
  });

  it('is not written where no loop runs: a program without asyncio, or the top level', async () => {
    const t = await run('import time\ntime.sleep(2)\nprint("done")\n');
    expect(t.events.some((e) => e.t === 'clockAdvanced')).toBe(true);
    expect(found(t)).toEqual([]);
  });

  it('names a blocking call other than time.sleep by the call on its line', async () => {
    const t = await run(`import asyncio

async def main():
    with open("f.txt", "w") as f:
        f.write("x" * 10)

asyncio.run(main())
`);
    const blocked = warningsWithSteps(t).map(({ warning: w }) => w.message);
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked[0]).toMatch(
      /^Task-1 \(main\) blocked the loop for \d\.\d{3} s \(open\("f.txt", "w"\) at line 4/,
    );
  });

  it('marks lesson 3: the report task blocks the loop and the heartbeat tick comes 1.25 s late', async () => {
    const source = readFileSync(new URL('../../../lessons/03-blocking-call.py', import.meta.url), 'utf8');
    const t = await engine.run(source, '03-blocking-call.py');
    const heartbeatTimer = t.actors.find((a) => a.serves === actorId(t, 'Task-2'))!.id;
    expect(warningsWithSteps(t).map(({ warning: w }) => w)).toEqual([
      {
        t: 'warning',
        kind: 'blockedLoop',
        message:
          'Task-3 (report) blocked the loop for 1.500 s (time.sleep(1.5) at line 37); the timer of Task-2 (heartbeat) is 1.250 s late',
        actor: actorId(t, 'Task-3'),
        line: 37,
        overdue: [{ actor: heartbeatTimer, by: 1.25 }],
      },
    ]);
  });
});

describe("asyncio's reports stay CPython's", () => {
  it('a failed callback is reported with its handle named Handle, as CPython names it', async () => {
    const t = await run(`import asyncio

async def main():
    asyncio.get_running_loop().call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)

asyncio.run(main())
`);
    expect(stderr(t)).toContain(
      'Exception in callback main.<locals>.<lambda>() at main.py:4\nhandle: <Handle main.<locals>.<lambda>() at main.py:4>\n',
    );
  });
});
