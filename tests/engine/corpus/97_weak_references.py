# Weak references see tasks, a future and a result go the moment CPython frees them: a
# WeakValueDictionary of tasks empties as each finished task is let go of, and weakref.finalize
# callbacks run at that moment, not at the next garbage collection. The step a future wakes is
# run from a handle that holds the future until the loop takes its next handle.
# native: real
import asyncio
import weakref


class Result:
    def __init__(self, n):
        self.n = n


async def work(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return Result(n)


async def main():
    loop = asyncio.get_running_loop()
    live = weakref.WeakValueDictionary()
    for n in (1, 2, 3):
        task = asyncio.create_task(work(n), name=f"w{n}")
        live[task.get_name()] = task
        weakref.finalize(task, print, f"  task w{n} finalized")
    del task
    for step in range(5):
        print(f"step {step}: live tasks {sorted(live)}")
        await asyncio.sleep(0)

    fut = loop.create_future()
    weakref.finalize(fut, print, "  future finalized")
    loop.call_soon(fut.set_result, Result(10))
    result = await fut
    weakref.finalize(result, print, "  result finalized")
    print("awaited the future:", result.n)
    del fut
    print("dropped the future")
    del result
    print("dropped the result")

    results = weakref.WeakValueDictionary()
    kept = await asyncio.gather(work(1), work(2))
    for r in kept:
        results[r.n] = r
    print("gathered", sorted(results))
    await asyncio.sleep(0)  # the handle that woke main, and the gather's children, go
    print("a step later", sorted(results))
    del r
    kept.pop()
    print("popped one:", sorted(results))
    del kept
    print("dropped the list:", sorted(results))


asyncio.run(main())
print("program ends")
