"""A bounded Queue slows a fast producer down

The producer makes an item every 0.25 s, the consumer needs 1 s for each. The
queue holds at most 2 items, so once it is full, await queue.put() makes the
producer wait until the consumer takes one out. This is back-pressure: the
fast side is held to the pace of the slow side and memory stays bounded.

Bookmarks:
    when "producer: queue full, waiting to put item 4" is printed -> the queue is full: the producer waits on queue.put()
    when "consumer: got item 2" is printed -> the consumer takes an item and the producer may put the next one
"""
import asyncio
import time

START = time.perf_counter()


def now():
    """Seconds since the program started, to the millisecond."""
    return f"{time.perf_counter() - START:.3f}"


async def producer(queue):
    for item in range(1, 6):
        await asyncio.sleep(0.25)  # making an item takes 0.25 s
        if queue.full():
            print(f"{now()} producer: queue full, waiting to put item {item}")
        await queue.put(item)  # waits while the queue is full
        print(f"{now()} producer: put item {item}")
    await queue.put(None)  # None means: no more items


async def consumer(queue):
    while True:
        item = await queue.get()  # waits while the queue is empty
        if item is None:
            break
        print(f"{now()} consumer: got item {item}")
        await asyncio.sleep(1)  # handling an item takes 1 s


async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue), consumer(queue))
    print(f"{now()} all items handled")


asyncio.run(main())
