# cancel() throws CancelledError into the task at its await; it can clean up, or even refuse.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def cleaner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as error:
        print(f"cleaner cancelled at {now()} with args {error.args}")
        await asyncio.sleep(0.1)
        print(f"cleaner cleaned up at {now()}")
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"stubborn ignores cancel at {now()}")
        asyncio.current_task().uncancel()
    await asyncio.sleep(0.2)
    return "stubborn survived"


async def main():
    first = asyncio.create_task(cleaner())
    second = asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    print("cancel returned", first.cancel("stop now"), second.cancel())
    try:
        await first
    except asyncio.CancelledError:
        print(f"first: cancelled={first.cancelled()} at {now()}")
    print(await second, f"at {now()}", "cancelled:", second.cancelled())
    print("cancel a done task:", first.cancel())


asyncio.run(main())
