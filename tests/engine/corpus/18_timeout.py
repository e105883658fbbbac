# asyncio.timeout cancels the block when the deadline passes; the deadline can be moved.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1.0):
            await asyncio.sleep(0.4)
            print(f"first step done at {now()}")
            await asyncio.sleep(2.0)
            print("never printed")
    except TimeoutError:
        print(f"timed out at {now()}")

    async with asyncio.timeout(1.0) as scope:
        await asyncio.sleep(0.5)
        scope.reschedule(loop.time() + 2.0)
        print(f"deadline moved to {scope.when():.3f} at {now()}")
        await asyncio.sleep(1.5)
    print(f"finished in time at {now()}, expired: {scope.expired()}")

    try:
        async with asyncio.timeout_at(loop.time() + 0.25):
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"timeout_at fired at {now()}")


asyncio.run(main())
