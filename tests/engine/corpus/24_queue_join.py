# join() waits until task_done() was called once per item; the idle workers are then cancelled.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def worker(name, queue):
    while True:
        seconds = await queue.get()
        await asyncio.sleep(seconds)
        print(f"{name} did {seconds} at {now()}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for seconds in [0.3, 0.1, 0.2, 0.4, 0.1, 0.2]:
        queue.put_nowait(seconds)
    workers = [asyncio.create_task(worker(f"worker-{i}", queue)) for i in range(3)]
    await queue.join()
    print(f"all items done at {now()}")
    for task in workers:
        task.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in results])


asyncio.run(main())
