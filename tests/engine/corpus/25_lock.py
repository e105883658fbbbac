# A Lock lets one task at a time into the critical section; the others queue up in arrival order.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def use(lock, name):
    print(f"{name} wants the lock at {now()}, locked={lock.locked()}")
    async with lock:
        print(f"{name} holds the lock at {now()}")
        await asyncio.sleep(0.2)
    print(f"{name} released at {now()}")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(use(lock, f"user-{i}") for i in range(4)))
    await lock.acquire()
    print("acquired directly:", lock.locked())
    lock.release()
    print("released:", lock.locked())


asyncio.run(main())
