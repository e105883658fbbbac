# A TaskGroup waits for all its children; their results are there when the block ends.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def fetch(name, seconds):
    print(f"{name} fetching at {now()}")
    await asyncio.sleep(seconds)
    print(f"{name} fetched at {now()}")
    return name.upper()


async def main():
    async with asyncio.TaskGroup() as group:
        first = group.create_task(fetch("one", 0.3))
        second = group.create_task(fetch("two", 0.1), name="second")
        third = group.create_task(fetch("three", 0.2))
        print(f"group body done at {now()}")
    print(f"group exited at {now()}:", first.result(), second.result(), third.result())
    print(second.get_name())


asyncio.run(main())
