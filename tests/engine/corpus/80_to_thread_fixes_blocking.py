# native: real
# A blocking call inside a coroutine stalls every task; the same call through asyncio.to_thread
# runs on a worker thread while the loop keeps ticking.
import asyncio
import time


def fetch(n):
    time.sleep(0.35)  # a blocking call: the thread that makes it waits
    return f"page {n}"


async def ticker(ticks):
    while True:
        await asyncio.sleep(0.1)
        ticks.append(1)


async def main():
    ticks = []
    task = asyncio.create_task(ticker(ticks))
    start = time.monotonic()
    print(fetch(1))
    print(f"blocking call in the coroutine: {len(ticks)} ticks while it ran")
    before = len(ticks)
    print(await asyncio.to_thread(fetch, 2))
    print(f"the same call through to_thread: {len(ticks) - before} ticks while it ran")
    print(f"elapsed {round(time.monotonic() - start, 1)} s")
    task.cancel()


asyncio.run(main())
