"""A bounded Queue slows a fast producer down

The producer makes an item every 0.25 s, the consumer needs 1 s for each. The
queue holds at most 2 items, so once it is full, await queue.put() makes the
producer wait until the consumer takes one out. This is back-pressure: the
fast side is held to the pace of the slow side and memory stays bounded.

Bookmarks:
    when "producer: queue full, waiting to put item 4" is printed -> the queue is full: the producer waits on queue.put()
    when "consumer: got item 2" is printed -> the consumer takes an item and the producer may put the next one

Questions:
    when "producer: queue full, waiting to put item 4" is printed -> The queue holds at most 2 items, and items 2 and 3 are in it at 1.0 s. What does the producer do with item 4? -> puts it at once | *waits on queue.put() until the consumer takes one | drops it -> queue.put() waits while the queue is full (maxsize=2).
    at t=1.25 -> The consumer got item 1 at 0.25 s and handles each item for 1 s. When does it get item 2? -> at 0.5 s | *at 1.25 s | at 2.25 s -> Its asyncio.sleep(1) after item 1 ends at 1.25 s; only then does it await queue.get() again.
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
