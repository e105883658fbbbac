# Coroutines awaiting coroutines run in the same task, one frame inside the other.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def leaf(depth):
    await asyncio.sleep(0.1)
    print(f"  leaf at depth {depth} at {now()} in {asyncio.current_task().get_name()}")
    return depth


async def middle(depth):
    total = 0
    for _ in range(2):
        total += await leaf(depth + 1)
    return total


async def outer(name):
    print(f"{name} starts at {now()}")
    value = await middle(1) + await middle(10)
    print(f"{name} gets {value} at {now()}")
    return value


async def main():
    results = await asyncio.gather(outer("first"), outer("second"))
    print(results, f"at {now()}")


asyncio.run(main())
