# A bounded Queue: put() waits while the queue is full, so a fast producer keeps pace with the consumer.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def producer(queue):
    for i in range(5):
        await queue.put(i)
        print(f"put {i} at {now()} full={queue.full()}")
    await queue.put(None)


async def consumer(queue):
    while True:
        item = await queue.get()
        if item is None:
            break
        await asyncio.sleep(0.5)
        print(f"consumed {item} at {now()}")


async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue), consumer(queue))
    try:
        queue.put_nowait("a")
        queue.put_nowait("b")
        queue.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull with", queue.qsize(), "items")


asyncio.run(main())
