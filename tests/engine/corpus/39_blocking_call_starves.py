# A blocking time.sleep holds the loop: the heartbeat misses its beats until the call returns.
import asyncio
import time


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def heartbeat():
    for _ in range(6):
        print(f"beat at {now()}")
        await asyncio.sleep(0.5)


async def blocker():
    await asyncio.sleep(1.0)
    print(f"blocking for 2 s at {now()}")
    time.sleep(2)
    print(f"unblocked at {now()}")


async def main():
    await asyncio.gather(heartbeat(), blocker())


asyncio.run(main())
