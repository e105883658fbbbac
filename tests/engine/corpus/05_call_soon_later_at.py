# Plain callbacks from call_soon, call_later and call_at interleave with task steps.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


def callback(label):
    print(f"callback {label} at {now()}")


async def ticker(name):
    for i in range(3):
        print(f"task {name} step {i} at {now()}")
        await asyncio.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, callback, "later 0.5")
    loop.call_at(loop.time() + 0.25, callback, "at +0.25")
    loop.call_soon(callback, "soon 1")
    task = asyncio.create_task(ticker("A"))
    loop.call_soon(callback, "soon 2")
    cancelled = loop.call_later(0.75, callback, "cancelled, never runs")
    cancelled.cancel()
    loop.call_later(1.0, callback, "later 1.0")
    await task
    print(f"main done at {now()}")


asyncio.run(main())
