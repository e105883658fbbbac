# native: real
# A thread hands its result to the loop with call_soon_threadsafe: the waiting task wakes when
# the thread finishes, not before.
import asyncio
import threading
import time


def produce(loop, future):
    time.sleep(0.3)
    loop.call_soon_threadsafe(future.set_result, "made by " + threading.current_thread().name)


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    start = time.monotonic()
    thread = threading.Thread(target=produce, args=(loop, future), name="producer")
    thread.start()
    print("waiting...")
    print(await future)
    print(f"woke after {round(time.monotonic() - start, 1)} s")
    thread.join()
    print("producer alive:", thread.is_alive())


asyncio.run(main())
