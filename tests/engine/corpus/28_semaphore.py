# A Semaphore(2) lets two tasks in at once; the others wait for a release.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def download(sem, name, seconds):
    async with sem:
        print(f"{name} starts at {now()}")
        await asyncio.sleep(seconds)
        print(f"{name} ends at {now()}")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(download(sem, f"d{i}", s) for i, s in enumerate([0.3, 0.1, 0.2, 0.2, 0.1])))
    print("locked after:", sem.locked())


asyncio.run(main())
