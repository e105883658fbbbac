# Equal deadlines reached from different clock readings wake in the order they were scheduled.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def sleeper(name, first, second):
    await asyncio.sleep(first)
    await asyncio.sleep(second)
    print(f"{name} wakes at {now()}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(1.0, print, "callback for 1.0 armed first")
    await asyncio.gather(
        sleeper("late-armed", 0.5, 0.5),
        sleeper("early-armed", 0, 1.0),
        sleeper("quarter", 0.25, 0.75),
        sleeper("zero-then-one", 0, 1.0),
    )
    loop.call_later(0.5, print, "callback armed after the sleeps")
    await asyncio.sleep(0.5)
    print(f"end at {now()}")


asyncio.run(main())
