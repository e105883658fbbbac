# time.time, time.monotonic, time.perf_counter and loop.time all read one virtual clock.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    base = (time.time(), time.monotonic(), time.perf_counter(), loop.time())
    await asyncio.sleep(1.25)
    time.sleep(0.5)
    after = (time.time(), time.monotonic(), time.perf_counter(), loop.time())
    print("elapsed:", [f"{b - a:.3f}" for a, b in zip(base, after)])
    print(f"loop.time() equals time.monotonic(): {loop.time() == time.monotonic()}")


asyncio.run(main())
