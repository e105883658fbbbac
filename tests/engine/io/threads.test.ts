// Threads on the virtual clock (engine/python/world/threads.py): a worker's blocking call spends
// the worker's time, not the loop's; results come back through call_soon_threadsafe at the
// worker's finishing time; waits on workers are 'io' waits named by job and worker; caps end a
// run with a message naming the option, and the next run works.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../engine/python/engine';
import { createTestEngine } from '../../support/engine-snapshot';
import { buildModel } from '../../../renderer/src/player/model';
import { narrate } from '../../../renderer/src/player/narration';
import { out, stalled, stalls, waits } from './helpers';

let engine: Engine;
beforeAll(async () => {
  engine = await createTestEngine();
});

const run = (src: string, options = {}) => engine.run(src, 'main.py', options);

const FETCH = `import asyncio, time

def fetch(n):
    time.sleep(1)
    return n

async def main():
    print(await asyncio.to_thread(fetch, 1), time.monotonic())

asyncio.run(main())
`;

describe('asyncio.to_thread and run_in_executor', () => {
  it('runs the blocking call on a worker: the loop is not stalled and wakes at its end', async () => {
    const t = await run(FETCH);
    expect(out(t)).toBe('1 1.0\n');
    expect(stalls(t)).toEqual([]);
    expect(t.steps.filter((s) => s.kind === 'clock').map((s) => s.time)).toContain(1);
    expect(t.end.kind).toBe('ok');
  });

  it('shows the task waiting on the job and its worker (an io wait)', async () => {
    const t = await run(FETCH);
    expect(waits(t)).toContainEqual({
      kind: 'io',
      expr: 'to_thread(fetch) on worker asyncio_0',
      deadline: 1,
      line: 8,
    });
  });

  it('narrates the wait on a worker and the clock jump to its result', async () => {
    const t = await run(FETCH);
    const model = buildModel(t);
    const sentences = t.steps.map((_, i) => narrate(model, i));
    expect(sentences).toContainEqual(
      expect.stringContaining(
        'awaits to_thread(fetch) on worker asyncio_0 (the job ran when submitted: its output is above) and waits for its result at t=1.000',
      ),
    );
    expect(sentences).toContainEqual(
      "Nothing is ready, so the virtual clock jumps from 0.000 to 1.000, when a worker thread's job finishes: its result is handed to the loop with call_soon_threadsafe.",
    );
  });

  it('names run_in_executor waits by the pool worker that runs them', async () => {
    const t = await run(`import asyncio, time
from concurrent.futures import ThreadPoolExecutor

def job(n):
    time.sleep(n)
    return n

async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pool") as pool:
        a = loop.run_in_executor(pool, job, 0.5)
        b = loop.run_in_executor(pool, job, 0.25)
        print(await a, await b, time.monotonic())

asyncio.run(main())
`);
    // One worker: the second job starts when the first ends.
    expect(out(t)).toBe('0.5 0.25 0.75\n');
    expect(waits(t).map((w) => w.expr)).toEqual(
      expect.arrayContaining(['run_in_executor(job) on worker pool_0']),
    );
  });

  it('uses CPython defaults on a fixed virtual machine: 4 CPUs, max_workers 8, per-run names', async () => {
    const src = `import os, threading
from concurrent.futures import ThreadPoolExecutor
print(os.cpu_count(), ThreadPoolExecutor()._max_workers)
for _ in range(2):
    with ThreadPoolExecutor() as ex:
        print(ex.submit(lambda: threading.current_thread().name).result())
`;
    const first = await run(src);
    expect(out(first)).toBe('4 8\nThreadPoolExecutor-1_0\nThreadPoolExecutor-2_0\n');
    expect(out(await run(src))).toBe(out(first));
  });

  it('shuts the default executor down at the end of asyncio.run', async () => {
    const t = await run(`import asyncio, threading

async def main():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, print, "hi")
    return loop

loop = asyncio.run(main())
print(loop._executor_shutdown_called, threading.active_count())
`);
    expect(out(t)).toBe('hi\nTrue 1\n');
    expect(t.end.kind).toBe('ok');
  });

  it('accepts set_default_executor with a ThreadPoolExecutor only', async () => {
    const t = await run(`import asyncio, threading
from concurrent.futures import ThreadPoolExecutor

async def main():
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(thread_name_prefix="mine"))
    print(await asyncio.to_thread(lambda: threading.current_thread().name))
    try:
        loop.set_default_executor(object())
    except TypeError as e:
        print(e)

asyncio.run(main())
`);
    expect(out(t)).toBe('mine_0\nexecutor must be ThreadPoolExecutor instance\n');
  });
});

describe('threading.Thread', () => {
  it('join() on the loop thread blocks it until the thread ends (a visible stall)', async () => {
    const t = await run(`import asyncio, threading, time

async def main():
    th = threading.Thread(target=time.sleep, args=(2,))
    th.start()
    print(th.name, th.is_alive(), time.monotonic())
    th.join()
    print(th.is_alive(), time.monotonic())

asyncio.run(main())
`);
    expect(out(t)).toBe('Thread-1 (sleep) True 0.0\nFalse 2.0\n');
    expect(stalls(t)).toEqual([[0, 2]]);
  });

  it('reports idents and current_thread() per thread, main_thread() and active_count()', async () => {
    const t = await run(`import threading
seen = []
def f():
    seen.append((threading.current_thread().name, threading.get_ident() != threading.main_thread().ident))
th = threading.Thread(target=f, name="w", daemon=True)
th.start(); th.join()
print(seen, th.daemon, th.ident is not None, threading.active_count())
`);
    expect(out(t)).toBe("[('w', True)] True True 1\n");
  });

  it('ends the run when a thread would wait forever, and the next run works', async () => {
    const t = await run(`import queue, threading
q = queue.Queue()
def consumer():
    print("got", q.get())
threading.Thread(target=consumer).start()
q.put(1)
`);
    expect(t.end.kind).toBe('deadlock');
    expect(t.end.message).toContain('Thread-1 (consumer) waits forever');
    expect(out(await run(FETCH))).toBe('1 1.0\n');
  });

  it('ends the run when a thread acquires a lock another holds, instead of hanging', async () => {
    const t = await run(`import threading
lock = threading.Lock()
counter = 0
def add():
    global counter
    with lock:
        counter += 1
threads = [threading.Thread(target=add) for _ in range(3)]
for th in threads:
    th.start()
print(counter, lock.locked(), lock.acquire(timeout=0.25), lock.acquire(blocking=False))
with lock.__class__() as other:
    pass
threading.Thread(target=add, name="late").start()
`);
    expect(out(t)).toBe('3 False True False\n');
    expect(t.end.kind).toBe('deadlock');
    expect(t.end.message).toContain('late waits forever in Lock.acquire()');
  });

  it('times out a timed wait in a thread on its own clock', async () => {
    const t = await run(`import queue, threading, time
q = queue.Queue()
def consumer():
    try:
        q.get(timeout=0.5)
    except queue.Empty:
        print("empty after", time.monotonic())
threading.Thread(target=consumer).start()
print("main at", time.monotonic())
`);
    expect(out(t)).toBe('empty after 0.5\nmain at 0.0\n');
  });
});

describe('caps and what is not simulated', () => {
  it('ends a program that starts 10,000 threads with a cap naming the option; the next run works', async () => {
    const t = await run(`import threading
for i in range(10_000):
    threading.Thread(target=lambda: None).start()
print("unreachable")
`);
    expect(t.end.kind).toBe('capThreads');
    expect(t.end.option).toBe('--max-threads');
    expect(t.end.message).toContain('--max-threads');
    expect(out(t)).toBe('');
    expect(out(await run(FETCH))).toBe('1 1.0\n');
  });

  it('raises the thread cap with maxThreads', async () => {
    const t = await run(
      `import threading
for i in range(20):
    threading.Thread(target=lambda: None).start()
`,
      { maxThreads: 10 },
    );
    expect(t.end.kind).toBe('capThreads');
    expect(t.end.message).toContain('more than 10 threads');
  });

  it('ends a thread that sleeps past the time cap', async () => {
    const t = await run(`import threading, time
def beat():
    while True:
        time.sleep(1)
threading.Thread(target=beat, daemon=True).start()
`);
    expect(t.end.kind).toBe('capTime');
    expect(t.end.option).toBe('--max-time');
  });

  it('says why a thread cannot run an event loop of its own', async () => {
    const t = await run(`import asyncio, threading
async def hello():
    return 1
def body():
    try:
        asyncio.run(hello())
    except NotImplementedError as e:
        print(str(e).split(":")[0])
threading.Thread(target=body).start()
`);
    expect(out(t)).toBe('an event loop in a thread is not available in Loopscope\n');
  });

  it('keeps ProcessPoolExecutor a clear NotImplementedError', async () => {
    const t = await run(`from concurrent.futures import ProcessPoolExecutor
try:
    ProcessPoolExecutor()
except NotImplementedError as e:
    print(e)
`);
    expect(out(t)).toContain('process pools are not available in Loopscope');
  });

  it('does not stall the loop for a worker that sleeps, only for one joined', async () => {
    const t = await run(`import asyncio, time
from concurrent.futures import ThreadPoolExecutor

async def main():
    pool = ThreadPoolExecutor(2)
    futs = [asyncio.wrap_future(pool.submit(time.sleep, 1)) for _ in range(2)]
    await asyncio.gather(*futs)
    print(time.monotonic())
    pool.submit(time.sleep, 1)
    pool.shutdown(wait=True)
    print(time.monotonic())

asyncio.run(main())
`);
    expect(out(t)).toBe('1.0\n2.0\n');
    expect(stalled(t)).toBe(1);
  });
});

describe('locks and queues a thread can wait on', () => {
  it('keeps RLock, _thread locks and SimpleQueue on virtual time, as CPython orders them', async () => {
    // What native python3 prints for the same program (a lock the main thread holds is not the
    // worker's; timed waits spend their timeout).
    const t = await run(`import threading, _thread, queue, time
lock = threading.RLock()
lock.acquire()
got = []
t = threading.Thread(target=lambda: got.append(lock.acquire(timeout=0.2)))
t.start(); t.join()
print(got)
lock.release()
l2 = _thread.allocate_lock(); l2.acquire()
t0 = time.monotonic(); print(l2.acquire(timeout=0.3), round(time.monotonic() - t0, 1))
q = queue.SimpleQueue()
t0 = time.monotonic()
try:
    q.get(timeout=0.5)
except queue.Empty:
    print("empty", round(time.monotonic() - t0, 1))
c = threading.Condition()
with c:
    print(c.wait(timeout=0.1))
`);
    expect(out(t)).toBe('[False]\nFalse 0.3\nempty 0.5\nFalse\n');
  });

  it("refuses RLock.acquire's and Lock.acquire's impossible arguments as CPython does", async () => {
    const t = await run(`import threading
for name, lock in (("Lock", threading.Lock()), ("RLock", threading.RLock())):
    for args in ((False, 1), (True, -2)):
        try:
            lock.acquire(*args)
        except ValueError as e:
            print(name, e)
`);
    expect(out(t)).toBe(
      "Lock can't specify a timeout for a non-blocking call\nLock timeout value must be a non-negative number\n" +
        "RLock can't specify a timeout for a non-blocking call\nRLock timeout value must be a non-negative number\n",
    );
  });

  it('ends a SimpleQueue.get() nothing will ever fill as a deadlock saying why', async () => {
    const t = await run('import queue\nqueue.SimpleQueue().get()\n');
    expect(t.end.kind).toBe('deadlock');
    expect(t.end.message).toContain('waits forever');
  });
});
