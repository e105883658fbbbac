// The engine end to end on Pyodide: one engine for the file (start-up is about 3 s), many runs.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../engine/python/engine';
import { createTestEngine } from '../../support/engine-snapshot';
import type { Trace } from '../../../common/trace';

let engine: Engine;
beforeAll(async () => {
  engine = await createTestEngine();
});

const out = (t: Trace, stream: 'stdout' | 'stderr' = 'stdout'): string =>
  t.events.map((e) => (e.t === 'output' && e.stream === stream ? e.text : '')).join('');

const run = (src: string, options = {}) => engine.run(src, 'main.py', options);

const GATHER = `import asyncio

async def work(name, delay):
    print(f"{name} started")
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name

async def main():
    results = await asyncio.gather(work("a", 0.2), work("b", 0.1), work("c", 0.3))
    print(f"Result: {results}")

asyncio.run(main())
`;

describe('running programs', () => {
  it('prints the gather example in the order its sleeps end', async () => {
    const t = await run(GATHER);
    expect(out(t)).toBe(
      "a started\nb started\nc started\nb finished\na finished\nc finished\nResult: ['a', 'b', 'c']\n",
    );
    expect(t.end).toEqual({ kind: 'ok', message: '', exitCode: 0 });
  });

  it('records what each task waits on with the awaited expression and the deadline', async () => {
    const t = await run(GATHER);
    const waits = t.events.flatMap((e) => (e.t === 'taskWaiting' ? [e.reason] : []));
    expect(waits.slice(0, 2)).toEqual([
      {
        kind: 'task',
        expr: 'asyncio.gather(work("a", 0.2), work("b", 0.1), work("c", 0.3))',
        targets: [2, 3, 4],
        line: 10,
      },
      { kind: 'timer', expr: 'asyncio.sleep(delay)', deadline: 0.2, line: 5 },
    ]);
  });

  it('makes clock jumps steps of their own', async () => {
    const t = await run(GATHER);
    expect(t.steps.filter((s) => s.kind === 'clock').map((s) => s.time)).toEqual([0.1, 0.2, 0.3]);
  });

  it('gives a byte-identical trace for the same source and options', async () => {
    const a = JSON.stringify(await run(GATHER, { seed: 3 }));
    const b = JSON.stringify(await run(GATHER, { seed: 3 }));
    expect(a).toBe(b);
  });

  it('starts every run with fresh globals and task names from Task-1', async () => {
    await run('import asyncio\nx = 1\nasync def m(): pass\nasyncio.run(m())\n');
    const t = await run(
      'import asyncio\nprint("x" in globals())\nasync def m():\n    print(asyncio.current_task().get_name())\nasyncio.run(m())\n',
    );
    expect(out(t)).toBe('False\nTask-1\n');
  });

  it('wakes timers with equal deadlines in the order they were armed', async () => {
    const t = await run(`import asyncio
async def t(i):
    await asyncio.sleep(1)
    print(i, end=" ")
async def main():
    await asyncio.gather(*(t(i) for i in range(12)))
asyncio.run(main())
`);
    expect(out(t)).toBe('0 1 2 3 4 5 6 7 8 9 10 11 ');
  });

  it('lets time.sleep block the loop and move the clock', async () => {
    const t = await run(`import asyncio, time
async def ticker():
    for i in range(3):
        print("tick", i, asyncio.get_running_loop().time())
        await asyncio.sleep(0.5)
async def blocker():
    await asyncio.sleep(0.1)
    time.sleep(2)
async def main():
    await asyncio.gather(ticker(), blocker())
asyncio.run(main())
`);
    expect(out(t)).toBe('tick 0 0.0\ntick 1 2.1\ntick 2 2.6\n');
  });

  it('reads time.time, time.monotonic and time.perf_counter from the virtual clock', async () => {
    const t = await run(
      'import time\ntime.sleep(1.5)\nprint(time.time(), time.monotonic(), time.perf_counter())\n',
    );
    expect(out(t)).toBe('1.5 1.5 1.5\n');
  });

  it('runs a program without asyncio as one main task', async () => {
    const t = await run('import time\nfor s in (3, 1, 1):\n    time.sleep(s)\nprint(time.time())\n');
    expect(out(t)).toBe('5.0\n');
    expect(t.actors).toEqual([{ id: 1, kind: 'task', name: 'main', coro: '<module>' }]);
    expect(t.steps.filter((s) => s.kind === 'run').map((s) => s.time)).toEqual([0, 3, 4, 5]);
  });

  it('gives the program a real text stream as sys.stdout, with .buffer', async () => {
    const t = await run(
      'import sys\nn = sys.stdout.write("a\\n")\nsys.stdout.buffer.write("é\\n".encode())\nprint(n, sys.stdout.encoding)\n',
    );
    expect(out(t)).toBe('a\né\n2 utf-8\n');
  });

  it('repeats a run byte for byte even when it iterates a set of tasks', async () => {
    const src = `import asyncio
async def main():
    for c in asyncio.as_completed([asyncio.sleep(0.2, "b"), asyncio.sleep(0.1, "a"), asyncio.sleep(0.1, "c")]):
        print(await c)
    done, _ = await asyncio.wait({asyncio.ensure_future(asyncio.sleep(0.1, i)) for i in range(5)})
    print(sorted(t.result() for t in done))
asyncio.run(main())
`;
    const a = JSON.stringify(await run(src));
    await run(GATHER);
    expect(JSON.stringify(await run(src))).toBe(a);
  });

  it('seeds random from options.seed', async () => {
    const src = 'import random\nprint(random.random())\n';
    const a = out(await run(src, { seed: 1 }));
    expect(out(await run(src, { seed: 1 }))).toBe(a);
    expect(out(await run(src, { seed: 2 }))).not.toBe(a);
  });

  it('gives get_event_loop, new_event_loop, run_forever/stop and Runner the virtual loop', async () => {
    const t = await run(`import asyncio
async def hello(n):
    await asyncio.sleep(0.5)
    return n
loop = asyncio.get_event_loop()
print(loop.run_until_complete(hello(1)), loop.time())
loop2 = asyncio.new_event_loop()
loop2.call_later(1.5, loop2.stop)
loop2.run_forever()
print(loop2.time())
with asyncio.Runner() as r:
    print(r.run(hello(3)), r.get_loop().time())
`);
    expect(out(t)).toBe('1 0.5\n2.0\n3 2.5\n');
  });

  it('raises NotImplementedError saying why for pipes, subprocesses and process pools', async () => {
    const t = await run(`import asyncio, concurrent.futures
async def main():
    loop = asyncio.get_running_loop()
    for coro in (loop.connect_read_pipe(asyncio.Protocol, None), asyncio.create_subprocess_exec("ls")):
        try:
            await coro
        except NotImplementedError as e:
            print(str(e).split(":")[0])
    try:
        concurrent.futures.ProcessPoolExecutor()
    except NotImplementedError as e:
        print(str(e).split(":")[0])
asyncio.run(main())
`);
    expect(out(t)).toBe(
      'pipes to other processes are not available in Loopscope\nsubprocesses are not available in Loopscope\nprocess pools are not available in Loopscope\n',
    );
  });
});

describe('faults are results', () => {
  it('ends a syntax error with its line and column', async () => {
    const t = await run('import asyncio\nasync def main(:\n    pass\n');
    expect(t.end).toEqual({
      kind: 'syntaxError',
      message: 'SyntaxError: invalid syntax (line 2, column 16)',
      exitCode: 1,
      line: 2,
      column: 16,
    });
    expect(out(t, 'stderr')).toContain('SyntaxError: invalid syntax');
  });

  it("prints an uncaught exception's traceback with the user's lines only", async () => {
    const t = await run(`import asyncio
async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("boom")
async def main():
    await bad()
asyncio.run(main())
`);
    expect(t.end.kind).toBe('exception');
    expect(t.end.exitCode).toBe(1);
    const tb = out(t, 'stderr');
    expect(tb.match(/File "([^"]+)"/g)).toEqual(['File "main.py"', 'File "main.py"', 'File "main.py"']);
    expect(tb.trim().split('\n').pop()).toBe('ValueError: boom');
  });

  it('reports "Task exception was never retrieved" on stderr as CPython does', async () => {
    const t = await run(`import asyncio
async def bad():
    raise RuntimeError("nobody looks")
async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    del t
    print("main done")
asyncio.run(main())
`);
    expect(out(t)).toBe('main done\n');
    expect(out(t, 'stderr')).toBe(`Task exception was never retrieved
future: <Task finished name='Task-2' coro=<bad() done, defined at main.py:2> exception=RuntimeError('nobody looks')>
Traceback (most recent call last):
  File "main.py", line 3, in bad
    raise RuntimeError("nobody looks")
RuntimeError: nobody looks
`);
    expect(t.end.kind).toBe('ok');
  });

  it('ends a deadlock naming each task and what it waits on', async () => {
    const t = await run(`import asyncio
async def worker(q):
    await q.get()
async def main():
    q = asyncio.Queue()
    await asyncio.gather(worker(q), worker(q))
asyncio.run(main())
`);
    expect(t.end).toEqual({
      kind: 'deadlock',
      message:
        'deadlock: Task-1 waits on asyncio.gather(worker(q), worker(q)) (line 6); Task-2 waits on q.get() (line 3); Task-3 waits on q.get() (line 3)',
      exitCode: 1,
    });
  });

  it.each([
    [
      'capSteps',
      { maxSteps: 50 },
      '--max-steps',
      'import asyncio\nasync def m():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(m())\n',
    ],
    [
      'capTime',
      { maxTime: 10 },
      '--max-time',
      'import asyncio\nasync def m():\n    while True:\n        await asyncio.sleep(1)\nasyncio.run(m())\n',
    ],
    ['capOutput', { maxOutputBytes: 100 }, '--max-output', 'while True:\n    print("spam")\n'],
    [
      'capTasks',
      { maxTasks: 10 },
      '--max-tasks',
      'import asyncio\nasync def m():\n    while True:\n        asyncio.create_task(asyncio.sleep(1))\n        await asyncio.sleep(0)\nasyncio.run(m())\n',
    ],
  ])('ends a run at the %s cap naming the option that raises it', async (kind, options, option, src) => {
    const t = await run(src, options);
    expect({ kind: t.end.kind, option: t.end.option, exitCode: t.end.exitCode }).toEqual({
      kind,
      option,
      exitCode: 124,
    });
    expect(t.end.message).toContain(option);
  });

  it('stops a runaway step (a loop without await) with its line, and stays usable', async () => {
    const t = await run(
      'import asyncio\nasync def spin():\n    while True:\n        pass\nasyncio.run(spin())\n',
      { maxStepLines: 100_000 },
    );
    expect({ kind: t.end.kind, line: t.end.line, option: t.end.option }).toEqual({
      kind: 'runaway',
      line: 3,
      option: '--max-step-lines',
    });
    expect(out(await run(GATHER))).toContain('Result:');
  });

  it('finalizes what the program left behind at exit, with its globals still there', async () => {
    const t = await run(`import asyncio
async def background():
    try:
        await asyncio.sleep(10)
    finally:
        print("finally at exit")
async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.1)
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("last line")
`);
    expect(out(t)).toBe('last line\nfinally at exit\n');
    expect(out(t, 'stderr')).toContain('Task was destroyed but it is pending!');
  });

  it('keeps the engine usable after a run ends at a cap', async () => {
    await run('while True:\n    print("spam")\n', { maxOutputBytes: 10 });
    expect(out(await run(GATHER))).toContain('Result:');
  });
});
