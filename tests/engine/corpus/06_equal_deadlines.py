# Twelve tasks sleeping the same time wake in the order they went to sleep, as in real CPython.
import asyncio

woken = []


async def sleeper(name):
    await asyncio.sleep(1)
    woken.append(name)


async def main():
    loop = asyncio.get_running_loop()
    names = [f"t{i}" for i in range(12)]
    await asyncio.gather(*(sleeper(name) for name in names))
    print(" ".join(woken), f"at {loop.time():.3f}")

    woken.clear()
    tasks = [asyncio.create_task(sleeper(name)) for name in reversed(names)]
    await asyncio.gather(*tasks)
    print(" ".join(woken), f"at {loop.time():.3f}")


asyncio.run(main())
