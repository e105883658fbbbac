# as_completed yields results in the order they finish, not the order they were given.
# Tasks, not bare coroutines: as_completed puts its arguments in a set, and a set of coroutines
# starts them in memory-address order, which no two interpreters need share.
import asyncio


async def job(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    loop = asyncio.get_running_loop()
    jobs = [asyncio.create_task(job(name, s)) for name, s in [("a", 0.3), ("b", 0.1), ("c", 0.2), ("d", 0.1)]]
    for next_done in asyncio.as_completed(jobs):
        name = await next_done
        print(f"{name} at {loop.time():.3f}")


asyncio.run(main())
