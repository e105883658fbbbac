# 1,000 tasks with staggered sleeps finish in deadline order, then scheduling order on ties.
import asyncio

finished = []


async def worker(i):
    await asyncio.sleep((i % 7) * 0.1)
    await asyncio.sleep(0.05 * (i % 3))
    finished.append(i)
    return i * i


async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(*(worker(i) for i in range(1000)))
    print("tasks:", len(results), "sum:", sum(results), f"at {loop.time():.3f}")
    print("first ten finished:", finished[:10])
    print("last ten finished:", finished[-10:])
    print("checksum:", sum(position * i for position, i in enumerate(finished)))


asyncio.run(main())
