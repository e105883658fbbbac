# native: real
# loop.run_in_executor with a small ThreadPoolExecutor: four 0.2 s jobs on two workers take 0.4 s.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def job(n):
    time.sleep(0.2)
    return n * n, threading.current_thread().name


async def main():
    loop = asyncio.get_running_loop()
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, job, n) for n in range(4)))
    print("squares:", [square for square, _ in results])
    print("workers:", sorted({name for _, name in results}))
    print(f"elapsed {round(time.monotonic() - start, 1)} s")
    try:
        pool.submit(job, 5)
    except RuntimeError as e:
        print("after shutdown:", e)


asyncio.run(main())
