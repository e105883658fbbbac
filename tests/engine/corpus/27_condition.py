# A Condition: consumers wait until the producer notifies; notify(1) wakes one, notify_all the rest.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def consumer(cond, items, name):
    async with cond:
        await cond.wait_for(lambda: items)
        item = items.pop(0)
        print(f"{name} got {item} at {now()}")


async def main():
    cond = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer(cond, items, f"c{i}")) for i in range(3)]
    await asyncio.sleep(0.5)
    async with cond:
        items.append("first")
        cond.notify(1)
    await asyncio.sleep(0.5)
    async with cond:
        items.extend(["second", "third"])
        cond.notify_all()
    await asyncio.gather(*consumers)
    print(f"done at {now()}")


asyncio.run(main())
