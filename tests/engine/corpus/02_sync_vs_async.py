# Waits of 3 s, 1 s and 1 s take 5 s one after another and 3 s concurrently.
import asyncio
import time


def wait_sync(name, seconds):
    time.sleep(seconds)
    print(f"sync {name} done at {time.perf_counter() - start:.3f}")


async def wait_async(name, seconds):
    await asyncio.sleep(seconds)
    print(f"async {name} done at {time.perf_counter() - start:.3f}")


async def main():
    await asyncio.gather(wait_async("x", 3), wait_async("y", 1), wait_async("z", 1))


start = time.perf_counter()
for name, seconds in [("x", 3), ("y", 1), ("z", 1)]:
    wait_sync(name, seconds)
print(f"synchronous total: {time.perf_counter() - start:.3f} s")

start = time.perf_counter()
asyncio.run(main())
print(f"asynchronous total: {time.perf_counter() - start:.3f} s")
