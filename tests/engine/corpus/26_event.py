# An Event wakes every waiter at once when set; waiting on a set event does not block.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def waiter(event, name):
    print(f"{name} waits at {now()}")
    await event.wait()
    print(f"{name} woke at {now()}")


async def main():
    event = asyncio.Event()
    waiters = [asyncio.create_task(waiter(event, f"w{i}")) for i in range(3)]
    await asyncio.sleep(1.0)
    print(f"setting at {now()}")
    event.set()
    await asyncio.gather(*waiters)
    await waiter(event, "late")
    event.clear()
    print("is_set after clear:", event.is_set())


asyncio.run(main())
