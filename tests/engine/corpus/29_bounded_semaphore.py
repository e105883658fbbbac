# A BoundedSemaphore works like a Semaphore but refuses to be released more often than acquired.
import asyncio


async def job(sem, name):
    async with sem:
        print(f"{name} in at {asyncio.get_running_loop().time():.3f}")
        await asyncio.sleep(0.5)


async def main():
    sem = asyncio.BoundedSemaphore(1)
    await asyncio.gather(job(sem, "a"), job(sem, "b"), job(sem, "c"))
    try:
        sem.release()
    except ValueError as error:
        print("extra release:", error)


asyncio.run(main())
