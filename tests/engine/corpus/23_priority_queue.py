# A PriorityQueue hands out the smallest item first, whatever the order of put().
import asyncio


async def main():
    queue = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent"), (5, "whenever")]:
        await queue.put(item)

    async def worker(name):
        while not queue.empty():
            priority, label = await queue.get()
            print(f"{name} takes {priority} {label} at {asyncio.get_running_loop().time():.3f}")
            await asyncio.sleep(0.1 * priority)

    await asyncio.gather(worker("w1"), worker("w2"))
    lifo = asyncio.LifoQueue()
    for i in range(3):
        lifo.put_nowait(i)
    print("lifo:", [lifo.get_nowait() for _ in range(3)])


asyncio.run(main())
