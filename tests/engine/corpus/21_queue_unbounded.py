# An unbounded Queue: the producer never waits, the consumer waits when it is empty.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def producer(queue):
    for i in range(4):
        await asyncio.sleep(0.2)
        await queue.put(i)
        print(f"put {i} at {now()} (size {queue.qsize()})")
    await queue.put(None)


async def consumer(queue):
    while (item := await queue.get()) is not None:
        print(f"got {item} at {now()}")
        await asyncio.sleep(0.3)
    print(f"consumer done at {now()}")


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(producer(queue), consumer(queue))


asyncio.run(main())
