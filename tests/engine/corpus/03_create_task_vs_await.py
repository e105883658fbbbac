# Awaiting coroutines one by one runs them in sequence; create_task starts them together.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def step(name, seconds):
    print(f"{name} starts at {now()}")
    await asyncio.sleep(seconds)
    print(f"{name} ends at {now()}")
    return name


async def main():
    print("awaiting one after another")
    await step("first", 1)
    await step("second", 1)
    print(f"sequential done at {now()}")

    print("creating tasks")
    third = asyncio.create_task(step("third", 1))
    fourth = asyncio.create_task(step("fourth", 1))
    print(f"tasks created at {now()}; neither has started")
    print(await third, await fourth)
    print(f"concurrent done at {now()}")


asyncio.run(main())
