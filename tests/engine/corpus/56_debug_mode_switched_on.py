# Debug mode switched on while a task's next step is already scheduled: that step is timed too,
# and a slow one is logged with the task it belongs to.
# stderr: took 0.300 seconds
import asyncio
import time


async def worker():
    print("worker step 1")
    await asyncio.sleep(0)
    time.sleep(0.3)
    print(f"worker step 2 at {asyncio.get_running_loop().time():.3f}")


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)  # the worker runs its first step and schedules its second
    loop.set_debug(True)
    await task
    print(f"debug {loop.get_debug()}, done at {loop.time():.3f}")


asyncio.run(main())
